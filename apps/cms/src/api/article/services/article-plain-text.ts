/** Plain text of an article body (dynamic zone of blocks and components), for search and reading time. */

type Node = { type?: string; text?: string; children?: Node[] };
type Section = {
  __component?: string;
  body?: Node[] | string;
  items?: Array<{ text?: string }>;
  quote?: string;
  caption?: string;
  title?: string;
};

const nodeText = (nodes: Node[] | undefined): string =>
  (nodes ?? []).map((n) => (typeof n.text === 'string' ? n.text : nodeText(n.children))).join(' ');

export const articlePlainText = (body: unknown): string => {
  if (!Array.isArray(body)) return '';
  return (body as Section[])
    .map((section) => {
      if (Array.isArray(section.body)) return nodeText(section.body);
      return [
        section.title,
        typeof section.body === 'string' ? section.body : '',
        section.quote,
        section.caption,
        ...(section.items ?? []).map((i) => i.text),
      ]
        .filter(Boolean)
        .join(' ');
    })
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
};

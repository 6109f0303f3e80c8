/**
 * Old sites write their rails and key points into the body: a heading such as "Recommended for
 * you", "You may also like" or "Key takeaways" followed by a list. The CMS has fields for those, so
 * such a heading and its list are taken out of the body into the article's fields, in order.
 */
import type { Block, InlineNode } from '../seed/markdown-to-blocks';
import type { SourceBodySection, SourceLink } from './source-article';

export type LinkLists = {
  body: SourceBodySection[];
  recommended: SourceLink[];
  alsoLike: SourceLink[];
  keyTakeaways: string[];
};

type ListKind = 'recommended' | 'alsoLike' | 'keyTakeaways';

const HEADINGS: Array<[RegExp, ListKind]> = [
  [/^(recommended( for you)?|related (articles|posts|reading)|further reading|read next)$/i, 'recommended'],
  [/^(you may also like|you might also like|more like this)$/i, 'alsoLike'],
  [/^(key (takeaways|points)|in short|at a glance)$/i, 'keyTakeaways'],
];

const textOf = (nodes: InlineNode[]): string =>
  nodes
    .map((n) => (n.type === 'text' ? n.text : n.children.map((c) => c.text).join('')))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

const kindOf = (block: Block): ListKind | null => {
  if (block.type !== 'heading') return null;
  const title = textOf(block.children).replace(/[:.]$/, '');
  return HEADINGS.find(([pattern]) => pattern.test(title))?.[1] ?? null;
};

/** Each item that is one link (any text around it is ignored); null when an item has none. */
const linksOf = (list: Extract<Block, { type: 'list' }>): SourceLink[] | null => {
  const links: SourceLink[] = [];
  for (const item of list.children) {
    const link = item.children.find((n) => n.type === 'link');
    if (!link) return null;
    links.push({ url: link.url, label: textOf(link.children) || link.url });
  }
  return links;
};

export function extractLinkLists(sections: SourceBodySection[]): LinkLists {
  const out: LinkLists = { body: [], recommended: [], alsoLike: [], keyTakeaways: [] };
  for (const section of sections) {
    if (section.kind !== 'rich-text') {
      out.body.push(section);
      continue;
    }
    const kept: Block[] = [];
    for (let i = 0; i < section.body.length; i++) {
      const block = section.body[i];
      const next = section.body[i + 1];
      const kind = block ? kindOf(block) : null;
      if (block && kind && next?.type === 'list') {
        if (kind === 'keyTakeaways') {
          out.keyTakeaways.push(...next.children.map((item) => textOf(item.children)).filter(Boolean));
          i++;
          continue;
        }
        const links = linksOf(next);
        // A list of plain text under such a heading is prose: leave it in the body.
        if (links) {
          out[kind].push(...links);
          i++;
          continue;
        }
      }
      if (block) kept.push(block);
    }
    if (kept.length) out.body.push({ kind: 'rich-text', body: kept });
  }
  return out;
}

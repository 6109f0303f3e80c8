/**
 * Reshapes an article's dynamic-zone body: heading anchors for the table of contents, every
 * link checked with `safeHref` (unsafe ones become plain text), images embedded in rich text
 * lifted out as figures, and the word count behind the reading time.
 */
import type {
  BodySection,
  RichTextBlock,
  RichTextInline,
  RichTextLeaf,
  RichTextList,
  RichTextListItem,
  TocEntry,
} from '../domain';
import { isExternalHref, safeHref } from '../safe-href';
import { unreachable } from '../unreachable';
import type { RawBodyComponent } from '../schemas/article';
import type { RawBlockNode, RawInlineNode, RawListNode } from '../schemas/blocks';
import { toImage, type MediaUrl } from './reshape';

export const WORDS_PER_MINUTE = 200;

/** `Using it sensibly: dose & timing` -> `using-it-sensibly-dose-timing` */
export const slugifyHeading = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '') || 'section';

export const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export const readingMinutes = (words: number): number => Math.max(1, Math.round(words / WORDS_PER_MINUTE));

const inlineText = (nodes: RawInlineNode[]): string =>
  nodes.map((node) => (node.type === 'text' ? node.text : node.children.map((child) => child.text).join(''))).join('');

const toLeaf = (node: Extract<RawInlineNode, { type: 'text' }>): RichTextLeaf => {
  const leaf: RichTextLeaf = { type: 'text', text: node.text };
  if (node.bold) leaf.bold = true;
  if (node.italic) leaf.italic = true;
  if (node.underline) leaf.underline = true;
  if (node.strikethrough) leaf.strikethrough = true;
  if (node.code) leaf.code = true;
  return leaf;
};

const toInlines = (nodes: RawInlineNode[]): RichTextInline[] =>
  nodes.flatMap((node): RichTextInline[] => {
    if (node.type === 'text') return [toLeaf(node)];
    const url = safeHref(node.url);
    const children = node.children.map(toLeaf);
    // A refused URL keeps its words but loses the link.
    if (!url) return children;
    return [{ type: 'link', url, external: isExternalHref(url), children }];
  });

const toList = (node: RawListNode): RichTextList => ({
  type: 'list',
  format: node.format,
  children: node.children.map((child): RichTextListItem | RichTextList =>
    child.type === 'list' ? toList(child) : { type: 'list-item', children: toInlines(child.children) },
  ),
});

const listText = (node: RawListNode): string =>
  node.children.map((child) => (child.type === 'list' ? listText(child) : inlineText(child.children))).join(' ');

const blockText = (node: RawBlockNode): string => {
  switch (node.type) {
    case 'list':
      return listText(node);
    case 'image':
      return '';
    default:
      return inlineText(node.children);
  }
};

export type ReshapedBody = { sections: BodySection[]; toc: TocEntry[]; words: number };

/** Turns the raw dynamic zone into sections, the H2 table of contents and a word count. */
export const reshapeBody = (components: RawBodyComponent[], mediaUrl: MediaUrl): ReshapedBody => {
  const sections: BodySection[] = [];
  const toc: TocEntry[] = [];
  const usedIds = new Map<string, number>();
  let words = 0;

  const uniqueId = (text: string): string => {
    const base = slugifyHeading(text);
    const count = usedIds.get(base) ?? 0;
    usedIds.set(base, count + 1);
    return count === 0 ? base : `${base}-${count + 1}`;
  };

  for (const component of components) {
    const key = `${component.__component}-${component.id}`;
    switch (component.__component) {
      case 'content.rich-text': {
        let blocks: RichTextBlock[] = [];
        let part = 0;
        const flush = () => {
          if (blocks.length > 0) sections.push({ kind: 'rich-text', key: `${key}-${part++}`, blocks });
          blocks = [];
        };
        for (const node of component.body) {
          words += countWords(blockText(node));
          switch (node.type) {
            case 'heading': {
              const text = inlineText(node.children).trim();
              // The article title is the page's only H1, so an H1 in the body becomes an H2.
              const level = node.level === 1 ? 2 : node.level;
              const id = uniqueId(text);
              if (level === 2 && text) toc.push({ id, text });
              blocks.push({ type: 'heading', level, id, children: toInlines(node.children) });
              break;
            }
            case 'paragraph':
            case 'quote':
            case 'code':
              blocks.push({ type: node.type, children: toInlines(node.children) });
              break;
            case 'list':
              blocks.push(toList(node));
              break;
            case 'image': {
              // Inline images are rendered like figures (next/image, caption), between rich-text parts.
              const image = toImage(
                {
                  url: node.image.url,
                  width: node.image.width ?? null,
                  height: node.image.height ?? null,
                  alternativeText: node.image.alternativeText ?? null,
                },
                node.image.alternativeText,
                mediaUrl,
              );
              if (image) {
                flush();
                sections.push({
                  kind: 'figure',
                  key: `${key}-image-${part++}`,
                  image,
                  caption: node.image.caption?.trim() || null,
                  credit: null,
                });
              }
              break;
            }
            default:
              unreachable(node, 'rich-text block');
          }
        }
        flush();
        break;
      }
      case 'content.key-takeaways': {
        const items = component.items.map((item) => item.text.trim()).filter(Boolean);
        words += items.reduce((sum, item) => sum + countWords(item), 0);
        if (items.length > 0)
          sections.push({ kind: 'key-takeaways', key, title: component.title?.trim() || 'Key takeaways', items });
        break;
      }
      case 'content.callout':
        words += countWords(`${component.title ?? ''} ${component.body}`);
        sections.push({
          kind: 'callout',
          key,
          variant: component.variant,
          title: component.title?.trim() || null,
          body: component.body,
        });
        break;
      case 'content.pull-quote':
        words += countWords(component.quote);
        sections.push({
          kind: 'pull-quote',
          key,
          quote: component.quote,
          attribution: component.attribution?.trim() || null,
        });
        break;
      case 'content.figure': {
        const image = toImage(component.image, component.alt, mediaUrl);
        words += countWords(component.caption ?? '');
        if (image)
          sections.push({
            kind: 'figure',
            key,
            image,
            caption: component.caption?.trim() || null,
            credit: component.credit?.trim() || null,
          });
        break;
      }
      default:
        unreachable(component, 'body component');
    }
  }
  return { sections, toc, words };
};

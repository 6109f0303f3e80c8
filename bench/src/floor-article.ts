/**
 * The floor page's text from the article the run audits, read from the running CMS (the read
 * model the site reads): title, standfirst (the excerpt, as the site's header shows it) and the
 * body's text as headings, paragraphs and lists. Images are left out: the floor is the text.
 */
import { articlePagePath } from '@nourish/content';
import {
  articlePageResponse,
  type RawArticle,
  type RawBlockNode,
  type RawInlineNode,
  type RawListNode,
} from '@nourish/content/schemas';

import type { FloorArticle, FloorBlock } from '../floor-app/article';

const inlineText = (nodes: RawInlineNode[]): string =>
  nodes.map((n) => (n.type === 'text' ? n.text : n.children.map((c) => c.text).join(''))).join('');

/** A nested list's items are flattened into its parent: the floor keeps the words, not the nesting. */
const listItems = (list: RawListNode): string[] =>
  list.children.flatMap((child) => (child.type === 'list' ? listItems(child) : [inlineText(child.children)]));

// The page's h1 is the title: body headings start at h2 and stop at h4.
const headingLevel = (level: number): 2 | 3 | 4 => (level <= 2 ? 2 : level === 3 ? 3 : 4);

const fromBlock = (block: RawBlockNode): FloorBlock[] => {
  switch (block.type) {
    case 'heading':
      return [{ kind: 'heading', level: headingLevel(block.level), text: inlineText(block.children) }];
    case 'paragraph':
    case 'quote':
    case 'code':
      return [{ kind: 'paragraph', text: inlineText(block.children) }];
    case 'list':
      return [{ kind: 'list', ordered: block.format === 'ordered', items: listItems(block) }];
    case 'image':
      return [];
  }
};

const paragraphs = (...texts: Array<string | null | undefined>): FloorBlock[] =>
  texts.filter((t): t is string => Boolean(t)).map((text) => ({ kind: 'paragraph', text }));

export function floorArticle(raw: RawArticle): FloorArticle {
  const blocks = (raw.body ?? []).flatMap((component): FloorBlock[] => {
    switch (component.__component) {
      case 'content.rich-text':
        return component.body.flatMap(fromBlock);
      case 'content.key-takeaways':
        return [
          ...paragraphs(component.title),
          { kind: 'list', ordered: false, items: component.items.map((i) => i.text) },
        ];
      case 'content.callout':
        return paragraphs(component.title, component.body);
      case 'content.pull-quote':
        return paragraphs(component.quote, component.attribution);
      case 'content.figure':
        return paragraphs(component.caption);
    }
  });
  // Empty paragraphs (spacing in the editor) render nothing on the site either.
  return {
    title: raw.title,
    standfirst: raw.excerpt,
    blocks: blocks.filter((b) => (b.kind === 'list' ? b.items.length > 0 : b.text.trim() !== '')),
  };
}

/** The published article `slug` from the CMS, as the floor page shows it. */
export async function fetchFloorArticle(cmsUrl: string, slug: string): Promise<FloorArticle> {
  const url = `${cmsUrl}/api${articlePagePath(slug)}`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${String(res.status)}`);
  return floorArticle(articlePageResponse.parse(await res.json()).data);
}

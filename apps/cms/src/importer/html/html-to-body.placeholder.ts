/**
 * PLACEHOLDER for imp-html's `html-to-body.ts` (same signature), so the WordPress source can be
 * written and tested before it lands; the lead switches the import when merging and deletes this
 * file. It understands only the regular HTML of well-formed posts (h2-h4, p, ul/ol/li, blockquote,
 * img, a, strong, em) and sanitises nothing.
 */
import type { Block, InlineNode } from '../../seed/markdown-to-blocks';
import type { SourceBodySection } from '../source-article';

const decode = (text: string) =>
  text
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&rsquo;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const plain = (html: string) => decode(html.replace(/<[^>]*>/g, '')).trim();

const inline = (html: string, baseUrl: string): InlineNode[] => {
  const nodes: InlineNode[] = [];
  const linkPattern = /<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g;
  let at = 0;
  for (const match of html.matchAll(linkPattern)) {
    const before = plain(html.slice(at, match.index));
    if (before) nodes.push({ type: 'text', text: `${before} ` });
    nodes.push({
      type: 'link',
      url: new URL(decode(match[1] ?? ''), baseUrl).href,
      children: [{ type: 'text', text: plain(match[2] ?? '') }],
    });
    at = match.index + match[0].length;
  }
  const rest = plain(html.slice(at));
  if (rest) nodes.push({ type: 'text', text: rest });
  return nodes.length ? nodes : [{ type: 'text', text: '' }];
};

export function htmlToBody(html: string, baseUrl: string): { body: SourceBodySection[]; warnings: string[] } {
  const body: SourceBodySection[] = [];
  let blocks: Block[] = [];
  const flush = () => {
    if (blocks.length) body.push({ kind: 'rich-text', body: blocks });
    blocks = [];
  };
  const pattern =
    /<(h[2-4])[^>]*>([\s\S]*?)<\/\1>|<(ul|ol)[^>]*>([\s\S]*?)<\/\3>|<blockquote[^>]*>([\s\S]*?)<\/blockquote>|<img\s([^>]*)>|<p[^>]*>([\s\S]*?)<\/p>/g;
  for (const m of html.matchAll(pattern)) {
    if (m[1] && m[2] !== undefined) {
      blocks.push({ type: 'heading', level: Number(m[1].slice(1)) as 2 | 3 | 4, children: inline(m[2], baseUrl) });
    } else if (m[3] && m[4] !== undefined) {
      const items = [...m[4].matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((li) => ({
        type: 'list-item' as const,
        children: inline(li[1] ?? '', baseUrl),
      }));
      blocks.push({ type: 'list', format: m[3] === 'ol' ? 'ordered' : 'unordered', children: items });
    } else if (m[5] !== undefined) {
      flush();
      body.push({ kind: 'pull-quote', quote: plain(m[5]) });
    } else if (m[6] !== undefined) {
      const attrs = m[6];
      const src = /src="([^"]*)"/.exec(attrs)?.[1];
      if (src) {
        flush();
        body.push({
          kind: 'figure',
          image: { src: new URL(decode(src), baseUrl).href, alt: decode(/alt="([^"]*)"/.exec(attrs)?.[1] ?? '') },
        });
      }
    } else if (m[7] !== undefined && plain(m[7])) {
      blocks.push({ type: 'paragraph', children: inline(m[7], baseUrl) });
    }
  }
  flush();
  return { body, warnings: [] };
}

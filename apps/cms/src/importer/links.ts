/**
 * Links between imported articles. Every imported article is known by its "link keys": its old
 * URLs and `/articles/<the slug its source asked for>`, normalised (host lower-cased, no `www.`,
 * fragment, tracking parameters or trailing slash). A link whose key belongs to an imported
 * article (a relative one: also read against the linking article's own old URLs) is rewritten to
 * `/articles/<its new slug>`; one that matches nothing yet is kept as it is and remembered as
 * pending, so a later import of its target (later in this run, or a later run) rewrites it.
 */
import type { Block, InlineNode } from '../seed/markdown-to-blocks';
import type { SourceArticle } from './source-article';

export type LinkTarget = { documentId: string; slug: string };

const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid)$/i;

/** The key of a URL, or null when it cannot point at an article (mailto:, #anchor, garbage). */
export const linkKey = (url: string): string | null => {
  const trimmed = url.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) {
    const pathOnly = trimmed.split(/[?#]/)[0] ?? '';
    return pathOnly.replace(/\/+$/, '') || '/';
  }
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    // The query stays (WordPress's `/?p=412` is an article), less tracking parameters, sorted.
    const query = [...parsed.searchParams]
      .filter(([name]) => !TRACKING.test(name))
      .map(([name, value]) => `${name}=${value}`)
      .sort()
      .join('&');
    const host = parsed.host.toLowerCase().replace(/^www\./, '');
    return `${host}${parsed.pathname.replace(/\/+$/, '')}${query ? `?${query}` : ''}`;
  } catch {
    return null;
  }
};

export const articlePath = (slug: string) => `/articles/${slug}`;

/** The keys that lead to `article`. */
export const linkKeysOf = (article: SourceArticle): string[] => {
  const keys = article.sourceUrls.map(linkKey).filter((k): k is string => k !== null);
  if (article.slug) keys.push(articlePath(article.slug));
  return [...new Set(keys)];
};

/** The path a Redirect answers for an old URL (path and query), or null when it has none. */
export const redirectFrom = (url: string): string | null => {
  try {
    const parsed = new URL(url, 'http://relative.invalid');
    // Without its trailing slash: the site answers `/x/` with a 308 to `/x` before it looks up
    // redirects, so `/x` is the address a redirect must be stored under.
    const pathname = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : parsed.pathname;
    const from = `${pathname}${parsed.search}`;
    return from.startsWith('/') && from.length <= 300 && !/\s/.test(from) ? from : null;
  } catch {
    return null;
  }
};

export class LinkMap {
  private readonly targets = new Map<string, LinkTarget>();

  /** Its keys and its new path lead to `target`. */
  add(keys: readonly string[], target: LinkTarget) {
    for (const key of [...keys, articlePath(target.slug)]) this.targets.set(key, target);
  }

  /** `bases`: the linking article's old URLs, against which a relative link is read too. */
  resolve(url: string, bases: readonly string[] = []): LinkTarget | undefined {
    const key = linkKey(url);
    if (key === null) return undefined;
    const direct = this.targets.get(key);
    if (direct || !key.startsWith('/')) return direct;
    for (const base of bases) {
      const absolute = URL.canParse(url, base) ? new URL(url, base).href : null;
      const found = absolute ? this.targets.get(linkKey(absolute) ?? '') : undefined;
      if (found) return found;
    }
    return undefined;
  }
}

/** Every key `LinkMap.resolve(url, bases)` looks up: the link's own, and for a site path, read against each base. */
export const candidateKeys = (url: string, bases: readonly string[] = []): string[] => {
  const key = linkKey(url);
  if (key === null) return [];
  if (!key.startsWith('/')) return [key];
  const relative = bases.map((base) => (URL.canParse(url, base) ? linkKey(new URL(url, base).href) : null));
  return [...new Set([key, ...relative.filter((k): k is string => k !== null)])];
};

/** The links of `article` (body, rails) that could lead to an article but lead to none imported yet. */
export const unresolvedLinks = (links: LinkMap, article: SourceArticle): string[] => {
  const urls: string[] = [];
  const collect = (nodes: InlineNode[]) => {
    for (const node of nodes) if (node.type === 'link') urls.push(node.url);
  };
  for (const section of article.body) {
    if (section.kind !== 'rich-text') continue;
    for (const block of section.body) {
      if (block.type === 'list') for (const item of block.children) collect(item.children);
      else if (block.type !== 'code') collect(block.children);
    }
  }
  urls.push(...[...article.recommended, ...article.alsoLike, ...article.alsoLikeExcluded].map((l) => l.url));
  return [...new Set(urls)].filter(
    (url) => linkKey(url) !== null && links.resolve(url, article.sourceUrls) === undefined,
  );
};

/**
 * Rich text with links to imported articles rewritten; `unresolved` lists the other links that
 * could point at an article (http(s) URLs and site paths).
 */
export const rewriteBlocks = (
  links: LinkMap,
  blocks: Block[],
  bases: readonly string[] = [],
): { blocks: Block[]; unresolved: string[] } => {
  const unresolved: string[] = [];
  const inline = (nodes: InlineNode[]): InlineNode[] =>
    nodes.map((node) => {
      if (node.type !== 'link') return node;
      const target = links.resolve(node.url, bases);
      if (target) return { ...node, url: articlePath(target.slug) };
      if (linkKey(node.url) !== null) unresolved.push(node.url);
      return node;
    });
  const out = blocks.map((block): Block => {
    switch (block.type) {
      case 'list':
        return { ...block, children: block.children.map((item) => ({ ...item, children: inline(item.children) })) };
      case 'code':
        return block;
      default:
        return { ...block, children: inline(block.children) };
    }
  });
  return { blocks: out, unresolved };
};

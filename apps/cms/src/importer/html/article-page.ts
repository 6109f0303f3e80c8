/// <reference lib="dom" />
// linkedom and Readability are typed with the DOM's own interfaces (Document, Element, Node).
/**
 * A whole article page (as the old site served it) -> one SourceEntry. The page's metadata (title,
 * lead, author, dates, topics, canonical URL) and its two link rails are read from the original
 * document; the rails and the copyright line are then removed and Readability finds the article
 * body in what is left, which html-to-body turns into sections.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

import type { SourceArticle, SourceEntry, SourceLink, SourcePerson, SourceTopic } from '../source-article';
import { CALLOUT_CLASS, CALLOUT_MARK, htmlToBody, imageUrl, normaliseSpace, type UrlBases } from './html-to-body';

/** Where the page came from: its URL, and for a page read from disk, the file's URL (images
 * resolve against the file, links against the old site's canonical URL). */
export type PageLocation = { url: string; fileUrl?: string };

const RAIL_LABELS = {
  recommended: /^recommended for you:?$/i,
  alsoLike: /^you may also like:?$/i,
} as const;
type RailName = keyof typeof RAIL_LABELS;

const COPYRIGHT = /©|&copy;|\bcopyright\b|all rights reserved/i;
const LEAD_CLASS = /\b(lead|standfirst|dek|intro|summary|subtitle|excerpt|entry-summary)\b/i;
/** Below this much text Readability's pick is a page chrome, not an article. */
const MIN_ARTICLE_CHARS = 200;

const text = (el: Element | null | undefined) => normaliseSpace(el?.textContent ?? '').trim();
const meta = (doc: Document, ...names: string[]) => {
  for (const name of names) {
    const value = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content');
    if (value?.trim()) return normaliseSpace(value).trim();
  }
  return undefined;
};
const metaAll = (doc: Document, name: string) =>
  Array.from(doc.querySelectorAll(`meta[property="${name}"], meta[name="${name}"]`))
    .map((m) => normaliseSpace(m.getAttribute('content') ?? '').trim())
    .filter(Boolean);

const absolute = (raw: string | null | undefined, base: string) => {
  if (!raw?.trim()) return undefined;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

const isoDate = (raw: string | undefined, what: string, warnings: string[]) => {
  if (!raw) return undefined;
  const time = Date.parse(raw);
  if (Number.isNaN(time)) {
    warnings.push(`${what} "${raw}" is not a date; left out`);
    return undefined;
  }
  return new Date(time).toISOString();
};

type JsonLdNode = Record<string, unknown>;
const isRecord = (value: unknown): value is JsonLdNode => typeof value === 'object' && value !== null;

/** Every object in the page's JSON-LD scripts (top level and @graph), so types can be picked. */
const jsonLdNodes = (doc: Document, warnings: string[]): JsonLdNode[] => {
  const nodes: JsonLdNode[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value)) {
      nodes.push(value);
      if ('@graph' in value) visit(value['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent || 'null'));
    } catch {
      warnings.push('a JSON-LD block is not valid JSON; ignored');
    }
  }
  return nodes;
};
const typeIs = (node: JsonLdNode, ...types: string[]) => {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && types.includes(t));
};
const stringField = (node: JsonLdNode | undefined, key: string) => {
  const value = node?.[key];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
};
const nameOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return nameOf(value[0]);
  return isRecord(value) ? stringField(value, 'name') : undefined;
};

/** The element whose own text is the rail's label (deepest such), or one labelled by aria-label. */
const findRailLabel = (doc: Document, name: RailName): Element | undefined => {
  const label = RAIL_LABELS[name];
  const labelled = Array.from(doc.querySelectorAll('[aria-label]')).find((el) =>
    label.test((el.getAttribute('aria-label') ?? '').trim()),
  );
  if (labelled) return labelled;
  return Array.from(doc.querySelectorAll('body *')).find(
    (el) =>
      label.test(text(el)) &&
      !el.querySelector('a[href]') &&
      !Array.from(el.children).some((child) => label.test(text(child))),
  );
};

/** What a rail's links sit in: the labelled element itself, or the siblings after the label (or
 * after the nearest ancestor that has any), up to the next label, heading or the article. */
const railElements = (label: Element, stopAt: (el: Element) => boolean): Element[] => {
  if (label.hasAttribute('aria-label') && label.querySelector('a[href]')) return [label];
  for (let anchor: Element | null = label; anchor && anchor.tagName !== 'BODY'; anchor = anchor.parentElement) {
    const found: Element[] = [];
    for (let next = anchor.nextElementSibling; next && !stopAt(next); next = next.nextElementSibling) {
      found.push(next);
    }
    if (found.some((el) => el.matches('a[href]') || el.querySelector('a[href]'))) return [label, ...found];
    if (anchor.parentElement && stopAt(anchor.parentElement)) break;
  }
  return [];
};

const railLinks = (elements: Element[], base: string): SourceLink[] => {
  const links: SourceLink[] = [];
  const seen = new Set<string>();
  for (const el of elements) {
    const anchors = el.matches('a[href]') ? [el] : Array.from(el.querySelectorAll('a[href]'));
    for (const a of anchors) {
      const url = absolute(a.getAttribute('href'), base);
      if (!url || seen.has(url)) continue;
      seen.add(url);
      const label = text(a) || a.getAttribute('title')?.trim() || a.querySelector('img')?.getAttribute('alt') || url;
      links.push({ url, label });
    }
  }
  return links;
};

/** "Title | Site" -> "Title", when the page names its site (og:site_name). */
const withoutSiteName = (doc: Document, title: string | undefined) => {
  const site = meta(doc, 'og:site_name');
  if (!title || !site) return title;
  const suffix = new RegExp(`\\s+[|\u2013\u2014-]\\s+${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return title.replace(suffix, '') || title;
};

/** The visible title: the article's H1 (the page's first otherwise), then og:title. */
const findTitleHeading = (doc: Document) =>
  doc.querySelector('article h1, main h1, [itemprop="headline"]') ?? doc.querySelector('h1');

/** The standfirst: an element marked as one, or the paragraph right after the title heading. */
const findLead = (doc: Document, heading: Element | null): Element | undefined => {
  const marked = Array.from(doc.querySelectorAll('p[class], div[class]')).find(
    (el) => LEAD_CLASS.test(el.getAttribute('class') ?? '') && text(el).length > 0 && !el.querySelector('p, h2'),
  );
  if (marked) return marked;
  const next = heading?.nextElementSibling;
  const isByline = (el: Element) =>
    /\b(byline|author|meta|date)\b/i.test(el.getAttribute('class') ?? '') || /^by\s/i.test(text(el));
  return next?.tagName === 'P' && text(next) && !isByline(next) ? next : undefined;
};

const BYLINE = /^(written\s+)?by\s+\S.{0,60}$/i;

/** A short "By Ann Lee" line with no byline markup (marked ones Readability drops by itself). */
const findBylineLine = (doc: Document) =>
  Array.from(doc.querySelectorAll('body p, body div, body span, body address')).find(
    (el) => el.children.length <= 1 && BYLINE.test(text(el)),
  );

const findAuthor = (doc: Document, ld: JsonLdNode | undefined, bylineLine: Element | undefined) => {
  const raw =
    meta(doc, 'author', 'article:author', 'parsely-author') ??
    nameOf(ld?.author) ??
    (text(doc.querySelector('[rel="author"], [itemprop="author"], .byline .author, .author-name, .byline')) ||
      text(bylineLine));
  const name = raw
    .replace(/^\s*(written\s+)?by\s+/i, '')
    .split(/\s*[|,]\s*/)[0]
    ?.trim();
  if (!name || /^https?:/.test(name)) return undefined;
  const person: SourcePerson = { name };
  return person;
};

const findTopics = (doc: Document, ldNodes: JsonLdNode[], title: string): SourceTopic[] => {
  const names = [...metaAll(doc, 'article:tag'), ...metaAll(doc, 'article:section')];
  const crumbs = doc.querySelectorAll(
    'nav[aria-label*="readcrumb" i] a, .breadcrumb a, .breadcrumbs a, [itemtype*="BreadcrumbList"] [itemprop="name"]',
  );
  for (const crumb of Array.from(crumbs)) names.push(text(crumb));
  for (const node of ldNodes.filter((n) => typeIs(n, 'BreadcrumbList'))) {
    const items = Array.isArray(node.itemListElement) ? node.itemListElement : [];
    for (const item of items) {
      if (isRecord(item)) names.push(stringField(item, 'name') ?? (isRecord(item.item) ? nameOf(item.item) : '') ?? '');
    }
  }
  const topics: SourceTopic[] = [];
  const seen = new Set([title.toLowerCase(), 'home', '']);
  for (const name of names.map((n) => n.trim())) {
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    topics.push({ name });
  }
  return topics;
};

/** Readability deletes every <aside> and <footer> in the article and turns a text-only <div> into
 * a bare <p>; a boxed note in the text and a quote's attribution are content, so they are handed
 * over in forms it keeps: a marked blockquote (html-to-body reads it back as a callout) and a cite. */
const keepFromReadability = (doc: Document) => {
  const replace = (el: Element, tag: string, className: string) => {
    const replacement = doc.createElement(tag);
    replacement.setAttribute('class', className);
    while (el.firstChild) replacement.appendChild(el.firstChild);
    el.replaceWith(replacement);
  };
  const boxes = Array.from(doc.querySelectorAll('aside, div[class], p[class]')).filter(
    (el) =>
      (el.tagName === 'ASIDE' || CALLOUT_CLASS.test(el.getAttribute('class') ?? '')) &&
      !el.querySelector('a[href], nav, ul, ol, h1, h2, h3, div, p, img, table') &&
      text(el).length > 0 &&
      text(el).length < 600,
  );
  for (const box of boxes) replace(box, 'blockquote', `${CALLOUT_MARK} ${box.getAttribute('class') ?? ''}`.trim());
  for (const footer of Array.from(doc.querySelectorAll('blockquote footer'))) replace(footer, 'cite', 'attribution');
};

/** Short blocks that only carry the copyright notice (footers, small print). */
const removeCopyright = (doc: Document) => {
  for (const el of Array.from(doc.querySelectorAll('footer, p, small, div, span'))) {
    const own = text(el);
    if (el.isConnected && COPYRIGHT.test(own) && own.length < 200) el.remove();
  }
};

const slugFrom = (canonical: string | undefined) => {
  if (!canonical) return undefined;
  const last = new URL(canonical).pathname.split('/').filter(Boolean).pop();
  const slug = last?.replace(/\.html?$/, '').toLowerCase();
  return slug && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) ? slug : undefined;
};

/** One page -> one SourceEntry (ok, or the reason it holds no article). */
export const readArticlePage = (html: string, location: PageLocation): SourceEntry => {
  const warnings: string[] = [];
  const { document: doc } = parseHTML(html);
  const pageUrl = location.url;
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  const fetchedBase = absolute(baseHref, pageUrl) ?? pageUrl;
  const canonical =
    absolute(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), fetchedBase) ??
    absolute(meta(doc, 'og:url'), fetchedBase);
  const linkBase = canonical ?? fetchedBase;
  const bases: UrlBases = { links: linkBase, images: location.fileUrl ?? fetchedBase };
  const sourceKey = `url:${canonical ?? pageUrl}`;

  const ldNodes = jsonLdNodes(doc, warnings);
  const ldArticle = ldNodes.find((n) => typeIs(n, 'Article', 'NewsArticle', 'BlogPosting', 'MedicalWebPage'));

  // Rails first, from the original document, then out of it so the body never repeats them.
  const rails = { recommended: [] as SourceLink[], alsoLike: [] as SourceLink[] };
  const labels = (Object.keys(RAIL_LABELS) as RailName[]).map((name) => [name, findRailLabel(doc, name)] as const);
  const heading = findTitleHeading(doc);
  const labelEls = labels.flatMap(([, el]) => (el ? [el] : []));
  const stopAt = (el: Element) =>
    el.matches('h1, footer, main, article') ||
    (heading !== null && el.contains(heading)) ||
    labelEls.some((label) => el === label || el.contains(label));
  for (const [name, label] of labels) {
    if (!label) continue;
    const elements = railElements(label, stopAt);
    rails[name] = railLinks(elements, linkBase);
    if (!rails[name].length) warnings.push(`"${text(label)}" has no links`);
    for (const el of elements) el.remove();
  }

  const title =
    text(heading) || withoutSiteName(doc, meta(doc, 'og:title', 'twitter:title')) || stringField(ldArticle, 'headline');
  const leadEl = findLead(doc, heading);
  const excerpt = text(leadEl) || meta(doc, 'description', 'og:description') || undefined;
  const bylineLine = findBylineLine(doc);
  const author = findAuthor(doc, ldArticle, bylineLine);
  const publishedAt = isoDate(
    meta(doc, 'article:published_time') ??
      stringField(ldArticle, 'datePublished') ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      undefined,
    'published date',
    warnings,
  );
  const updatedAt = isoDate(
    meta(doc, 'article:modified_time', 'og:updated_time') ?? stringField(ldArticle, 'dateModified'),
    'updated date',
    warnings,
  );
  const topics = findTopics(doc, ldNodes, title ?? '');
  const coverSrc = imageUrl(meta(doc, 'og:image') ?? null, bases.images);
  const cover = coverSrc ? { src: coverSrc, alt: meta(doc, 'og:image:alt') ?? '' } : undefined;

  // What Readability must not take for content.
  leadEl?.remove();
  heading?.remove();
  bylineLine?.remove();
  removeCopyright(doc);
  keepFromReadability(doc);
  // Classes kept: html-to-body reads pull quotes, callouts and credits from them.
  const found = new Readability(doc, { keepClasses: true }).parse();
  const content = found?.content;
  if (!title || !content || (found.textContent ?? '').trim().length < MIN_ARTICLE_CHARS) {
    return { ok: false, sourceKey, error: `no article found in ${pageUrl}` };
  }
  const { body, warnings: bodyWarnings } = htmlToBody(content, bases.links, bases.images);
  warnings.push(...bodyWarnings);

  const sourceUrls = [canonical, /^https?:/.test(pageUrl) ? pageUrl : undefined].filter(
    (url, i, all): url is string => url !== undefined && all.indexOf(url) === i,
  );
  if (!canonical) warnings.push(`no canonical URL in ${pageUrl}`);
  const article: SourceArticle = {
    sourceKey,
    sourceUrls,
    title,
    ...(slugFrom(canonical) ? { slug: slugFrom(canonical) } : {}),
    ...(excerpt ? { excerpt } : {}),
    body,
    ...(cover ? { cover } : {}),
    ...(author ? { author } : {}),
    topics,
    ...(publishedAt ? { publishedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    keyTakeaways: [],
    references: [],
    recommended: rails.recommended,
    alsoLike: rails.alsoLike,
    alsoLikeExcluded: [],
    sourceDraft: false,
  };
  return { ok: true, article, warnings };
};

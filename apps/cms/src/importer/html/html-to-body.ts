/**
 * An HTML fragment (a WordPress post's content, or the article Readability found in a page) ->
 * the article's body sections. Text, lists, quotes and headings become Strapi "blocks" (grouped
 * into rich-text sections); images, pull quotes and callouts become their own sections, in
 * document order. Anything that is not content (scripts, styles, embeds, forms, tracking pixels,
 * event handlers, comments) is never read, since only text, `href`, `src` and `alt` are taken.
 *
 * Parsed with htmlparser2 into domhandler's tree: about 20x faster than building a DOM (linkedom)
 * for the same fragment, which matters over 10,000 WordPress posts. (htmlparser2 10 is the last
 * major with a CommonJS build, which the CMS's compiled code needs on every Node it supports.)
 */
import { fileURLToPath } from 'node:url';

import { type AnyNode, type Element, isTag, isText } from 'domhandler';
import { existsOne, findAll, findOne } from 'domutils';
import { parseDocument } from 'htmlparser2';

import type { Block, InlineNode, TextNode } from '../../seed/markdown-to-blocks';
import { expandCaptionShortcodes } from './caption-shortcode';
import type { SourceBodySection } from '../source-article';

export type HtmlToBodyResult = { body: SourceBodySection[]; warnings: string[] };

/** Where relative URLs point: links against the old site's page URL, images against where the
 * page's bytes are (the same URL for fetched pages; the file's URL for pages read from disk). */
export type UrlBases = { links: string; images: string };

type Marks = Omit<TextNode, 'type' | 'text'>;
type ListItem = { type: 'list-item'; children: InlineNode[] };

/** Never content: dropped with everything inside. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'link',
  'meta',
  'svg',
  'canvas',
  'video',
  'audio',
  'nav',
  'head',
  'title',
]);

/** Elements that start a new block when met among inline content. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'ul',
  'img',
  'picture',
]);

const MARK_OF: Partial<Record<string, keyof Marks>> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  cite: 'italic',
  code: 'code',
  kbd: 'code',
  samp: 'code',
  tt: 'code',
  s: 'strikethrough',
  del: 'strikethrough',
  strike: 'strikethrough',
};

/** Hosts that serve analytics beacons, never article images. */
const TRACKER_HOSTS = [
  'google-analytics.com',
  'googletagmanager.com',
  'doubleclick.net',
  'facebook.com',
  'facebook.net',
  'pixel.wp.com',
  'stats.wp.com',
  'bat.bing.com',
  'scorecardresearch.com',
  'quantserve.com',
  'analytics.twitter.com',
  'ads.linkedin.com',
];

export const CALLOUT_CLASS = /\b(callout|note|notice|tip|info|warning|alert|caution|disclaimer)\b/i;
/** The class article-page puts on the boxed notes it hands through Readability as blockquotes. */
export const CALLOUT_MARK = 'nourish-callout';
const PULL_QUOTE_CLASS = /\b(wp-block-pullquote|pullquote|pull-quote)\b/i;
const CREDIT_CLASS = /\b(credit|image-credit|photo-credit|attribution)\b/i;
const HEADING = /^h[1-6]$/;
const BLANK_LINE = /\n[ \t\u00a0]*\n/;

const attr = (el: Element, name: string): string | null => el.attribs[name] ?? null;
const classOf = (el: Element) => el.attribs.class ?? '';
const first = (test: (el: Element) => boolean, el: Element) => findOne(test, el.children);
const has = (test: (el: Element) => boolean, el: Element) => existsOne(test, el.children);
const named =
  (...names: string[]) =>
  (el: Element) =>
    names.includes(el.name);

/** Collapses runs of whitespace (non-breaking spaces included) to one space. */
export const normaliseSpace = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');
const cleanText = (text: string) => normaliseSpace(text).trim();

/** An element's readable text: what is in scripts, styles and the like is not. */
const textOf = (node: AnyNode, skip?: AnyNode): string => {
  if (node === skip) return '';
  if (isText(node)) return node.data;
  if (!isTag(node) || DROPPED.has(node.name)) return '';
  let out = '';
  for (const child of node.children) out += textOf(child, skip);
  return BLOCK.has(node.name) ? ` ${out} ` : out;
};

/** An absolute URL, or undefined for what is no link target (javascript:, data:, vbscript:, junk). */
const absoluteUrl = (raw: string | null, base: string): string | undefined => {
  const value = raw?.trim();
  if (!value || value.startsWith('#')) return undefined;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  return ['http:', 'https:', 'mailto:', 'tel:', 'file:'].includes(url.protocol) ? url.href : undefined;
};

/** An image's source as ImageSource wants it: an http(s) URL, or an absolute file path. */
export const imageUrl = (raw: string | null, base: string): string | undefined => {
  const href = absoluteUrl(raw, base);
  if (!href) return undefined;
  if (href.startsWith('file:')) return fileURLToPath(href);
  return href.startsWith('http:') || href.startsWith('https:') ? href : undefined;
};

const isTrackingPixel = (img: Element, src: string) => {
  const tiny = (name: string) => ['0', '1', '1px', '0px'].includes(attr(img, name)?.trim() ?? '');
  if (tiny('width') || tiny('height')) return true;
  const style = attr(img, 'style') ?? '';
  if (/\b(width|height)\s*:\s*[01]px/i.test(style) || /display\s*:\s*none/i.test(style)) return true;
  if (!/^https?:/.test(src)) return false;
  const host = new URL(src).hostname;
  return TRACKER_HOSTS.some((tracker) => host === tracker || host.endsWith(`.${tracker}`));
};

/** The image's own source: `src`, else a lazy loader's `data-src`, else the first `srcset` entry. */
const rawImageSrc = (img: Element) => {
  const candidates = [attr(img, 'src'), attr(img, 'data-src'), attr(img, 'data-lazy-src')];
  const srcset = attr(img, 'srcset') ?? attr(img, 'data-srcset');
  if (srcset) candidates.push(srcset.trim().split(/\s+/)[0] ?? null);
  return candidates.find((c) => c && !c.startsWith('data:')) ?? null;
};

const sameMarks = (a: TextNode, b: TextNode) =>
  a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.strikethrough === b.strikethrough;

/** Joins neighbouring text with the same marks, folds whitespace across node boundaries and
 * trims the run's ends, as Strapi's editor stores text. */
const tidyInline = (nodes: InlineNode[]): InlineNode[] => {
  const out: InlineNode[] = [];
  let endsInSpace = true; // the start of a block counts as whitespace, so leading space is dropped
  let lastText: TextNode | undefined;
  const pushText = (target: InlineNode[], node: TextNode) => {
    // Source whitespace is already one space (see inline); only <br> gave a line break.
    let text = node.text.replace(/ ?\n ?/g, '\n');
    if (endsInSpace) text = text.replace(/^ /, '');
    if (!text) return;
    // A space right before a line break is invisible: drop it from the text that ended with it.
    if (text.startsWith('\n') && lastText) lastText.text = lastText.text.replace(/ $/, '');
    endsInSpace = /[ \n]$/.test(text);
    const prev = target[target.length - 1];
    if (prev?.type === 'text' && sameMarks(prev, node)) {
      prev.text += text;
      lastText = prev;
    } else {
      lastText = { ...node, text };
      target.push(lastText);
    }
  };
  for (const node of nodes) {
    if (node.type === 'text') pushText(out, node);
    else {
      const children: InlineNode[] = [];
      for (const child of node.children) pushText(children, child);
      const texts = children.filter((c): c is TextNode => c.type === 'text');
      if (texts.length) out.push({ ...node, children: texts });
    }
  }
  // Trim the end: trailing spaces and line breaks of the last text, wherever it sits.
  for (let i = out.length - 1; i >= 0; i--) {
    const node = out[i];
    if (!node) break;
    const last = node.type === 'text' ? node : node.children[node.children.length - 1];
    if (!last) break;
    last.text = last.text.replace(/[ \n]+$/, '');
    if (last.text) break;
    if (node.type === 'text') out.splice(i, 1);
    else {
      node.children.pop();
      if (node.children.length) break;
      out.splice(i, 1);
    }
  }
  return out;
};

const headingLevel = (tag: string): 2 | 3 | 4 => {
  const depth = Number(tag.slice(1));
  return depth <= 2 ? 2 : depth === 3 ? 3 : 4;
};

/** Reads one fragment; holds what is being built while the tree is walked. */
class BodyReader {
  readonly body: SourceBodySection[] = [];
  readonly warnings: string[] = [];
  private blocks: Block[] = [];
  /** Images met inside a paragraph or list: they follow the block they were in. */
  private pendingFigures: SourceBodySection[] = [];
  private tables = 0;
  private flattenedLists = 0;

  constructor(private readonly bases: UrlBases) {}

  read(nodes: AnyNode[]): HtmlToBodyResult {
    this.container(nodes);
    this.flushBlocks();
    if (this.tables) this.warnings.push(`${this.tables} table(s) turned into paragraphs (one per row)`);
    if (this.flattenedLists) this.warnings.push(`${this.flattenedLists} nested list(s) flattened into their parent`);
    return { body: this.body, warnings: this.warnings };
  }

  private flushBlocks() {
    if (this.blocks.length) this.body.push({ kind: 'rich-text', body: this.blocks });
    this.blocks = [];
  }

  private addSection(section: SourceBodySection) {
    this.flushBlocks();
    this.body.push(section);
  }

  private flushPendingFigures() {
    for (const figure of this.pendingFigures) this.addSection(figure);
    this.pendingFigures = [];
  }

  private addBlock(block: Block) {
    this.blocks.push(block);
    this.flushPendingFigures();
  }

  private addParagraph(nodes: InlineNode[]) {
    const children = tidyInline(nodes);
    if (children.length) this.addBlock({ type: 'paragraph', children });
    else this.flushPendingFigures();
  }

  /** A container's children: runs of inline content become paragraphs, block elements their own. */
  private container(nodes: AnyNode[]) {
    let run: InlineNode[] = [];
    for (const child of nodes) {
      if (isTag(child) && BLOCK.has(child.name)) {
        this.addParagraph(run);
        run = [];
        this.block(child);
      } else if (isText(child) && BLANK_LINE.test(child.data)) {
        // WordPress's classic editor stores paragraphs as text separated by blank lines (its
        // wpautop adds the <p> only on display): a blank line in loose text ends a paragraph.
        const parts = child.data.split(BLANK_LINE);
        parts.forEach((part, i) => {
          if (i > 0) {
            this.addParagraph(run);
            run = [];
          }
          run.push({ type: 'text', text: normaliseSpace(part) });
        });
      } else run.push(...this.inline(child, {}));
    }
    this.addParagraph(run);
  }

  private block(el: Element) {
    const tag = el.name;
    if (DROPPED.has(tag)) return;
    if ((tag === 'div' || tag === 'p' || tag === 'section') && CALLOUT_CLASS.test(classOf(el)) && this.callout(el)) {
      return;
    }
    if (HEADING.test(tag)) {
      const children = tidyInline(this.inlineChildren(el, {}));
      if (children.length) this.addBlock({ type: 'heading', level: headingLevel(tag), children });
      else this.flushPendingFigures();
      return;
    }
    switch (tag) {
      case 'p':
        this.addParagraph(this.inlineChildren(el, {}));
        return;
      case 'ul':
      case 'ol':
        this.list(el);
        return;
      case 'blockquote':
        this.blockquote(el);
        return;
      case 'figure':
        this.figure(el);
        return;
      case 'img':
      case 'picture':
        this.addImage(tag === 'img' ? el : first(named('img'), el), undefined, undefined);
        return;
      case 'pre': {
        const text = textOf(el).replace(/^ \n?/, '').replace(/\s+$/, '');
        if (text) this.addBlock({ type: 'code', children: [{ type: 'text', text }] });
        return;
      }
      case 'table':
        this.table(el);
        return;
      case 'hr':
        return;
      case 'aside':
        if (!this.callout(el)) this.container(el.children);
        return;
      default:
        if (PULL_QUOTE_CLASS.test(classOf(el)) && this.pullQuote(el)) return;
        this.container(el.children);
    }
  }

  private list(el: Element) {
    const items: ListItem[] = [];
    const collect = (list: Element) => {
      for (const li of list.children) {
        if (!isTag(li) || li.name !== 'li') continue;
        const own: InlineNode[] = [];
        const nested: Element[] = [];
        for (const child of li.children) {
          if (isTag(child) && (child.name === 'ul' || child.name === 'ol')) nested.push(child);
          else own.push(...this.inline(child, {}));
        }
        const children = tidyInline(own);
        if (children.length) items.push({ type: 'list-item', children });
        // Strapi's list items hold inline text only: sub-items follow their parent item.
        for (const sub of nested) {
          this.flattenedLists++;
          collect(sub);
        }
      }
    };
    collect(el);
    if (items.length) {
      this.addBlock({ type: 'list', format: el.name === 'ol' ? 'ordered' : 'unordered', children: items });
    } else this.flushPendingFigures();
  }

  /** A quote with an attribution (cite/footer) or a pull-quote class is a pull quote; others a quote block. */
  private blockquote(el: Element) {
    if (classOf(el).split(/\s+/).includes(CALLOUT_MARK)) {
      this.addCallout(el, classOf(el));
      return;
    }
    const attributed =
      has(named('cite', 'footer', 'figcaption'), el) || has((c) => /\battribution\b/.test(classOf(c)), el);
    if ((attributed || PULL_QUOTE_CLASS.test(classOf(el))) && this.pullQuote(el)) return;
    const paragraphs = findAll(named('p'), el.children);
    const parts = paragraphs.length ? paragraphs : [el];
    const nodes: InlineNode[] = [];
    parts.forEach((part, i) => {
      if (i > 0) nodes.push({ type: 'text', text: '\n' });
      nodes.push(...this.inlineChildren(part, {}));
    });
    const children = tidyInline(nodes);
    if (children.length) this.addBlock({ type: 'quote', children });
  }

  private pullQuote(el: Element): boolean {
    const quoteEl = el.name === 'blockquote' ? el : (first(named('blockquote'), el) ?? el);
    const attributionEl =
      first(named('cite', 'footer', 'figcaption'), el) ?? first((c) => /\battribution\b/.test(classOf(c)), el);
    const attribution = attributionEl ? cleanText(textOf(attributionEl)).replace(/^[-\u2014\u2013]\s*/, '') : '';
    const quote = cleanText(textOf(quoteEl, attributionEl ?? undefined));
    if (!quote) return false;
    this.addSection(attribution ? { kind: 'pull-quote', quote, attribution } : { kind: 'pull-quote', quote });
    return true;
  }

  /** An aside or a div marked as a note/warning/disclaimer; anything with its own structure
   * (headings, lists, images) stays in the body instead, so nothing is lost. */
  private callout(el: Element): boolean {
    if (has(named('h1', 'h2', 'h3', 'ul', 'ol', 'img', 'table', 'figure'), el)) return false;
    const label = `${classOf(el)} ${attr(el, 'role') ?? ''}`;
    if (el.name !== 'aside' && !CALLOUT_CLASS.test(label)) return false;
    this.addCallout(el, label);
    return true;
  }

  private addCallout(el: Element, label: string) {
    const body = cleanText(textOf(el));
    if (!body) return;
    const variant = /disclaimer/i.test(label)
      ? 'disclaimer'
      : /warning|alert|caution/i.test(label)
        ? 'warning'
        : 'note';
    this.addSection({ kind: 'callout', variant, body });
  }

  private figure(el: Element) {
    const img = first(named('img'), el);
    if (!img && has(named('blockquote'), el) && this.pullQuote(el)) return;
    if (!img) {
      const table = first(named('table'), el);
      if (table) this.table(table);
      else this.container(el.children);
      return;
    }
    const captionEl = first(named('figcaption'), el);
    let caption: string | undefined;
    let credit: string | undefined;
    if (captionEl) {
      const creditEl = first((c) => c.name === 'small' || CREDIT_CLASS.test(classOf(c)), captionEl);
      if (creditEl) credit = cleanText(textOf(creditEl)).replace(/^(photo|image|credit)\s*:\s*/i, '') || undefined;
      caption = cleanText(textOf(captionEl, creditEl ?? undefined)) || undefined;
    }
    this.addImage(img, caption, credit);
  }

  private addImage(img: Element | null, caption: string | undefined, credit: string | undefined) {
    const section = this.imageSection(img, caption, credit);
    if (section) this.addSection(section);
  }

  private imageSection(
    img: Element | null,
    caption: string | undefined,
    credit: string | undefined,
  ): SourceBodySection | undefined {
    if (!img) return undefined;
    const raw = rawImageSrc(img);
    const src = imageUrl(raw, this.bases.images);
    if (!src) {
      this.warnings.push(
        raw === null ? 'image dropped: it has no usable source' : `image dropped: unusable source "${raw}"`,
      );
      return undefined;
    }
    if (isTrackingPixel(img, src)) return undefined;
    let alt = cleanText(attr(img, 'alt') ?? '');
    if (!alt) {
      this.warnings.push(`image ${src} has no alt text${caption ? '; its caption is used' : ''}`);
      alt = caption ?? '';
    }
    return { kind: 'figure', image: { src, alt }, ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
  }

  /** Rich text has no tables: each row becomes a paragraph of its cells, header cells in bold. */
  private table(el: Element) {
    this.tables++;
    const caption = first(named('caption'), el);
    if (caption) this.addParagraph([{ type: 'text', text: normaliseSpace(textOf(caption)), bold: true }]);
    for (const row of findAll(named('tr'), el.children)) {
      const nodes: InlineNode[] = [];
      row.children.filter(isTag).forEach((cell, i) => {
        if (i > 0) nodes.push({ type: 'text', text: ' | ' });
        nodes.push(...this.inlineChildren(cell, cell.name === 'th' ? { bold: true } : {}));
      });
      this.addParagraph(nodes);
    }
  }

  private inlineChildren(el: Element, marks: Marks): InlineNode[] {
    const out: InlineNode[] = [];
    for (const child of el.children) out.push(...this.inline(child, marks));
    return out;
  }

  /** One node in running text. Images found here become figures after the current block. */
  private inline(node: AnyNode, marks: Marks): InlineNode[] {
    if (isText(node)) return [{ type: 'text', text: normaliseSpace(node.data), ...marks }];
    if (!isTag(node) || DROPPED.has(node.name)) return [];
    const tag = node.name;
    if (tag === 'br') return [{ type: 'text', text: '\n', ...marks }];
    if (tag === 'img' || tag === 'picture') {
      // The figure waits until the paragraph around it is written.
      const figure = this.imageSection(tag === 'img' ? node : first(named('img'), node), undefined, undefined);
      if (figure) this.pendingFigures.push(figure);
      return [];
    }
    const mark = MARK_OF[tag];
    const inner = mark ? { ...marks, [mark]: true as const } : marks;
    const children = this.inlineChildren(node, inner);
    if (tag === 'a') {
      const url = absoluteUrl(attr(node, 'href'), this.bases.links);
      const texts = children.flatMap((c): TextNode[] => (c.type === 'text' ? [c] : c.children));
      if (!url || !texts.some((t) => t.text.trim())) return texts;
      return [{ type: 'link', url, children: texts }];
    }
    // A block inside running text (a <p> in an <li>) still separates words.
    return BLOCK.has(tag) ? [{ type: 'text', text: ' ' }, ...children, { type: 'text', text: ' ' }] : children;
  }
}

/** Body sections of an HTML fragment; relative links resolve against `baseUrl`, images against
 * `imageBaseUrl` (the same by default; a file's URL for pages read from disk). */
export const htmlToBody = (html: string, baseUrl: string, imageBaseUrl: string = baseUrl): HtmlToBodyResult =>
  new BodyReader({ links: baseUrl, images: imageBaseUrl }).read(parseDocument(expandCaptionShortcodes(html)).children);

/// <reference lib="dom" />
// linkedom and Readability are typed with the DOM's own interfaces (Document, Element, Node).
/**
 * An HTML fragment (a WordPress post's content, or the article Readability found in a page) ->
 * the article's body sections. Text, lists, quotes and headings become Strapi "blocks" (grouped
 * into rich-text sections); images, pull quotes and callouts become their own sections, in
 * document order. Anything that is not content (scripts, styles, embeds, forms, tracking pixels,
 * event handlers, comments) is never read, since only text, `href`, `src` and `alt` are taken.
 */
import { fileURLToPath } from 'node:url';

import { parseHTML } from 'linkedom';

import type { Block, InlineNode, TextNode } from '../../seed/markdown-to-blocks';
import type { ImageSource, SourceBodySection } from '../source-article';

export type HtmlToBodyResult = { body: SourceBodySection[]; warnings: string[] };

/** Where relative URLs point: links against the old site's page URL, images against where the
 * page's bytes are (the same URL for fetched pages; the file's URL for pages read from disk). */
export type UrlBases = { links: string; images: string };

type Marks = Omit<TextNode, 'type' | 'text'>;

const ELEMENT = 1;
const TEXT = 3;

/** Never content: dropped with everything inside. */
const DROPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'FORM',
  'INPUT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'LINK',
  'META',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'NAV',
  'HEAD',
  'TITLE',
]);

/** Elements that start a new block when met among inline content. */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'UL',
  'IMG',
  'PICTURE',
]);

const MARK_OF: Record<string, keyof Marks> = {
  STRONG: 'bold',
  B: 'bold',
  EM: 'italic',
  I: 'italic',
  CITE: 'italic',
  CODE: 'code',
  KBD: 'code',
  SAMP: 'code',
  TT: 'code',
  S: 'strikethrough',
  DEL: 'strikethrough',
  STRIKE: 'strikethrough',
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
  'pixel.quantserve.com',
  'ads.linkedin.com',
];

export const CALLOUT_CLASS = /\b(callout|note|notice|tip|info|warning|alert|caution|disclaimer)\b/i;
/** The class article-page puts on the boxed notes it hands through Readability as blockquotes. */
export const CALLOUT_MARK = 'nourish-callout';
const PULL_QUOTE_CLASS = /\b(wp-block-pullquote|pullquote|pull-quote)\b/i;
const CREDIT_CLASS = /\b(credit|image-credit|photo-credit|attribution)\b/i;

const isElement = (node: Node): node is Element => node.nodeType === ELEMENT;
const classOf = (el: Element) => el.getAttribute('class') ?? '';

/** Collapses runs of whitespace (non-breaking spaces included) to one space. */
export const normaliseSpace = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');
const cleanText = (text: string) => normaliseSpace(text).trim();

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
  const tiny = (attr: string) => ['0', '1', '1px', '0px'].includes(img.getAttribute(attr)?.trim() ?? '');
  if (tiny('width') || tiny('height')) return true;
  const style = img.getAttribute('style') ?? '';
  if (/\b(width|height)\s*:\s*[01]px/i.test(style) || /display\s*:\s*none/i.test(style)) return true;
  if (!/^https?:/.test(src)) return false;
  const host = new URL(src).hostname;
  return TRACKER_HOSTS.some((tracker) => host === tracker || host.endsWith(`.${tracker}`));
};

/** The image's own source: `src`, else a lazy loader's `data-src`, else the first `srcset` entry. */
const rawImageSrc = (img: Element) => {
  const candidates = [img.getAttribute('src'), img.getAttribute('data-src'), img.getAttribute('data-lazy-src')];
  const srcset = img.getAttribute('srcset') ?? img.getAttribute('data-srcset');
  if (srcset) candidates.push(srcset.trim().split(/\s+/)[0] ?? null);
  return candidates.find((c) => c && !c.startsWith('data:')) ?? null;
};

/** Joins neighbouring text with the same marks, folds whitespace across node boundaries and
 * trims the run's ends, as Strapi's editor stores text. */
const tidyInline = (nodes: InlineNode[]): InlineNode[] => {
  const out: InlineNode[] = [];
  let endsInSpace = true; // the start of a block counts as whitespace, so leading space is dropped
  let lastText: TextNode | undefined;
  const pushText = (target: TextNode[] | InlineNode[], node: TextNode) => {
    // Source whitespace is already one space (see inline); only <br> gave a line break.
    let text = node.text.replace(/ ?\n ?/g, '\n');
    if (endsInSpace) text = text.replace(/^ /, '');
    if (!text) return;
    // A space right before a line break is invisible: drop it from the text that ended with it.
    if (text.startsWith('\n') && lastText) lastText.text = lastText.text.replace(/ $/, '');
    endsInSpace = /[ \n]$/.test(text);
    const prev = target[target.length - 1];
    if (prev?.type === 'text' && sameMarks(prev, node)) prev.text += text;
    else target.push({ ...node, text });
    lastText = target[target.length - 1] as TextNode;
  };
  for (const node of nodes) {
    if (node.type === 'text') pushText(out, node);
    else {
      const children: TextNode[] = [];
      for (const child of node.children) pushText(children, child);
      if (children.length) out.push({ ...node, children });
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

const sameMarks = (a: TextNode, b: TextNode) =>
  a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.strikethrough === b.strikethrough;

const plainText = (nodes: InlineNode[]) =>
  nodes.map((n) => (n.type === 'text' ? n.text : n.children.map((c) => c.text).join(''))).join('');

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

  read(root: ParentNode): HtmlToBodyResult {
    this.blocks = [];
    this.container(root);
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

  private addBlock(block: Block) {
    this.blocks.push(block);
    for (const figure of this.pendingFigures) this.addSection(figure);
    this.pendingFigures = [];
  }

  private addParagraph(nodes: InlineNode[]) {
    const children = tidyInline(nodes);
    if (children.length) this.addBlock({ type: 'paragraph', children });
    else this.flushPendingFigures();
  }

  private flushPendingFigures() {
    for (const figure of this.pendingFigures) this.addSection(figure);
    this.pendingFigures = [];
  }

  /** A container's children: runs of inline content become paragraphs, block elements their own. */
  private container(parent: ParentNode) {
    let run: InlineNode[] = [];
    for (const child of Array.from(parent.childNodes)) {
      if (isElement(child) && BLOCK.has(child.tagName)) {
        this.addParagraph(run);
        run = [];
        this.block(child);
      } else run.push(...this.inline(child, {}));
    }
    this.addParagraph(run);
  }

  private block(el: Element) {
    const tag = el.tagName;
    if (DROPPED.has(tag)) return;
    if ((tag === 'DIV' || tag === 'P' || tag === 'SECTION') && CALLOUT_CLASS.test(classOf(el)) && this.callout(el)) {
      return;
    }
    switch (tag) {
      case 'H1':
      case 'H2':
      case 'H3':
      case 'H4':
      case 'H5':
      case 'H6': {
        const children = tidyInline(this.inlineChildren(el, {}));
        if (children.length) this.addBlock({ type: 'heading', level: headingLevel(tag), children });
        else this.flushPendingFigures();
        return;
      }
      case 'P':
        this.addParagraph(this.inlineChildren(el, {}));
        return;
      case 'UL':
      case 'OL':
        this.list(el);
        return;
      case 'BLOCKQUOTE':
        this.blockquote(el);
        return;
      case 'FIGURE':
        this.figure(el);
        return;
      case 'IMG':
      case 'PICTURE':
        this.addImage(el.tagName === 'IMG' ? el : el.querySelector('img'), undefined, undefined);
        return;
      case 'PRE': {
        const text = el.textContent.replace(/^\n/, '').replace(/\s+$/, '');
        if (text) this.addBlock({ type: 'code', children: [{ type: 'text', text }] });
        return;
      }
      case 'TABLE':
        this.table(el);
        return;
      case 'HR':
        return;
      case 'ASIDE':
        if (!this.callout(el)) this.container(el);
        return;
      default:
        if (PULL_QUOTE_CLASS.test(classOf(el)) && this.pullQuote(el)) return;
        this.container(el);
    }
  }

  private list(el: Element) {
    const items: Array<{ type: 'list-item'; children: InlineNode[] }> = [];
    const collect = (list: Element) => {
      for (const li of Array.from(list.children)) {
        if (li.tagName !== 'LI') continue;
        const own: InlineNode[] = [];
        const nested: Element[] = [];
        for (const child of Array.from(li.childNodes)) {
          if (isElement(child) && (child.tagName === 'UL' || child.tagName === 'OL')) nested.push(child);
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
      this.addBlock({ type: 'list', format: el.tagName === 'OL' ? 'ordered' : 'unordered', children: items });
    } else this.flushPendingFigures();
  }

  /** A quote with an attribution (cite/footer) or a pull-quote class is a pull quote; others a quote block. */
  private blockquote(el: Element) {
    if (classOf(el).split(/\s+/).includes(CALLOUT_MARK)) {
      this.addCallout(el, classOf(el));
      return;
    }
    const attributionEl = el.querySelector('cite, footer, figcaption, .attribution');
    if (attributionEl || PULL_QUOTE_CLASS.test(classOf(el))) {
      if (this.pullQuote(el)) return;
    }
    const paragraphs = Array.from(el.querySelectorAll('p'));
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
    const quoteEl = el.tagName === 'BLOCKQUOTE' ? el : (el.querySelector('blockquote') ?? el);
    const attributionEl = el.querySelector('cite, footer, figcaption, .attribution');
    const attribution = attributionEl ? cleanText(attributionEl.textContent).replace(/^[-\u2014\u2013]\s*/, '') : '';
    let quote = '';
    for (const child of Array.from(quoteEl.childNodes)) {
      if (child === attributionEl || (isElement(child) && attributionEl && child.contains(attributionEl))) continue;
      quote += ` ${child.textContent ?? ''}`;
    }
    quote = cleanText(quote);
    if (!quote) return false;
    this.addSection(attribution ? { kind: 'pull-quote', quote, attribution } : { kind: 'pull-quote', quote });
    return true;
  }

  /** An aside or a div marked as a note/warning/disclaimer; anything with its own structure
   * (headings, lists, images) stays in the body instead, so nothing is lost. */
  private callout(el: Element): boolean {
    if (el.querySelector('h1, h2, h3, ul, ol, img, table, figure')) return false;
    const label = `${classOf(el)} ${el.getAttribute('role') ?? ''}`;
    if (el.tagName !== 'ASIDE' && !CALLOUT_CLASS.test(label)) return false;
    this.addCallout(el, label);
    return true;
  }

  private addCallout(el: Element, label: string) {
    const body = cleanText(el.textContent);
    if (!body) return;
    const variant = /disclaimer/i.test(label)
      ? 'disclaimer'
      : /warning|alert|caution/i.test(label)
        ? 'warning'
        : 'note';
    this.addSection({ kind: 'callout', variant, body });
  }

  private figure(el: Element) {
    if (PULL_QUOTE_CLASS.test(classOf(el)) || (el.querySelector('blockquote') && !el.querySelector('img'))) {
      const quote = el.querySelector('blockquote');
      if (quote && this.pullQuote(el)) return;
    }
    const img = el.querySelector('img');
    if (!img) {
      const table = el.querySelector('table');
      if (table) this.table(table);
      else if (cleanText(el.textContent)) this.container(el);
      return;
    }
    const captionEl = el.querySelector('figcaption');
    let caption: string | undefined;
    let credit: string | undefined;
    if (captionEl) {
      const creditEl = Array.from(captionEl.querySelectorAll('*')).find(
        (c) => c.tagName === 'SMALL' || CREDIT_CLASS.test(classOf(c)),
      );
      if (creditEl) credit = cleanText(creditEl.textContent).replace(/^(photo|image|credit)\s*:\s*/i, '') || undefined;
      let text = '';
      for (const node of Array.from(captionEl.childNodes)) {
        if (node !== creditEl && !(creditEl && isElement(node) && node.contains(creditEl)))
          text += node.textContent ?? '';
      }
      caption = cleanText(text) || undefined;
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
      if (raw !== null || img.getAttribute('src')) this.warnings.push(`image dropped: unusable source "${raw ?? ''}"`);
      else this.warnings.push('image dropped: it has no source');
      return undefined;
    }
    if (isTrackingPixel(img, src)) return undefined;
    let alt = cleanText(img.getAttribute('alt') ?? '');
    if (!alt) {
      this.warnings.push(`image ${src} has no alt text${caption ? '; its caption is used' : ''}`);
      alt = caption ?? '';
    }
    const image: ImageSource = { src, alt };
    return { kind: 'figure', image, ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
  }

  /** Rich text has no tables: each row becomes a paragraph of its cells, header cells in bold. */
  private table(el: Element) {
    this.tables++;
    const caption = el.querySelector('caption');
    if (caption) this.addParagraph([{ type: 'text', text: caption.textContent, bold: true }]);
    for (const row of Array.from(el.querySelectorAll('tr'))) {
      const nodes: InlineNode[] = [];
      Array.from(row.children).forEach((cell, i) => {
        if (i > 0) nodes.push({ type: 'text', text: ' | ' });
        nodes.push(...this.inlineChildren(cell, cell.tagName === 'TH' ? { bold: true } : {}));
      });
      this.addParagraph(nodes);
    }
  }

  private inlineChildren(el: Element, marks: Marks): InlineNode[] {
    const out: InlineNode[] = [];
    for (const child of Array.from(el.childNodes)) out.push(...this.inline(child, marks));
    return out;
  }

  /** One node in running text. Images found here become figures after the current block. */
  private inline(node: Node, marks: Marks): InlineNode[] {
    if (node.nodeType === TEXT) return [{ type: 'text', text: normaliseSpace(node.textContent ?? ''), ...marks }];
    if (!isElement(node) || DROPPED.has(node.tagName)) return [];
    const tag = node.tagName;
    if (tag === 'BR') return [{ type: 'text', text: '\n', ...marks }];
    if (tag === 'IMG' || tag === 'PICTURE') {
      // The figure waits until the paragraph around it is written.
      const figure = this.imageSection(tag === 'IMG' ? node : node.querySelector('img'), undefined, undefined);
      if (figure) this.pendingFigures.push(figure);
      return [];
    }
    const mark = MARK_OF[tag];
    const inner = mark ? { ...marks, [mark]: true as const } : marks;
    if (tag === 'A') {
      const children = this.inlineChildren(node, inner);
      const url = absoluteUrl(node.getAttribute('href'), this.bases.links);
      if (!url) return children;
      const texts = children.flatMap((c): TextNode[] => (c.type === 'text' ? [c] : c.children));
      if (!cleanText(plainText(texts))) return texts;
      return [{ type: 'link', url, children: texts }];
    }
    const children = this.inlineChildren(node, inner);
    // A block inside running text (a <p> in an <li>) still separates words.
    return BLOCK.has(tag) ? [{ type: 'text', text: ' ' }, ...children, { type: 'text', text: ' ' }] : children;
  }
}

/** Body sections of an already parsed element (Readability's article). */
export const elementToBody = (root: ParentNode, bases: UrlBases): HtmlToBodyResult => new BodyReader(bases).read(root);

export const parseFragment = (html: string): HTMLElement =>
  parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document.body;

/** Body sections of an HTML fragment; relative links and images resolve against `baseUrl`. */
export const htmlToBody = (html: string, baseUrl: string, imageBaseUrl: string = baseUrl): HtmlToBodyResult =>
  elementToBody(parseFragment(html), { links: baseUrl, images: imageBaseUrl });

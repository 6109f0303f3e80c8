/**
 * Reads one article file (YAML front matter + Markdown with `:::` directives) into a plain
 * description of the article. Directives become body components:
 *   :::note | :::warning | :::disclaimer   -> callout
 *   :::pullquote (last line "— Name" is the attribution) -> pull quote
 *   :::figure hue=120 (caption line, "credit: ..." line) -> figure with a generated image
 *   :::figure src=images/x.jpg alt="..." -> figure with that image file (the importer; relative to
 *     the Markdown file)
 * Everything between directives is rich text.
 */
import matter from 'gray-matter';

import { parseHistory, type HistorySpec } from './article-history-spec';
import { markdownToBlocks, type Block } from './markdown-to-blocks';

export type RecommendedSpec = { article: string } | { url: string; label: string };

export type BodySection =
  | { kind: 'rich-text'; body: Block[] }
  | { kind: 'callout'; variant: 'note' | 'warning' | 'disclaimer'; body: string }
  | { kind: 'pull-quote'; quote: string; attribution?: string }
  | { kind: 'figure'; hue: number; caption: string; credit?: string; src?: string; alt?: string };

export type ArticleFile = {
  title: string;
  slug: string;
  excerpt: string;
  author: string;
  reviewer?: string;
  topics: string[];
  publishedAt: string;
  /** Last substantive update readers are told of; absent: never updated since publication. */
  updatedAt?: string;
  lastReviewedAt?: string;
  nextReviewDue?: string;
  /** Dated updates, corrections and reviews, oldest first; recorded as article history. */
  history: HistorySpec[];
  /** `src`: an image file relative to the Markdown file (the importer); else generated from `hue`. */
  cover: { alt: string; hue: number; src?: string };
  /** The article's URLs on an old site (the importer makes each a Redirect). */
  oldUrls: string[];
  keyTakeaways: string[];
  references: Array<{ title: string; publisher?: string; year?: number; url?: string; doi?: string }>;
  recommended: RecommendedSpec[];
  alsoLike: { pin: string[]; exclude: string[] };
  body: BodySection[];
};

const CALLOUTS = new Set(['note', 'warning', 'disclaimer']);

export class ArticleFileError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

/** YAML reads an unquoted date as a Date, a quoted one as a string. */
const isoDate = (value: unknown) => {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (!value) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new Error(`Not a date: ${JSON.stringify(value)}`);
};

export const parseBody = (file: string, markdown: string): BodySection[] => {
  const sections: BodySection[] = [];
  const lines = markdown.split(/\r?\n/);
  let prose: string[] = [];
  const flushProse = () => {
    const text = prose.join('\n').trim();
    if (text) sections.push({ kind: 'rich-text', body: markdownToBlocks(text) });
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const open = /^:::(\w+)(.*)$/.exec(line.trim());
    if (!open || line.trim() === ':::') {
      prose.push(line);
      continue;
    }
    const end = lines.findIndex((other, j) => j > i && other.trim() === ':::');
    const [, name = '', args = ''] = open;
    if (end === -1) throw new ArticleFileError(file, `directive ":::${name}" on line ${i + 1} is never closed`);
    const inner = lines
      .slice(i + 1, end)
      .map((l) => l.trim())
      .filter(Boolean);
    flushProse();
    if (CALLOUTS.has(name)) {
      sections.push({ kind: 'callout', variant: name as 'note' | 'warning' | 'disclaimer', body: inner.join(' ') });
    } else if (name === 'pullquote') {
      const last = inner[inner.length - 1] ?? '';
      const attribution = /^[—-]\s*(.+)$/.exec(last)?.[1];
      sections.push({
        kind: 'pull-quote',
        quote: (attribution ? inner.slice(0, -1) : inner).join(' '),
        ...(attribution ? { attribution } : {}),
      });
    } else if (name === 'figure') {
      const hue = Number(/hue=(\d+)/.exec(args)?.[1] ?? 200);
      const src = /src=("[^"]+"|\S+)/.exec(args)?.[1]?.replace(/^"|"$/g, '');
      const alt = /alt="([^"]*)"/.exec(args)?.[1];
      const credit = inner.find((l) => /^credit:/i.test(l));
      sections.push({
        kind: 'figure',
        hue,
        caption: inner.filter((l) => l !== credit).join(' '),
        ...(credit ? { credit: credit.replace(/^credit:\s*/i, '') } : {}),
        ...(src ? { src } : {}),
        ...(alt ? { alt } : {}),
      });
    } else {
      throw new ArticleFileError(file, `unknown directive ":::${name}" on line ${i + 1}`);
    }
    i = end;
  }
  flushProse();
  return sections;
};

export const parseArticleFile = (file: string, source: string): ArticleFile => {
  const { data, content } = matter(source);
  const required = ['title', 'slug', 'excerpt', 'author', 'topics', 'publishedAt', 'cover'];
  const missing = required.filter((key) => data[key] === undefined || data[key] === '');
  if (missing.length) throw new ArticleFileError(file, `missing front matter: ${missing.join(', ')}`);
  const recommended = ((data.recommended ?? []) as Array<Record<string, unknown>>).map((item): RecommendedSpec => {
    if (typeof item.article === 'string') return { article: item.article };
    if (typeof item.url === 'string') {
      if (item.label !== undefined && item.label !== null && typeof item.label !== 'string') {
        throw new ArticleFileError(file, `recommended label must be text: ${JSON.stringify(item)}`);
      }
      return { url: item.url, label: item.label ?? '' };
    }
    throw new ArticleFileError(file, `recommended item needs "article" or "url": ${JSON.stringify(item)}`);
  });
  // Front matter is YAML: scalars, lists and maps, checked field by field here.
  const cover = data.cover as { alt?: unknown; hue?: unknown; src?: unknown };
  const alsoLike = data.alsoLike as { pin?: unknown[]; exclude?: unknown[] } | undefined;
  const publishedAt = isoDate(data.publishedAt);
  if (!publishedAt) throw new ArticleFileError(file, 'publishedAt is not a date');
  const updatedAt = isoDate(data.updatedAt);
  if (updatedAt && updatedAt < publishedAt) throw new ArticleFileError(file, 'updatedAt is before publishedAt');
  let history: HistorySpec[];
  try {
    history = parseHistory(data.history, publishedAt);
  } catch (error) {
    throw new ArticleFileError(file, error instanceof Error ? error.message : String(error));
  }
  return {
    title: String(data.title),
    slug: String(data.slug),
    excerpt: String(data.excerpt),
    author: String(data.author),
    reviewer: data.reviewer ? String(data.reviewer) : undefined,
    topics: (data.topics as unknown[]).map(String),
    publishedAt,
    updatedAt,
    lastReviewedAt: isoDate(data.lastReviewedAt),
    nextReviewDue: isoDate(data.nextReviewDue),
    history,
    cover: {
      alt: String(cover.alt),
      hue: Number(cover.hue ?? 200),
      ...(typeof cover.src === 'string' ? { src: cover.src } : {}),
    },
    oldUrls: ((data.oldUrls ?? []) as unknown[]).map(String),
    keyTakeaways: ((data.keyTakeaways ?? []) as unknown[]).map(String),
    references: (data.references ?? []) as ArticleFile['references'],
    recommended,
    alsoLike: {
      pin: (alsoLike?.pin ?? []).map(String),
      exclude: (alsoLike?.exclude ?? []).map(String),
    },
    body: parseBody(file, content),
  };
};

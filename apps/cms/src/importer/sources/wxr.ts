/**
 * WordPress export (WXR) -> SourceEntry, streamed. Posts (and pages when asked) become articles;
 * comments, revisions, menu items, attachments as posts and other post types are left out.
 *
 * Two passes over the file, each streamed: a real export may list an attachment after the post
 * whose featured image it is, so the first pass keeps only what posts refer to (authors and each
 * attachment's URL and alt text: a few short strings per attachment), the second emits the posts.
 */
import path from 'node:path';

import { htmlToBody } from '../html/html-to-body';
import { extractLinkLists } from '../link-lists';
import type {
  ImageSource,
  SourceArticle,
  SourceBodySection,
  SourceEntry,
  SourcePerson,
  SourceTopic,
} from '../source-article';
import { streamWxrRecords, type WxrRecord, type WxrStreamStats } from './wxr-records';
import { wpAutop } from './wxr-autop';

export type ReadWxrOptions = {
  /** Pages (`post_type` page) too; posts only by default. */
  includePages?: boolean;
  /** A local copy of the site's `wp-content/uploads`: media under `<site>/wp-content/uploads/` is
   * read from there instead of being downloaded. */
  uploadsDir?: string;
  /** Filled with the stream's buffering high-water mark (tests check memory stays bounded). */
  stats?: WxrStreamStats;
};

type Attachment = { url: string; alt: string };
type SiteIndex = { siteUrl: string; authors: Map<string, SourcePerson>; attachments: Map<string, Attachment> };

/** Post statuses that are imported, and whether the source calls them unpublished. */
const STATUS_DRAFT = new Map([
  ['publish', false],
  ['draft', true],
  ['pending', true],
  ['private', true],
  ['future', true],
]);

const field = (record: WxrRecord, name: string) => record.fields.get(name)?.trim() ?? '';

const slugOf = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** `2024-03-01 09:30:00` (UTC, as WordPress writes `*_gmt`) -> ISO 8601; drafts carry zeros. */
const gmtDate = (value: string): string | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!match || value.startsWith('0000')) return undefined;
  const date = new Date(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

/** The item's RSS `pubDate`; WordPress writes the year -0001 for drafts, which is no date. */
const rfcDate = (value: string): string | undefined => {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970 ? undefined : date.toISOString();
};

const isHttpUrl = (value: string) => /^https?:\/\/\S+$/i.test(value);

const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

async function indexSite(file: string, stats?: WxrStreamStats): Promise<SiteIndex> {
  const index: SiteIndex = { siteUrl: '', authors: new Map(), attachments: new Map() };
  for await (const record of streamWxrRecords(file, stats)) {
    if (record.tag === 'wp:base_site_url' || (record.tag === 'link' && !index.siteUrl)) index.siteUrl = record.text;
    else if (record.tag === 'wp:author') {
      const login = field(record, 'wp:author_login');
      if (!login) continue;
      index.authors.set(login, {
        name: field(record, 'wp:author_display_name') || login,
        slug: slugOf(login),
        ...(field(record, 'wp:author_email') ? { email: field(record, 'wp:author_email') } : {}),
      });
    } else if (record.tag === 'item' && field(record, 'wp:post_type') === 'attachment') {
      const id = field(record, 'wp:post_id');
      const url = field(record, 'wp:attachment_url') || field(record, 'guid');
      if (id && url) index.attachments.set(id, { url, alt: record.meta.get('_wp_attachment_image_alt')?.trim() ?? '' });
    }
  }
  return index;
}

/** Media URL -> what the writer uploads: a file in `uploadsDir` when the URL is under the site's uploads. */
const mediaSource = (url: string, site: SiteIndex, uploadsDir: string | undefined): string => {
  if (!uploadsDir || !site.siteUrl) return url;
  const prefix = `${site.siteUrl.replace(/\/+$/, '')}/wp-content/uploads/`;
  const bare = url.split(/[?#]/)[0] ?? url;
  if (!bare.startsWith(prefix)) return url;
  const relative = decodeURIComponent(bare.slice(prefix.length));
  const local = path.resolve(uploadsDir, relative);
  // A URL with ../ must not reach outside the folder.
  return local.startsWith(path.resolve(uploadsDir) + path.sep) ? local : url;
};

const sourceKeyOf = (record: WxrRecord, siteUrl: string) => {
  const guid = field(record, 'guid');
  if (guid) return `wxr:${guid}`;
  const id = field(record, 'wp:post_id');
  return id ? `wxr:${siteUrl.replace(/\/+$/, '')}/?p=${id}` : `wxr:line-${record.line}`;
};

function toArticle(record: WxrRecord, site: SiteIndex, options: ReadWxrOptions): SourceEntry {
  const sourceKey = sourceKeyOf(record, site.siteUrl);
  const warnings: string[] = [];
  const status = field(record, 'wp:status');
  if (!STATUS_DRAFT.has(status))
    return { ok: false, sourceKey, error: `line ${record.line}: unknown post status "${status}"` };
  const title = plainText(field(record, 'title'));
  if (!title) return { ok: false, sourceKey, error: `line ${record.line}: the post has no title` };
  const link = field(record, 'link');
  const guid = field(record, 'guid');
  if (!link && !guid)
    return { ok: false, sourceKey, error: `line ${record.line}: the post has neither a link nor a guid` };
  const baseUrl = isHttpUrl(link) ? link : site.siteUrl;
  if (!isHttpUrl(baseUrl))
    return { ok: false, sourceKey, error: `line ${record.line}: no absolute URL to resolve the post's links against` };

  const content = record.fields.get('content:encoded') ?? '';
  let mapped: { body: SourceBodySection[]; warnings: string[] };
  try {
    mapped = htmlToBody(wpAutop(content), baseUrl);
  } catch (error) {
    return { ok: false, sourceKey, error: `line ${record.line}: the content could not be read: ${String(error)}` };
  }
  warnings.push(...mapped.warnings);
  const lists = extractLinkLists(mapped.body);
  const body = lists.body.map((section) =>
    section.kind === 'figure'
      ? { ...section, image: { ...section.image, src: mediaSource(section.image.src, site, options.uploadsDir) } }
      : section,
  );
  if (body.length === 0) warnings.push('the post has no content');

  let cover: ImageSource | undefined;
  const thumbnail = record.meta.get('_thumbnail_id')?.trim();
  if (thumbnail) {
    const attachment = site.attachments.get(thumbnail);
    if (!attachment) warnings.push(`featured image ${thumbnail} is not in the export`);
    else {
      cover = { src: mediaSource(attachment.url, site, options.uploadsDir), alt: attachment.alt };
      if (!attachment.alt) warnings.push(`featured image ${thumbnail} has no alt text`);
    }
  }

  const login = field(record, 'dc:creator');
  const author = login ? (site.authors.get(login) ?? { name: login, slug: slugOf(login) }) : undefined;
  if (login && !site.authors.has(login)) warnings.push(`author "${login}" has no wp:author record`);

  const topics = new Map<string, SourceTopic>();
  for (const term of record.terms) {
    if (term.domain !== 'category' && term.domain !== 'post_tag') continue;
    const slug = term.nicename || slugOf(term.name);
    // WordPress files every post without a category under its default one: not a topic.
    if (!slug || slug === 'uncategorized' || topics.has(slug)) continue;
    topics.set(slug, { name: term.name || slug, slug });
  }

  const urls = [link, guid].filter(isHttpUrl);
  const excerpt = plainText(record.fields.get('excerpt:encoded') ?? '');
  const publishedAt = gmtDate(field(record, 'wp:post_date_gmt')) ?? rfcDate(field(record, 'pubDate'));
  const updatedAt = gmtDate(field(record, 'wp:post_modified_gmt'));
  const slug = field(record, 'wp:post_name');

  const article: SourceArticle = {
    sourceKey,
    sourceUrls: [...new Set(urls)],
    title,
    ...(slug ? { slug: decodeURIComponent(slug) } : {}),
    ...(excerpt ? { excerpt } : {}),
    body,
    ...(cover ? { cover } : {}),
    ...(author ? { author } : {}),
    topics: [...topics.values()],
    ...(publishedAt ? { publishedAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    keyTakeaways: lists.keyTakeaways,
    references: [],
    recommended: lists.recommended,
    alsoLike: lists.alsoLike,
    alsoLikeExcluded: [],
    sourceDraft: STATUS_DRAFT.get(status) !== false,
  };
  return { ok: true, article, warnings };
}

// Not content anyone wrote for readers: left out without a word.
const SKIPPED_STATUSES = new Set(['trash', 'auto-draft', 'inherit']);

/** Whether an item is an article to import: a post (or a page when asked) that is not in the bin. */
const wanted = (record: WxrRecord, options: ReadWxrOptions) => {
  const type = field(record, 'wp:post_type') || 'post';
  if (type !== 'post' && !(type === 'page' && options.includePages)) return false;
  return !SKIPPED_STATUSES.has(field(record, 'wp:status'));
};

export async function* readWxr(file: string, options: ReadWxrOptions = {}): AsyncGenerator<SourceEntry> {
  const site = await indexSite(file, options.stats);
  for await (const record of streamWxrRecords(file, options.stats)) {
    if (record.tag !== 'item' || !wanted(record, options)) continue;
    yield toArticle(record, site, options);
  }
}

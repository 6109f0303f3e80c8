/** Article getters: one article, paginated lists (latest, by topic, by author) and sitemap stamps. */
import { cacheTags } from '../cache-tags';
import type { CmsClient, StrapiQuery } from '../client';
import { orWhenNotFound } from '../errors';
import type { Article, ArticleHistoryEntry, ArticleSummary, Paginated, Reference, SitemapEntry } from '../domain';
import { isExternalHref, safeHref } from '../safe-href';
import {
  ARTICLE_FIELDS,
  ARTICLE_SUMMARY_FIELDS,
  articleListResponse,
  articlePageResponse,
  articleSitemapSummaryResponse,
  articleStampListResponse,
  articleSummaryListResponse,
  type BodyComponentUid,
  type RawArticle,
} from '../schemas/article';
import type { RawHistoryEntry } from '../schemas/article-history';
import { AUTHOR_REF_FIELDS } from '../schemas/author';
import { MEDIA_FIELDS, SEO_FIELDS, type RawReference } from '../schemas/shared';
import { TOPIC_REF_FIELDS } from '../schemas/topic';
import { readingMinutes, reshapeBody } from './rich-text';
import { toArticleSummary, toAuthorRef, toSeo, toTopicRef, type MediaUrl } from './reshape';

/** Strapi's REST `maxLimit`: larger page sizes are rejected with a 400. */
export const MAX_PAGE_SIZE = 100;

/** Slugs are lowercase words joined by hyphens; anything else cannot exist, so skip the request. */
export const isValidSlug = (slug: string): boolean => slug.length <= 160 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);

/** Newest first by the public date; the title breaks ties so page boundaries are stable. */
export const ARTICLE_SORT = ['firstPublishedAt:desc', 'title:asc'] as const;

const mediaPopulate = { fields: [...MEDIA_FIELDS] };
const authorPopulate = { fields: [...AUTHOR_REF_FIELDS], populate: { avatar: mediaPopulate } };

export const articleSummaryPopulate = { cover: mediaPopulate } as const;

/** What each body block kind needs; keyed by kind, so a new kind does not compile until it is here. */
const bodyPopulate: Record<BodyComponentUid, StrapiQuery> = {
  'content.rich-text': { fields: ['body'] },
  'content.key-takeaways': { fields: ['title'], populate: { items: { fields: ['text'] } } },
  'content.callout': { fields: ['variant', 'title', 'body'] },
  'content.pull-quote': { fields: ['quote', 'attribution'] },
  'content.figure': { fields: ['alt', 'caption', 'credit'], populate: { image: mediaPopulate } },
};

/** Everything the article page shows: the fields and populate of every read of one article. */
export const articlePageSelection = {
  fields: [...ARTICLE_FIELDS],
  populate: {
    cover: mediaPopulate,
    author: authorPopulate,
    reviewer: authorPopulate,
    topics: { fields: [...TOPIC_REF_FIELDS] },
    references: { fields: ['title', 'publisher', 'year', 'url', 'doi'] },
    seo: { fields: [...SEO_FIELDS], populate: { shareImage: mediaPopulate } },
    body: { on: bodyPopulate },
  },
} satisfies StrapiQuery;

/** One article with everything its page shows, found by `filters`. */
const articlePageQuery = (filters: Record<string, unknown>): StrapiQuery => ({
  filters,
  ...articlePageSelection,
  pagination: { page: 1, pageSize: 1 },
});

export const articleBySlugQuery = (slug: string): StrapiQuery => articlePageQuery({ slug: { $eq: slug } });
export const articleByDocumentIdQuery = (documentId: string): StrapiQuery =>
  articlePageQuery({ documentId: { $eq: documentId } });

export type ArticleListFilter = { topicSlug?: string; authorSlug?: string };

export const articleListQuery = (filter: ArticleListFilter, page: number, pageSize: number): StrapiQuery => {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be a whole number from 1, got ${page}`);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`);
  }
  const filters: Record<string, unknown> = {};
  if (filter.topicSlug) filters.topics = { slug: { $eq: filter.topicSlug } };
  // An author's page lists what they wrote and what they medically reviewed.
  if (filter.authorSlug)
    filters.$or = [
      { author: { slug: { $eq: filter.authorSlug } } },
      { reviewer: { slug: { $eq: filter.authorSlug } } },
    ];
  return {
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    fields: [...ARTICLE_SUMMARY_FIELDS],
    populate: articleSummaryPopulate,
    sort: [...ARTICLE_SORT],
    pagination: { page, pageSize, withCount: true },
  };
};

const toReference = (raw: RawReference): Reference => {
  const doi = raw.doi?.trim() || null;
  const href = safeHref(raw.url) ?? (doi ? safeHref(`https://doi.org/${encodeURI(doi)}`) : null);
  return {
    title: raw.title,
    publisher: raw.publisher?.trim() || null,
    year: raw.year ?? null,
    href: href && isExternalHref(href) ? href : null,
    doi,
  };
};

/** The words a record may carry that only restate its kind ("Updated", "Medically reviewed by X"). */
const restatesKind = (raw: RawHistoryEntry, note: string): boolean => {
  const plain = note.replace(/\.$/, '').trim().toLowerCase();
  const defaults: Record<RawHistoryEntry['kind'], string[]> = {
    published: ['first published', 'published'],
    updated: ['updated'],
    corrected: ['corrected'],
    reviewed: [
      'medically reviewed',
      ...(raw.reviewer ? [`medically reviewed by ${raw.reviewer.name.toLowerCase()}`] : []),
    ],
  };
  return defaults[raw.kind].includes(plain);
};

const toHistoryEntry = (raw: RawHistoryEntry): ArticleHistoryEntry => {
  const note = raw.note?.trim() || null;
  return {
    kind: raw.kind,
    occurredAt: raw.occurredAt,
    // A note that only restates the kind says nothing the line does not already say.
    note: note && !restatesKind(raw, note) ? note : null,
    reviewer: raw.reviewer
      ? { name: raw.reviewer.name, slug: raw.reviewer.slug, credentials: raw.reviewer.credentials?.trim() || null }
      : null,
  };
};

/** Newest first whatever order arrived ; ties keep the CMS's order. */
const byNewest = (a: ArticleHistoryEntry, b: ArticleHistoryEntry) =>
  Date.parse(b.occurredAt) - Date.parse(a.occurredAt);

export const toArticle = (raw: RawArticle, mediaUrl: MediaUrl): Article => {
  const { sections, toc, words } = reshapeBody(raw.body ?? [], mediaUrl);
  return {
    ...toArticleSummary(raw, mediaUrl),
    body: sections,
    toc,
    readingMinutes: readingMinutes(words),
    author: raw.author ? toAuthorRef(raw.author, mediaUrl) : null,
    reviewer: raw.reviewer ? toAuthorRef(raw.reviewer, mediaUrl) : null,
    lastReviewedAt: raw.lastReviewedAt ?? null,
    topics: raw.topics.map(toTopicRef),
    references: (raw.references ?? []).map(toReference),
    seo: toSeo(raw.seo, mediaUrl),
    history: (raw.history ?? []).map(toHistoryEntry).sort(byNewest),
  };
};

/** The CMS's read model for one article page: the same JSON as `articleBySlugQuery`, in one SQL statement. */
export const articlePagePath = (slug: string) => `/articles/by-slug/${slug}`;

/**
 * The published article with this slug, or `null` when there is none. Drafts are never read by
 * slug: preview reads one document by id (`getArticlePreview`).
 */
export async function getArticleBySlug(client: CmsClient, slug: string): Promise<Article | null> {
  if (!isValidSlug(slug)) return null;
  const response = await orWhenNotFound(
    client.get(articlePagePath(slug), {}, articlePageResponse, {
      tags: [cacheTags.article(slug), cacheTags.articlePages],
    }),
    null,
  );
  return response ? toArticle(response.data, client.mediaUrl) : null;
}

/**
 * The version of one document a preview session names (`draft`: the latest draft, read with the
 * site's token; `published`: the live one), or `null`. Never cached. The caller checks that its
 * slug is the one in the URL, so a session for one draft cannot open another.
 */
export async function getArticlePreview(
  client: CmsClient,
  documentId: string,
  status: 'draft' | 'published',
): Promise<Article | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(documentId)) return null;
  const response = await client.get(
    '/articles',
    { ...articleByDocumentIdQuery(documentId), status },
    articleListResponse,
    { noStore: true },
  );
  const raw = response.data[0];
  return raw ? toArticle(raw, client.mediaUrl) : null;
}

const toPage = <T>(
  items: T[],
  meta: { page: number; pageSize: number; pageCount: number; total: number },
): Paginated<T> => ({
  items,
  page: meta.page,
  pageSize: meta.pageSize,
  pageCount: meta.pageCount,
  total: meta.total,
});

/** Published articles, newest first, optionally only those of one topic or one author. */
export async function getArticleSummaries(
  client: CmsClient,
  options: ArticleListFilter & { page?: number; pageSize?: number },
): Promise<Paginated<ArticleSummary>> {
  const { page = 1, pageSize = 12, ...filter } = options;
  const tags: string[] = [cacheTags.articles];
  if (filter.topicSlug) tags.push(cacheTags.topic(filter.topicSlug));
  if (filter.authorSlug) tags.push(cacheTags.author(filter.authorSlug));
  const response = await client.get('/articles', articleListQuery(filter, page, pageSize), articleSummaryListResponse, {
    tags,
  });
  return toPage(
    response.data.map((raw) => toArticleSummary(raw, client.mediaUrl)),
    response.meta.pagination,
  );
}

/**
 * One page of a listing, or `null` past its last page, WITHOUT asking the CMS for that page: the
 * page count comes from page 1, which is cached under the same tags whatever page was asked for.
 * So `?page=9999` costs at most one (cached) call and never stores an empty page in the cache.
 */
export async function getArticleListPage(
  client: CmsClient,
  options: ArticleListFilter & { page: number; pageSize?: number },
): Promise<Paginated<ArticleSummary> | null> {
  const { page, ...rest } = options;
  if (!Number.isInteger(page) || page < 1) return null;
  const first = await getArticleSummaries(client, { ...rest, page: 1 });
  if (page === 1) return first;
  if (page > first.pageCount) return null;
  return getArticleSummaries(client, { ...rest, page });
}

export const getLatestArticles = async (client: CmsClient, limit: number): Promise<ArticleSummary[]> =>
  (await getArticleSummaries(client, { page: 1, pageSize: limit })).items;

/** The CMS's sitemap pages of published articles (one sitemap file each, up to 10,000 URLs). */
export const articleSitemapPath = (page?: number) =>
  page === undefined ? '/sitemap/articles' : `/sitemap/articles/${page}`;

/** How many article sitemap files there are (at least one, possibly empty). */
export async function getArticleSitemapCount(client: CmsClient): Promise<number> {
  const response = await client.get(articleSitemapPath(), {}, articleSitemapSummaryResponse, {
    tags: [cacheTags.articles],
  });
  return response.meta.pagination.pageCount;
}

/** One article sitemap file: each published article's path and last change; [] past the last. */
export async function getArticleSitemapEntries(client: CmsClient, page: number): Promise<SitemapEntry[]> {
  if (!Number.isInteger(page) || page < 1) return [];
  const response = await orWhenNotFound(
    client.get(articleSitemapPath(page), {}, articleStampListResponse, { tags: [cacheTags.articles] }),
    null,
  );
  return (response?.data ?? []).map((raw) => ({
    path: `/articles/${raw.slug}`,
    ...(raw.contentUpdatedAt ? { lastModified: raw.contentUpdatedAt } : {}),
  }));
}

/** Article collection type (`api::article.article`) and its dynamic-zone body components. */
import { z } from 'zod';
import { historyEntrySchema } from './article-history';
import { authorRefSchema } from './author';
import { blocksSchema } from './blocks';
import {
  collectionResponse,
  isoDate,
  singleResponse,
  isoDateTime,
  mediaSchema,
  paginationSchema,
  referenceSchema,
  seoSchema,
} from './shared';
import { topicRefSchema } from './topic';

/** Fields of a card / list item. `firstPublishedAt` is the public date (publishedAt moves on every re-publish). */
export const ARTICLE_SUMMARY_FIELDS = [
  'title',
  'slug',
  'excerpt',
  'coverAlt',
  'firstPublishedAt',
  'updatedAt',
  'contentUpdatedAt',
] as const;
/** `nextReviewDue` is an editorial plan, private to the CMS admin. */
export const ARTICLE_FIELDS = [...ARTICLE_SUMMARY_FIELDS, 'lastReviewedAt'] as const;

export const articleSummarySchema = z.object({
  documentId: z.string().min(1),
  title: z.string().min(1),
  slug: z.string().min(1),
  excerpt: z.string(),
  coverAlt: z.string().nullable().optional(),
  firstPublishedAt: isoDateTime.nullable().optional(),
  updatedAt: isoDateTime,
  /** The last substantive update (CMS: content-updated-at); null until the CMS sets it. */
  contentUpdatedAt: isoDateTime.nullable().optional(),
  cover: mediaSchema.nullable().optional(),
});
export type RawArticleSummary = z.output<typeof articleSummarySchema>;

/* Dynamic zone `body`: one schema per component, told apart by `__component`. */

export const richTextComponentSchema = z.object({
  __component: z.literal('content.rich-text'),
  id: z.number().int(),
  body: blocksSchema,
});

export const keyTakeawaysComponentSchema = z.object({
  __component: z.literal('content.key-takeaways'),
  id: z.number().int(),
  title: z.string().nullable().optional(),
  items: z.array(z.object({ text: z.string().min(1) })),
});

export const calloutComponentSchema = z.object({
  __component: z.literal('content.callout'),
  id: z.number().int(),
  variant: z.enum(['note', 'warning', 'disclaimer']),
  title: z.string().nullable().optional(),
  body: z.string().min(1),
});

export const pullQuoteComponentSchema = z.object({
  __component: z.literal('content.pull-quote'),
  id: z.number().int(),
  quote: z.string().min(1),
  attribution: z.string().nullable().optional(),
});

export const figureComponentSchema = z.object({
  __component: z.literal('content.figure'),
  id: z.number().int(),
  image: mediaSchema,
  alt: z.string().min(1),
  caption: z.string().nullable().optional(),
  credit: z.string().nullable().optional(),
});

export const bodyComponentSchema = z.discriminatedUnion('__component', [
  richTextComponentSchema,
  keyTakeawaysComponentSchema,
  calloutComponentSchema,
  pullQuoteComponentSchema,
  figureComponentSchema,
]);
export type RawBodyComponent = z.output<typeof bodyComponentSchema>;
/** The body's block kinds. A table keyed by this (`Record<BodyComponentUid, ...>`) fails to compile until a new kind is added to it. */
export type BodyComponentUid = RawBodyComponent['__component'];
export const BODY_COMPONENT_UIDS: readonly BodyComponentUid[] = bodyComponentSchema.options.map(
  (option) => option.shape.__component.value,
);

export const articleSchema = articleSummarySchema.extend({
  lastReviewedAt: isoDate.nullable().optional(),
  body: z.array(bodyComponentSchema).nullable().optional(),
  author: authorRefSchema.nullable().optional(),
  reviewer: authorRefSchema.nullable().optional(),
  topics: z.array(topicRefSchema),
  references: z.array(referenceSchema).nullable().optional(),
  seo: seoSchema.nullable().optional(),
  /** Only the article page read model sends it (the REST find has no such field): newest first. */
  history: z.array(historyEntrySchema).optional(),
});
export type RawArticle = z.output<typeof articleSchema>;

export const articleListResponse = collectionResponse(articleSchema);
/** `GET /api/articles/by-slug/:slug` */
export const articlePageResponse = singleResponse(articleSchema);
export type RawArticlePageResponse = z.output<typeof articlePageResponse>;
export const articleSummaryListResponse = collectionResponse(articleSummarySchema);

/** Slug + dates only, for the sitemap. */
export const articleStampSchema = z.object({
  slug: z.string().min(1),
  /** Null only for a row published before the CMS knew the field and not yet backfilled. */
  contentUpdatedAt: isoDateTime.nullable().optional(),
});
export type RawArticleStamp = z.output<typeof articleStampSchema>;
/** `GET /api/sitemap/articles/:page` */
export const articleStampListResponse = collectionResponse(articleStampSchema);
export type RawArticleStampListResponse = z.output<typeof articleStampListResponse>;
/** `GET /api/sitemap/articles`: how many sitemap pages the published articles fill. */
export const articleSitemapSummaryResponse = z.object({
  meta: z.object({ pagination: paginationSchema.omit({ page: true }) }),
});
export type RawArticleSitemapSummaryResponse = z.output<typeof articleSitemapSummaryResponse>;

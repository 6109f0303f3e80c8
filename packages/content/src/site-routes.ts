/**
 * Every read the site makes of the CMS, with the schema its answer must pass. The fixtures in
 * tests/fixtures/<name>.json are captured from these by `pnpm --filter @nourish/content
 * fixtures:update`, and the CMS's API suite fails when what it returns no longer matches them.
 */
import type { z } from 'zod';

import type { StrapiQuery } from './client';
import {
  articleByDocumentIdQuery,
  articleListQuery,
  articlePagePath,
  articleSitemapPath,
  authorBySlugQuery,
  authorListQuery,
  homePageQuery,
  LATEST_COUNT,
  redirectByPathQuery,
  relatedPath,
  SEARCH_PATH,
  searchQuery,
  siteSettingsQuery,
  topicBySlugQuery,
  topicListQuery,
  ALSO_LIKE_LIMIT,
} from './queries';
import {
  articleListResponse,
  articlePageResponse,
  articleSitemapSummaryResponse,
  articleStampListResponse,
  articleSummaryListResponse,
  authorListResponse,
  homePageResponse,
  redirectListResponse,
  relatedResponse,
  searchResponse,
  siteSettingResponse,
  topicListResponse,
} from './schemas';

export type SiteRoute = {
  /** The fixture's file name, without `.json`. */
  name: string;
  /** Under `/api`. */
  path: string;
  query: StrapiQuery;
  schema: z.ZodType;
};

/** What the routes are asked about: slugs of the demo content, and the one article's documentId (preview reads by id). */
export type SiteRouteSubjects = {
  article: string;
  articleDocumentId: string;
  topic: string;
  author: string;
  redirectFrom: string;
  search: string;
};

/** The demo seed's subjects (apps/cms/src/seed/content); the documentId is looked up at capture time. */
export const DEMO_SUBJECTS: Omit<SiteRouteSubjects, 'articleDocumentId'> = {
  article: 'magnesium-glycinate',
  topic: 'sleep',
  author: 'amara-okafor',
  redirectFrom: '/articles/old',
  search: 'magnesium',
};

export const siteRoutes = (s: SiteRouteSubjects): SiteRoute[] => [
  { name: `article-page-${s.article}`, path: articlePagePath(s.article), query: {}, schema: articlePageResponse },
  // The preview read (getArticlePreview): the REST find the by-slug read model mirrors.
  {
    name: `article-${s.article}`,
    path: '/articles',
    query: { ...articleByDocumentIdQuery(s.articleDocumentId), status: 'draft' },
    schema: articleListResponse,
  },
  {
    name: `related-${s.article}`,
    path: relatedPath(s.article),
    query: { limit: ALSO_LIKE_LIMIT },
    schema: relatedResponse,
  },
  {
    name: 'articles-latest',
    path: '/articles',
    query: articleListQuery({}, 1, LATEST_COUNT),
    schema: articleSummaryListResponse,
  },
  // A small page size, so the fixture has more than one page.
  {
    name: `articles-topic-${s.topic}`,
    path: '/articles',
    query: articleListQuery({ topicSlug: s.topic }, 1, 3),
    schema: articleSummaryListResponse,
  },
  {
    name: `articles-author-${s.author}`,
    path: '/articles',
    query: articleListQuery({ authorSlug: s.author }, 1, 12),
    schema: articleSummaryListResponse,
  },
  { name: `author-${s.author}`, path: '/authors', query: authorBySlugQuery(s.author), schema: authorListResponse },
  { name: 'authors', path: '/authors', query: authorListQuery, schema: authorListResponse },
  { name: `topic-${s.topic}`, path: '/topics', query: topicBySlugQuery(s.topic), schema: topicListResponse },
  { name: 'topics', path: '/topics', query: topicListQuery, schema: topicListResponse },
  { name: 'home-page', path: '/home-page', query: homePageQuery, schema: homePageResponse },
  { name: 'site-setting', path: '/site-setting', query: siteSettingsQuery, schema: siteSettingResponse },
  { name: 'redirect', path: '/redirects', query: redirectByPathQuery(s.redirectFrom), schema: redirectListResponse },
  { name: `search-${s.search}`, path: SEARCH_PATH, query: searchQuery(s.search, 1, 10), schema: searchResponse },
  { name: 'sitemap-articles', path: articleSitemapPath(), query: {}, schema: articleSitemapSummaryResponse },
  { name: 'sitemap-articles-1', path: articleSitemapPath(1), query: {}, schema: articleStampListResponse },
];

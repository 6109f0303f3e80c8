/**
 * The reader site's reads, taken from the contract (@nourish/content): the public may ask exactly
 * these (src/api-policy).
 */
import { articleBySlugQuery, stringifyQuery, type StrapiQuery } from '@nourish/content';
import { DEMO_SUBJECTS, siteRoutes, type SiteRouteSubjects } from '@nourish/content/site-routes';

/** `path?query` as the site's client sends it (Strapi's bracket syntax, written by `qs`). */
export const siteUrl = (path: string, query: StrapiQuery): string =>
  Object.keys(query).length > 0 ? `${path}?${stringifyQuery(query)}` : path;

/**
 * Every public read the site makes, as `path?query` under /api: the article's REST read with the
 * page's populate first, then every route of the contract but the preview (a draft read, token only).
 * By default about the demo content's subjects (the suite runs on the demo seed).
 */
export const siteReads = (s: Omit<SiteRouteSubjects, 'articleDocumentId'> = DEMO_SUBJECTS): string[] => [
  siteUrl('/articles', articleBySlugQuery(s.article)),
  ...siteRoutes({ ...s, articleDocumentId: 'unused' })
    .filter((route) => route.query.status !== 'draft')
    .map((route) => siteUrl(route.path, route.query)),
];

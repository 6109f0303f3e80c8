/**
 * The article part of the site's sitemap, in pages of SITEMAP_PAGE_SIZE: each page is one
 * sitemap file of the site's sitemap index.
 *
 * Why not the REST find: the largest REST page is 100 rows, so 100k articles took 1,000 calls
 * with a count each (42 s at 100k on 2 cores, and it ran again after every publish). Here a page
 * is one statement over the partial index of published articles, ordered by first publication so
 * an article stays in the same file when it is republished.
 */
import type { RawArticleSitemapSummaryResponse, RawArticleStamp } from '@nourish/content/schemas';
import type { Core } from '@strapi/strapi';

import { isoDateTime } from '../../../utils/sql-dates';

/** Well under the sitemaps.org limit of 50,000 URLs per file. */
export const SITEMAP_PAGE_SIZE = 10_000;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const published = () => strapi.db.connection('articles').whereNotNull('published_at');
  return {
    async summary(): Promise<RawArticleSitemapSummaryResponse['meta']['pagination']> {
      const [{ total } = { total: 0 }] = await published().count<Array<{ total: number | string }>>({ total: '*' });
      const count = Number(total);
      return {
        pageSize: SITEMAP_PAGE_SIZE,
        pageCount: Math.max(1, Math.ceil(count / SITEMAP_PAGE_SIZE)),
        total: count,
      };
    },

    async page(page: number): Promise<RawArticleStamp[]> {
      const rows = (await published()
        .select('slug', 'content_updated_at')
        .orderBy([{ column: 'first_published_at' }, { column: 'id' }])
        .limit(SITEMAP_PAGE_SIZE)
        .offset((page - 1) * SITEMAP_PAGE_SIZE)) as Array<{ slug: string; content_updated_at: unknown }>;
      return rows.map((row) => ({
        slug: row.slug,
        // What readers are told changed (the sitemap's lastmod), not the last database write.
        contentUpdatedAt: isoDateTime(row.content_updated_at),
      }));
    },
  };
};

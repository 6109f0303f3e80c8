/**
 * The card-sized view of published articles that rails, search and listings share, fetched in
 * one query with an explicit field list.
 */
import type { RawArticleSummary, RawMedia } from '@nourish/content/schemas';
import type { Core } from '@strapi/strapi';

import { isoDateTime } from '../../../utils/sql-dates';

// Checked against the contract's type, so a renamed field fails to compile here (the CMS imports
// the contract as types only, so it cannot use the contract's own list at run time).
export const SUMMARY_FIELDS = [
  'documentId',
  'title',
  'slug',
  'excerpt',
  'coverAlt',
  'firstPublishedAt',
  'updatedAt',
  'contentUpdatedAt',
] as const satisfies readonly (keyof RawArticleSummary)[];
const COVER_FIELDS = ['url', 'width', 'height', 'alternativeText'] as const;

/** A row as the query engine returns it: dates may be Date objects or epoch milliseconds (SQLite). */
type SummaryRow = Pick<RawArticleSummary, 'documentId' | 'title' | 'slug' | 'excerpt'> & {
  coverAlt: string | null;
  firstPublishedAt: unknown;
  updatedAt: unknown;
  contentUpdatedAt: unknown;
  cover?: RawMedia | null;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Published summaries keyed by documentId; ids that are not published are simply absent. */
  async byDocumentIds(documentIds: string[]): Promise<Map<string, RawArticleSummary>> {
    const unique = [...new Set(documentIds)];
    if (unique.length === 0) return new Map();
    const rows = (await strapi.db.query('api::article.article').findMany({
      where: { documentId: { $in: unique }, publishedAt: { $notNull: true } },
      select: [...SUMMARY_FIELDS],
      populate: { cover: { select: [...COVER_FIELDS] } },
      limit: unique.length,
    })) as SummaryRow[];
    return new Map(
      rows.map((row) => [
        row.documentId,
        {
          documentId: row.documentId,
          title: row.title,
          slug: row.slug,
          excerpt: row.excerpt,
          coverAlt: row.coverAlt ?? null,
          firstPublishedAt: isoDateTime(row.firstPublishedAt),
          updatedAt: isoDateTime(row.updatedAt) ?? '',
          contentUpdatedAt: isoDateTime(row.contentUpdatedAt),
          cover: row.cover
            ? {
                url: row.cover.url,
                width: row.cover.width ?? null,
                height: row.cover.height ?? null,
                alternativeText: row.cover.alternativeText ?? null,
              }
            : null,
        },
      ]),
    );
  },
});

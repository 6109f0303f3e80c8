/** Full-text search over published articles (`GET /api/search`). */
import type { CmsClient, StrapiQuery } from '../client';
import type { SearchResults } from '../domain';
import { searchResponse } from '../schemas/search';
import { toArticleSummary } from './reshape';

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 200;

/** Collapses whitespace and trims; `null` when too short for the CMS to accept. */
export const normalizeSearchQuery = (raw: string | null | undefined): string | null => {
  const query = (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, SEARCH_MAX_LENGTH);
  return query.length >= SEARCH_MIN_LENGTH ? query : null;
};

export const SEARCH_PATH = '/search';
export const searchQuery = (q: string, page: number, pageSize: number): StrapiQuery => ({ q, page, pageSize });

export async function searchArticles(
  client: CmsClient,
  options: { query: string; page?: number; pageSize?: number },
): Promise<SearchResults> {
  const { page = 1, pageSize = 10 } = options;
  const response = await client.get(SEARCH_PATH, searchQuery(options.query, page, pageSize), searchResponse, {
    noStore: true,
  });
  return {
    query: response.meta.q,
    items: response.data.map((raw) => toArticleSummary(raw, client.mediaUrl)),
    page: response.meta.pagination.page,
    pageSize: response.meta.pagination.pageSize,
    pageCount: response.meta.pagination.pageCount,
    total: response.meta.pagination.total,
  };
}

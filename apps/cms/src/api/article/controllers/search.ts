import type { RawArticleSummary, RawSearch } from '@nourish/content/schemas';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { service } from '../../../utils/services';

const MAX_PAGE_SIZE = 50;
/** Deep pages cost the database the rows before them; nobody reads past the first thousand matches. */
const MAX_SEARCH_RESULTS = 1000;

const intParam = (value: unknown, name: string, fallback: number, max: number) => {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new errors.ValidationError(`${name} must be a whole number from 1 to ${max}`);
  }
  return Number(value);
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/search?q=words&page=1&pageSize=10 */
  async find(ctx: { query: Record<string, unknown>; body: unknown }) {
    const q = typeof ctx.query.q === 'string' ? ctx.query.q.trim() : '';
    if (q.length < 2 || q.length > 200) throw new errors.ValidationError('q must be 2 to 200 characters');
    const page = intParam(ctx.query.page, 'page', 1, 1000);
    const pageSize = intParam(ctx.query.pageSize, 'pageSize', 10, MAX_PAGE_SIZE);
    if (page * pageSize > MAX_SEARCH_RESULTS) {
      throw new errors.ValidationError(
        `Search results stop at the first ${MAX_SEARCH_RESULTS} matches: page * pageSize must be at most ${MAX_SEARCH_RESULTS}`,
      );
    }

    const { documentIds, total } = await service(strapi, 'api::article.search-index').search(q, page, pageSize);
    const summaries: Map<string, RawArticleSummary> = await service(strapi, 'api::article.summaries').byDocumentIds(
      documentIds,
    );
    const body: RawSearch = {
      data: documentIds.flatMap((id: string) => summaries.get(id) ?? []),
      // pageCount counts the pages that can be asked for; total stays the true number of matches.
      meta: {
        q,
        pagination: {
          page,
          pageSize,
          pageCount: Math.min(Math.ceil(total / pageSize), Math.floor(MAX_SEARCH_RESULTS / pageSize)),
          total,
        },
      },
    };
    ctx.body = body;
  },
});

import type { RawRelated } from '@nourish/content/schemas';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { service } from '../../../utils/services';
import { slugParam } from '../../../utils/slug-param';
const DEFAULT_LIMIT = 6;
const MAX_LIMIT = 24;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/articles/:slug/related?limit=6 */
  async forArticle(ctx: {
    params: { slug?: string };
    query: Record<string, unknown>;
    body: unknown;
    notFound: (m: string) => void;
  }) {
    const slug = slugParam(ctx.params);
    const rawLimit = ctx.query.limit;
    let limit = DEFAULT_LIMIT;
    if (rawLimit !== undefined) {
      const parsed = typeof rawLimit === 'string' && /^\d+$/.test(rawLimit) ? Number(rawLimit) : NaN;
      if (!Number.isInteger(parsed) || parsed < 1 || parsed > MAX_LIMIT) {
        throw new errors.ValidationError(`limit must be an integer from 1 to ${MAX_LIMIT}`);
      }
      limit = parsed;
    }

    const rails = await service(strapi, 'api::article.related').forArticle(slug, limit);
    if (!rails) {
      ctx.notFound(`No published article with slug "${slug}"`);
      return;
    }
    const body: RawRelated = {
      data: { recommended: rails.recommended, alsoLike: rails.alsoLike },
      meta: { slug, limit, recommendedSource: rails.recommendedSource },
    };
    ctx.body = body;
  },
});

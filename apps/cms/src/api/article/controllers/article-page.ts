import type { RawArticlePageResponse } from '@nourish/content/schemas';
import type { Core } from '@strapi/strapi';

import { service } from '../../../utils/services';
import { slugParam } from '../../../utils/slug-param';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/articles/by-slug/:slug — the published article with everything its page shows. */
  async findBySlug(ctx: { params: { slug?: string }; body: unknown; notFound: (m: string) => void }) {
    const slug = slugParam(ctx.params);
    const page = await service(strapi, 'api::article.article-page').bySlug(slug);
    if (!page) {
      ctx.notFound(`No published article with slug "${slug}"`);
      return;
    }
    const body: RawArticlePageResponse = { data: page };
    ctx.body = body;
  },
});

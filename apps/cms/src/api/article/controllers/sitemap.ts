import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { RawArticleSitemapSummaryResponse, RawArticleStampListResponse } from '@nourish/content/schemas';

import { service } from '../../../utils/services';

type Ctx = { params: { page?: string }; body: unknown; notFound: (m: string) => void };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sitemap = () => service(strapi, 'api::article.sitemap');
  return {
    /** GET /api/sitemap/articles — how many sitemap pages the published articles fill. */
    async index(ctx: Ctx) {
      const body: RawArticleSitemapSummaryResponse = { meta: { pagination: await sitemap().summary() } };
      ctx.body = body;
    },

    /** GET /api/sitemap/articles/:page — slug and last change of each article on that page. */
    async page(ctx: Ctx) {
      const raw = ctx.params.page ?? '';
      if (!/^[1-9]\d{0,5}$/.test(raw)) throw new errors.ValidationError('page must be a whole number from 1');
      const page = Number(raw);
      const pagination = await sitemap().summary();
      if (page > pagination.pageCount) {
        ctx.notFound(`The article sitemap has ${pagination.pageCount} page(s)`);
        return;
      }
      const body: RawArticleStampListResponse = {
        data: await sitemap().page(page),
        meta: { pagination: { ...pagination, page } },
      };
      ctx.body = body;
    },
  };
};

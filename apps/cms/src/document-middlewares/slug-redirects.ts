/**
 * When a published article is re-published under a new slug, its old URL keeps working through
 * a Redirect. Manual redirects are checked for loops when they are saved.
 */
import type { Core } from '@strapi/strapi';

import { articlePath } from '../api/redirect/services/redirect-rules';
import { service } from '../utils/services';

const ARTICLE = 'api::article.article';

export const registerSlugRedirects = (strapi: Core.Strapi) => {
  const rules = () => service(strapi, 'api::redirect.redirect-rules');

  strapi.documents.use(async (context, next) => {
    if (context.uid === 'api::redirect.redirect' && (context.action === 'create' || context.action === 'update')) {
      const params = context.params as { documentId?: string; data?: { from?: string; to?: string } };
      const current = params.documentId
        ? ((await strapi.db.query(context.uid).findOne({ where: { documentId: params.documentId } })) as {
            id: number;
            from: string;
            to: string;
          } | null)
        : null;
      const from = params.data?.from ?? current?.from;
      const to = params.data?.to ?? current?.to;
      if (from && to) await rules().assertNoLoop(from, to, current?.id);
      return next();
    }

    if (context.uid !== ARTICLE || context.action !== 'publish') return next();
    const documentId = (context.params as { documentId?: string }).documentId;
    const live = (await strapi.db.query(ARTICLE).findOne({
      where: { documentId, publishedAt: { $notNull: true } },
      select: ['slug'],
    })) as { slug: string } | null;
    const result = await next();
    if (live) {
      const now = (await strapi.db.query(ARTICLE).findOne({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['slug'],
      })) as { slug: string } | null;
      if (now && now.slug !== live.slug) await rules().recordMove(articlePath(live.slug), articlePath(now.slug));
    }
    return result;
  });
};

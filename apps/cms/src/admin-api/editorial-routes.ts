/**
 * Admin-only JSON routes behind the editorial panels in the admin (src/admin/): they take the
 * admin's session like the content manager's own routes and are never part of the public API.
 *   GET /nourish-editorial/reviews-due                   live articles whose review is due
 *   GET /nourish-editorial/articles/:documentId/impact   what points at this article
 * Strapi registers an API folder's routes as content-API routes only, hence this router.
 */
import type { Core } from '@strapi/strapi';

import { service } from '../utils/services';
import { PLAN_REVIEWS } from './review-planners';

type AdminContext = {
  params: Record<string, string>;
  state: {
    userAbility?: { can(action: string, subject: string): boolean };
  };
  body: unknown;
  status: number;
};

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

const canReadArticles = (ctx: AdminContext) =>
  ctx.state.userAbility?.can('plugin::content-manager.explorer.read', 'api::article.article') === true;

const refuse = (ctx: AdminContext, status: number, message: string) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: status === 403 ? 'ForbiddenError' : 'ValidationError', message } };
};

export const registerEditorialRoutes = (strapi: Core.Strapi) => {
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/nourish-editorial/reviews-due',
        handler: async (ctx: AdminContext) => {
          if (ctx.state.userAbility?.can(PLAN_REVIEWS.action, PLAN_REVIEWS.subject) !== true) {
            refuse(ctx, 403, 'Only editors plan reviews');
            return;
          }
          ctx.body = { data: await service(strapi, 'api::article.reviews-due').list() };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'GET',
        path: '/nourish-editorial/articles/:documentId/impact',
        handler: async (ctx: AdminContext) => {
          if (!canReadArticles(ctx)) {
            refuse(ctx, 403, 'Reading articles is not allowed for this role');
            return;
          }
          const documentId = ctx.params.documentId ?? '';
          if (!DOCUMENT_ID.test(documentId)) {
            refuse(ctx, 400, 'Not a document id');
            return;
          }
          ctx.body = { data: await service(strapi, 'api::article.impact').pointingAt(documentId) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
};

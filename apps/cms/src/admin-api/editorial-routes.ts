/**
 * Admin-only JSON routes behind the editorial panels in the admin (src/admin/): they take the
 * admin's session like the content manager's own routes and are never part of the public API.
 *   GET /nourish-editorial/reviews-due                   live articles whose review is due
 *   GET /nourish-editorial/articles/:documentId/impact   what points at this article
 *   GET /nourish-editorial/articles/:documentId/review   its medical review, for the side panel
 *   POST /nourish-editorial/articles/:documentId/sign-off   a medical reviewer signs off its review
 * Strapi registers an API folder's routes as content-API routes only, hence this router.
 */
import type { Core } from '@strapi/strapi';

import { SignOffRefused } from '../api/article/services/medical-review';
import { service } from '../utils/services';
import { PLAN_REVIEWS } from './review-planners';

type AdminContext = {
  params: Record<string, string>;
  state: {
    userAbility?: { can(action: string, subject?: string): boolean };
    user?: { email?: string };
  };
  body: unknown;
  status: number;
};

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

const canReadArticles = (ctx: AdminContext) =>
  ctx.state.userAbility?.can('plugin::content-manager.explorer.read', 'api::article.article') === true;

const refuse = (ctx: AdminContext, status: number, message: string) => {
  ctx.status = status;
  ctx.body = {
    data: null,
    error: {
      status,
      name: status === 403 ? 'ForbiddenError' : status === 404 ? 'NotFoundError' : 'ValidationError',
      message,
    },
  };
};

/** The route's article, if the admin may read articles and the id is one; else answers and returns null. */
const articleFrom = (ctx: AdminContext): string | null => {
  if (!canReadArticles(ctx)) {
    refuse(ctx, 403, 'Reading articles is not allowed for this role');
    return null;
  }
  const documentId = ctx.params.documentId ?? '';
  if (!DOCUMENT_ID.test(documentId)) {
    refuse(ctx, 400, 'Not a document id');
    return null;
  }
  return documentId;
};

export const registerEditorialRoutes = (strapi: Core.Strapi) => {
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/nourish-editorial/reviews-due',
        handler: async (ctx: AdminContext) => {
          if (ctx.state.userAbility?.can(PLAN_REVIEWS.action) !== true) {
            refuse(ctx, 403, 'Only editors and medical reviewers see the reviews due');
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
          const documentId = articleFrom(ctx);
          if (!documentId) return;
          ctx.body = { data: await service(strapi, 'api::article.impact').pointingAt(documentId) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'GET',
        path: '/nourish-editorial/articles/:documentId/review',
        handler: async (ctx: AdminContext) => {
          const documentId = articleFrom(ctx);
          if (!documentId) return;
          const state = await service(strapi, 'api::article.medical-review').state(
            documentId,
            ctx.state.user?.email ?? '',
          );
          if (!state) refuse(ctx, 404, 'No such article');
          else ctx.body = { data: state };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/nourish-editorial/articles/:documentId/sign-off',
        handler: async (ctx: AdminContext) => {
          const documentId = articleFrom(ctx);
          if (!documentId) return;
          try {
            const review = service(strapi, 'api::article.medical-review');
            ctx.body = { data: await review.signOff(documentId, ctx.state.user?.email ?? '') };
          } catch (error) {
            if (!(error instanceof SignOffRefused)) throw error;
            refuse(ctx, error.status, error.message);
          }
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
};

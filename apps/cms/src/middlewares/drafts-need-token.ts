/**
 * Strapi 5 serves drafts to anyone who may `find` and asks for `?status=draft`.
 * Only the site's API token (used for preview) may read drafts; everyone else gets a 403.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

// Strapi 5.54 names its content API token strategy 'content-api-token'; older 5.x used 'api-token'.
const TOKEN_STRATEGIES = new Set(['content-api-token', 'api-token']);

export default (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
  async (
    ctx: { query: Record<string, unknown>; state: { auth?: { strategy?: { name?: string } } } },
    next: () => Promise<void>,
  ) => {
    const status = ctx.query.status;
    if (status !== undefined && status !== 'published') {
      if (!TOKEN_STRATEGIES.has(ctx.state.auth?.strategy?.name ?? '')) {
        throw new errors.ForbiddenError('Drafts are only available to authenticated API clients');
      }
    }
    await next();
  };

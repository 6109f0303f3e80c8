/**
 * Drafts never reach the public, on any content-API route (core, custom, plugin): only requests
 * carrying the site's API token (preview) may select drafts. See src/api-policy/published-only.ts.
 */
import type { Core } from '@strapi/strapi';

import { contentApiRoutes } from '../api-policy/content-api-routes';
import { assertPublishedOnly } from '../api-policy/published-only';
import { siteTokenCheck } from '../api-policy/site-token';

type Ctx = { path: string; query: Record<string, unknown>; get(header: string): string };

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const routeOf = contentApiRoutes(strapi);
  const isSite = siteTokenCheck(process.env.SITE_API_TOKEN);
  return async (ctx: Ctx, next: () => Promise<void>) => {
    if (routeOf(ctx.path) && !isSite(ctx.get('authorization'))) assertPublishedOnly(ctx.query);
    await next();
  };
};

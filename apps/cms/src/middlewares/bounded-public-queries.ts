/**
 * Content-API queries stay within what the site needs: populate depth and well-formed filters and sort for
 * everybody; for the public (no site token) also the per-type populate allow-list, bounded
 * filters, a short `_q` and known parameters only. See src/api-policy/query-bounds.ts and
 * query-shape.ts.
 */
import type { Core } from '@strapi/strapi';

import { contentApiRoutes } from '../api-policy/content-api-routes';
import { queryShapeCheck } from '../api-policy/query-shape';
import { assertBoundedAllowList } from '../api-policy/public-populate';
import {
  checkPopulateDepth,
  checkPublicFilters,
  checkPublicPopulate,
  checkPublicTopLevel,
} from '../api-policy/query-bounds';
import { siteTokenCheck } from '../api-policy/site-token';

type Ctx = { path: string; query: Record<string, unknown>; get(header: string): string };

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  // A renamed attribute or an unbounded list in the allow-list stops the boot, not a reader.
  assertBoundedAllowList(strapi);
  const routeOf = contentApiRoutes(strapi);
  const isSite = siteTokenCheck(process.env.SITE_API_TOKEN);
  const shape = queryShapeCheck(strapi);
  const maxLimit = strapi.config.get('api.rest.maxLimit', 100);
  return async (ctx: Ctx, next: () => Promise<void>) => {
    const route = routeOf(ctx.path);
    if (!route) return next();
    const { query } = ctx;
    const populate = query.populate === undefined ? undefined : checkPopulateDepth(query.populate);
    // A malformed filter or sort is Strapi's 500, whoever sends it.
    if (route.uid && query.filters !== undefined) shape.filters(query.filters, route.uid);
    if (route.uid && query.sort !== undefined) shape.sort(query.sort, route.uid);
    if (!isSite(ctx.get('authorization'))) {
      if (!route.authFlow) checkPublicTopLevel(query, maxLimit);
      if (populate) checkPublicPopulate(populate, route.uid);
      if (query.filters !== undefined) checkPublicFilters(query.filters);
    }
    await next();
  };
};

/**
 * Liveness and readiness, answered before anything else runs (no session, no log line):
 *   GET /_live   204 while the process serves requests. Orchestrators restart on failure.
 *   GET /_ready  200 when the database and the upload storage answer, 503 with the failing check
 *                otherwise (src/observability/readiness.ts). The site's own readiness asks this.
 * Strapi's /_health stays as it was (204 once the server is up).
 */
import type { Core } from '@strapi/strapi';
import { env } from '@strapi/utils';

import { createReadiness } from '../observability/readiness';
import { s3UploadSettings } from '../utils/upload-storage';

type Ctx = { method: string; path: string; status: number; body: unknown; set(name: string, value: string): void };

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const readiness = createReadiness(strapi, s3UploadSettings(env));
  return async (ctx: Ctx, next: () => Promise<void>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path !== '/_live' && ctx.path !== '/_ready') return next();
    ctx.set('Cache-Control', 'no-store');
    if (ctx.path === '/_live') {
      ctx.status = 204;
      return;
    }
    const state = await readiness();
    ctx.status = state.ready ? 200 : 503;
    ctx.body = { status: state.ready ? 'ready' : 'not ready', checks: state.checks };
  };
};

/**
 * Gives every request its id (src/observability/request-id.ts), returned as X-Request-Id, and, with
 * `accessLog`, logs one line per request carrying it (JSON in production: config/logger.ts).
 */
import type { Core } from '@strapi/strapi';

import { REQUEST_ID_HEADER, requestIdFrom } from '../observability/request-id';

type Ctx = {
  method: string;
  path: string;
  status: number;
  state: Record<string, unknown>;
  _matchedRoute?: string;
  get(name: string): string;
  set(name: string, value: string): void;
};

export default (config: { accessLog?: boolean }, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Ctx, next: () => Promise<void>) => {
    const requestId = requestIdFrom(ctx.get(REQUEST_ID_HEADER));
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = performance.now();
    try {
      await next();
    } finally {
      if (config.accessLog) {
        strapi.log.info('request', {
          method: ctx.method,
          path: ctx.path,
          route: ctx._matchedRoute ?? null,
          status: ctx.status,
          ms: Math.round(performance.now() - started),
        });
      }
    }
  };

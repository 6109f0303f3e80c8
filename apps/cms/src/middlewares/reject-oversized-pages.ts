/**
 * Strapi silently clamps page sizes above api.rest.maxLimit; a client asking for more than it
 * can get deserves a clear 400 instead of a short page it may take for the whole list.
 */
import type { Core } from '@strapi/strapi';

const positiveInt = (value: unknown) => typeof value === 'string' && /^\d+$/.test(value);

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (
    ctx: { path: string; query: Record<string, unknown>; status: number; body: unknown },
    next: () => Promise<void>,
  ) => {
    if (!ctx.path.startsWith('/api/')) return next();
    const maxLimit = strapi.config.get('api.rest.maxLimit', 100);
    const pagination = (ctx.query.pagination ?? {}) as Record<string, unknown>;
    const rules: Array<{ key: string; min: number; max?: number }> = [
      { key: 'pageSize', min: 1, max: maxLimit },
      { key: 'limit', min: 1, max: maxLimit },
      { key: 'page', min: 1 },
      { key: 'start', min: 0 },
    ];
    for (const { key, min, max } of rules) {
      const value = pagination[key];
      if (value === undefined) continue;
      const n = Number(value);
      if (!positiveInt(value) || n < min || (max !== undefined && n > max)) {
        ctx.status = 400;
        ctx.body = {
          data: null,
          error: {
            status: 400,
            name: 'ValidationError',
            message: `pagination[${key}] must be a whole number${min > 0 ? ` from ${min}` : ''}${max !== undefined ? ` up to ${max}` : ''}`,
            details: {},
          },
        };
        return;
      }
    }
    await next();
  };

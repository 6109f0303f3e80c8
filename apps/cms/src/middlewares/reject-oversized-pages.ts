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
    const maxLimit = Number(strapi.config.get('api.rest.maxLimit', 100));
    const pagination = (ctx.query.pagination ?? {}) as Record<string, unknown>;
    const checks: Array<[string, unknown]> = [
      ['pagination[pageSize]', pagination.pageSize],
      ['pagination[limit]', pagination.limit],
      ['pagination[page]', pagination.page],
      ['pagination[start]', pagination.start],
    ];
    for (const [name, value] of checks) {
      if (value === undefined) continue;
      const tooBig = name.endsWith('[pageSize]') || name.endsWith('[limit]') ? Number(value) > maxLimit : false;
      if (!positiveInt(value) || tooBig || (Number(value) === 0 && !name.endsWith('[start]'))) {
        ctx.status = 400;
        ctx.body = {
          data: null,
          error: {
            status: 400,
            name: 'ValidationError',
            message: `${name} must be a whole number${name.endsWith('[start]') ? '' : ' from 1'}${tooBig || name.endsWith('[pageSize]') || name.endsWith('[limit]') ? ` up to ${maxLimit}` : ''}`,
            details: {},
          },
        };
        return;
      }
    }
    await next();
  };

/**
 * Redirect bookkeeping: a slug change on a published article leaves a permanent redirect behind,
 * chains are collapsed (A→B, B→C becomes A→C, B→C) and loops are refused.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const REDIRECT = 'api::redirect.redirect';

type Row = { id: number; from: string; to: string };

export const articlePath = (slug: string) => `/articles/${slug}`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const q = () => strapi.db.query(REDIRECT);

  return {
    /** Throws when following `to` from `from` would come back to `from`. */
    async assertNoLoop(from: string, to: string, ignoreId?: number) {
      const seen = new Set([from]);
      let next = to;
      for (let hops = 0; hops < 50; hops++) {
        if (seen.has(next)) {
          throw new errors.ValidationError(`Redirecting ${from} to ${to} would create a loop`, {
            errors: [{ path: ['to'], message: 'This redirect would create a loop' }],
          });
        }
        seen.add(next);
        const hop = (await q().findOne({
          where: { from: next, ...(ignoreId ? { id: { $ne: ignoreId } } : {}) },
        })) as Row | null;
        if (!hop) return;
        next = hop.to;
      }
      throw new errors.ValidationError(`The redirect chain from ${from} is too long`);
    },

    /** Records that a published page moved from `oldPath` to `newPath`. */
    async recordMove(oldPath: string, newPath: string) {
      if (oldPath === newPath) return;
      // The new path is live now: a redirect away from it would hide it (and close a loop).
      await q().deleteMany({ where: { from: newPath } });
      // Collapse chains: whatever pointed at the old path now points straight at the new one.
      await q().updateMany({ where: { to: oldPath }, data: { to: newPath } });
      const existing = (await q().findOne({ where: { from: oldPath } })) as Row | null;
      if (existing)
        await q().update({ where: { id: existing.id }, data: { to: newPath, permanent: true, origin: 'slug-change' } });
      else
        await strapi
          .documents(REDIRECT)
          .create({ data: { from: oldPath, to: newPath, permanent: true, origin: 'slug-change' } });
    },
  };
};

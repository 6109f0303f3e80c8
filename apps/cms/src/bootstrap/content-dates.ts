/**
 * Articles stored before `contentUpdatedAt` existed get their first publication date as their
 * "Updated" date (never the time of this upgrade): the honest choice when no history is known.
 */
import type { Core } from '@strapi/strapi';

export const backfillContentDates = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  await knex('articles')
    .whereNull('content_updated_at')
    .update({ content_updated_at: knex.raw('COALESCE(first_published_at, published_at, created_at)') });
  await knex('articles').whereNull('update_kind').update({ update_kind: 'detect' });
};

/**
 * Indexes for what the site filters and sorts on. Strapi's schema files cannot declare them, so
 * they are created (if missing) at boot; the statements work on SQLite and PostgreSQL alike.
 */
import type { Core } from '@strapi/strapi';

const INDEXES: Array<{ name: string; table: string; columns: string[]; where?: string }> = [
  { name: 'articles_slug_published_idx', table: 'articles', columns: ['slug', 'published_at'] },
  { name: 'articles_document_published_idx', table: 'articles', columns: ['document_id', 'published_at'] },
  { name: 'articles_first_published_idx', table: 'articles', columns: ['published_at', 'first_published_at'] },
  // Newest published first, walked in order (latest lists, the "You may also like" pool).
  {
    name: 'articles_live_recent_idx',
    table: 'articles',
    columns: ['first_published_at', 'id'],
    where: 'published_at IS NOT NULL',
  },
  // The reviews-due list: drafts carry the review plan editors edit.
  {
    name: 'articles_review_due_idx',
    table: 'articles',
    columns: ['next_review_due', 'id'],
    where: 'published_at IS NULL',
  },
  // ... and the drafts flagged for a new review after a substantive update (few).
  {
    name: 'articles_review_required_idx',
    table: 'articles',
    columns: ['id'],
    where: 'published_at IS NULL AND review_required = true',
  },
  { name: 'articles_scheduled_publish_idx', table: 'articles', columns: ['scheduled_publish_at'] },
  { name: 'articles_scheduled_unpublish_idx', table: 'articles', columns: ['scheduled_unpublish_at'] },
  // On every publish Strapi appends the new version at the end of each author's and topic's list
  // (max of the order column): without these, that max read every link of a topic (~0.1 s per
  // relation at 100k articles).
  { name: 'articles_author_order_idx', table: 'articles_author_lnk', columns: ['author_id', 'article_ord'] },
  { name: 'articles_reviewer_order_idx', table: 'articles_reviewer_lnk', columns: ['author_id', 'article_ord'] },
  { name: 'articles_topics_order_idx', table: 'articles_topics_lnk', columns: ['topic_id', 'article_ord'] },
  // Which articles' rails pick a given article (the publish notification asks on every publish).
  { name: 'articles_cmps_component_idx', table: 'articles_cmps', columns: ['cmp_id', 'component_type'] },
  { name: 'recommended_target_idx', table: 'components_related_recommended_items', columns: ['target_document_id'] },
  { name: 'article_picks_target_idx', table: 'components_related_article_picks', columns: ['target_document_id'] },
  // An article's history, oldest first (the article page and the edit view read it).
  {
    name: 'article_history_article_idx',
    table: 'article_history',
    columns: ['article_document_id', 'occurred_at'],
  },
  { name: 'redirects_from_idx', table: 'redirects', columns: ['from'] },
  { name: 'authors_slug_idx', table: 'authors', columns: ['slug'] },
  { name: 'topics_slug_idx', table: 'topics', columns: ['slug'] },
];

export const ensureIndexes = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  for (const index of INDEXES) {
    const columns = index.columns.map((c) => `"${c}"`).join(', ');
    const where = index.where ? ` WHERE ${index.where}` : '';
    await knex.raw(`CREATE INDEX IF NOT EXISTS "${index.name}" ON "${index.table}" (${columns})${where}`);
  }
};

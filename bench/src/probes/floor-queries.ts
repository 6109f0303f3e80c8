/**
 * The floor for each Strapi call the site makes: the same data fetched through the same driver
 * (node-postgres or better-sqlite3), with no HTTP, no query parsing, no sanitizing and no response
 * shaping. Rails, listing and search: one hand-written SQL statement each. The article: plain
 * SELECTs per relation, assembled in JS (article-floor.ts), so it shares nothing with the
 * product's one-statement read model. A floor that measures slower than the product is not a
 * floor; the report and the targets say so.
 */
import type { Knex } from 'knex';

import { articleFloor } from './article-floor';

export type Dialect = 'postgres' | 'sqlite';

// The summaries' cover, as one JSON value (the builder's name differs by dialect).
const media = (d: Dialect, relatedType: string, relatedId: string, field: string) => {
  const obj = d === 'postgres' ? 'json_build_object' : 'json_object';
  return `(SELECT ${obj}('url', f.url, 'width', f.width, 'height', f.height, 'alternativeText', f.alternative_text)
    FROM files_related_mph m JOIN files f ON f.id = m.file_id
    WHERE m.related_type = '${relatedType}' AND m.related_id = ${relatedId} AND m.field = '${field}' LIMIT 1)`;
};

const SUMMARY = (d: Dialect) =>
  `a.document_id, a.title, a.slug, a.excerpt, a.cover_alt, a.first_published_at, a.updated_at, a.content_updated_at, ${media(d, 'api::article.article', 'a.id', 'cover')} AS cover`;

/** One page of a topic's articles, newest first, with the total. */
export const listingFloorSql = (d: Dialect) => `SELECT ${SUMMARY(d)}, count(*) OVER () AS total
  FROM articles a JOIN articles_topics_lnk l ON l.article_id = a.id JOIN topics t ON t.id = l.topic_id
  WHERE t.slug = ? AND a.published_at IS NOT NULL
  ORDER BY a.first_published_at DESC, a.title ASC LIMIT 12`;

/**
 * "You may also like" by shared topics among the 500 most recent articles of those topics, as
 * the CMS ranks them (the curated picks are a lookup by id on top of this).
 */
export const relatedFloorSql = (d: Dialect) => `WITH src AS (
    SELECT s.id, lt.topic_id FROM articles s JOIN articles_topics_lnk lt ON lt.article_id = s.id
    WHERE s.slug = ? AND s.published_at IS NOT NULL),
  pool AS (
    SELECT p.id FROM articles p WHERE p.published_at IS NOT NULL
      AND EXISTS (SELECT 1 FROM articles_topics_lnk pl WHERE pl.article_id = p.id AND pl.topic_id IN (SELECT topic_id FROM src))
    ORDER BY p.first_published_at DESC, p.id DESC LIMIT 500)
  SELECT ${SUMMARY(d)} FROM articles a JOIN (
    SELECT l.article_id, count(*) AS shared FROM articles_topics_lnk l
    WHERE l.article_id IN (SELECT id FROM pool) AND l.topic_id IN (SELECT topic_id FROM src)
      AND l.article_id NOT IN (SELECT id FROM src)
    GROUP BY l.article_id) r ON r.article_id = a.id
  ORDER BY r.shared DESC, a.first_published_at DESC, a.id DESC LIMIT 6`;

/**
 * The first page of search results for one word, with the total, ranked as the CMS ranks them:
 * title/excerpt matches first (by rank on their small vector), then body-only matches, newest first.
 */
export const searchFloorSql = (d: Dialect) =>
  d === 'postgres'
    ? `WITH q AS (SELECT to_tsquery('english', ?) AS q),
      page AS (
        (SELECT s.document_id, 0 AS tier, ts_rank(s.head, q.q) AS rank, s.first_published_at FROM article_search s, q
          WHERE s.head @@ q.q ORDER BY rank DESC, s.first_published_at DESC NULLS LAST LIMIT 10)
        UNION ALL
        (SELECT s.document_id, 1, 0, s.first_published_at FROM article_search s, q
          WHERE s.tsv @@ q.q AND NOT (s.head @@ q.q) ORDER BY s.first_published_at DESC NULLS LAST LIMIT 10))
      SELECT ${SUMMARY(d)}, (SELECT count(*) FROM article_search s, q WHERE s.tsv @@ q.q) AS total
      FROM page p JOIN articles a ON a.document_id = p.document_id AND a.published_at IS NOT NULL
      ORDER BY p.tier, p.rank DESC, p.first_published_at DESC NULLS LAST LIMIT 10`
    : // FTS5's bm25() only works in a plain query on the FTS table, hence the subquery.
      `SELECT ${SUMMARY(d)}, count(*) OVER () AS total FROM (
        SELECT document_id, bm25(article_search, 0, 10.0, 4.0, 1.0) AS rank FROM article_search WHERE article_search MATCH ?) s
      JOIN articles a ON a.document_id = s.document_id AND a.published_at IS NOT NULL
      ORDER BY s.rank LIMIT 10`;

export type FloorCall = 'article' | 'related' | 'listing' | 'search';

/** Runs one floor; returns the number of rows (articles) so a broken query cannot pass as fast. */
export async function runFloor(knex: Knex, d: Dialect, call: FloorCall, arg: string): Promise<number> {
  if (call === 'article') return (await articleFloor(knex, arg)) === null ? 0 : 1;
  const sql = { related: relatedFloorSql, listing: listingFloorSql, search: searchFloorSql }[call](d);
  const bindings = call === 'search' ? (d === 'postgres' ? [`${arg}:*`] : [`"${arg}"*`]) : [arg];
  // PostgreSQL's driver returns { rows }, SQLite's the rows themselves.
  const result = await knex.raw<{ rows: unknown[] } | unknown[]>(sql, bindings);
  const rows = Array.isArray(result) ? result : result.rows;
  return rows.length;
}

/**
 * Full-text search over published articles, backed by the database's own index so it stays fast
 * at 100k articles: an FTS5 table on SQLite, tsvectors with GIN indexes on PostgreSQL.
 * The index holds one row per published article (title, excerpt, plain text of the body) and is
 * kept current by src/document-middlewares/search-indexing.ts.
 *
 * PostgreSQL ranking, shaped by measurements at 100k articles (docs/benchmarks.md): ranking every
 * match with ts_rank_cd over whole-body vectors took over a second for a common word (57k
 * matches, each vector read back from TOAST). So articles whose title or excerpt match come
 * first, ranked on a small `head` vector; articles that match only in the body follow, newest
 * first, which an index on the date serves without reading the bodies.
 */
import type { Core } from '@strapi/strapi';

import { withConnection } from '../../../utils/db-connection';
import { articlePlainText } from './article-plain-text';

const ARTICLE = 'api::article.article';
const TABLE = 'article_search';

export type SearchPage = { documentIds: string[]; total: number };

type IndexedRow = { documentId: string; title: string; excerpt: string; body: unknown };

/** Words only: user input never reaches the FTS query syntax. */
export const searchTerms = (q: string): string[] =>
  (
    q
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .filter((t) => t.length > 0)
    .slice(0, 12);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  const ensureSchema = () =>
    withConnection(strapi, async (knex) => {
      if (isPostgres()) {
        await knex.raw(`CREATE TABLE IF NOT EXISTS ${TABLE} (
        document_id varchar(255) PRIMARY KEY,
        first_published_at timestamptz,
        tsv tsvector NOT NULL,
        head tsvector)`);
        // Tables made before `head` existed get it empty; rebuildIfStale then fills it.
        await knex.raw(`ALTER TABLE ${TABLE} ADD COLUMN IF NOT EXISTS head tsvector`);
        await knex.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_tsv_idx ON ${TABLE} USING GIN (tsv)`);
        await knex.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_head_idx ON ${TABLE} USING GIN (head)`);
        await knex.raw(
          `CREATE INDEX IF NOT EXISTS ${TABLE}_recent_idx ON ${TABLE} (first_published_at DESC NULLS LAST)`,
        );
      } else {
        await knex.raw(
          `CREATE VIRTUAL TABLE IF NOT EXISTS ${TABLE} USING fts5(document_id UNINDEXED, title, excerpt, body, tokenize = 'porter unicode61 remove_diacritics 2')`,
        );
      }
    });

  const loadPublished = async (
    where: Record<string, unknown>,
    page: { limit: number; offset?: number },
  ): Promise<IndexedRow[]> =>
    (await strapi.db.query(ARTICLE).findMany({
      where: { ...where, publishedAt: { $notNull: true } },
      select: ['documentId', 'title', 'excerpt', 'firstPublishedAt'],
      populate: { body: true },
      orderBy: { id: 'asc' },
      ...page,
    })) as IndexedRow[];

  const write = (rows: Array<IndexedRow & { firstPublishedAt?: string | Date | null }>) =>
    withConnection(strapi, async (knex) => {
      for (const row of rows) {
        const body = articlePlainText(row.body);
        await knex.raw(`DELETE FROM ${TABLE} WHERE document_id = ?`, [row.documentId]);
        if (isPostgres()) {
          await knex.raw(
            `INSERT INTO ${TABLE} (document_id, first_published_at, head, tsv)
            SELECT ?, ?, h.v, h.v || setweight(to_tsvector('english', ?), 'C')
            FROM (SELECT setweight(to_tsvector('english', ?), 'A') || setweight(to_tsvector('english', ?), 'B') AS v) h`,
            [row.documentId, row.firstPublishedAt ?? null, body, row.title, row.excerpt],
          );
        } else {
          await knex.raw(`INSERT INTO ${TABLE} (document_id, title, excerpt, body) VALUES (?, ?, ?, ?)`, [
            row.documentId,
            row.title,
            row.excerpt,
            body,
          ]);
        }
      }
    });

  const remove = (documentId: string) =>
    withConnection(strapi, (knex) => knex.raw(`DELETE FROM ${TABLE} WHERE document_id = ?`, [documentId]));

  return {
    ensureSchema,

    /** Re-index one document: its published version if it has one, else drop it from the index. */
    async reindex(documentId: string) {
      const rows = await loadPublished({ documentId }, { limit: 1 });
      if (rows.length) await write(rows);
      else await remove(documentId);
    },

    remove,

    /** Rebuild everything when the index and the published set disagree in size (e.g. after a restore). */
    async rebuildIfStale() {
      await ensureSchema();
      const [{ count: indexed } = { count: 0 }] = await withConnection(strapi, (knex) =>
        knex(TABLE).count({ count: '*' }),
      );
      const published = await strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } });
      const [{ count: headless } = { count: 0 }] = isPostgres()
        ? await withConnection(strapi, (knex) => knex(TABLE).whereNull('head').count({ count: '*' }))
        : [{ count: 0 }];
      if (Number(indexed) === published && Number(headless) === 0) return false;
      await withConnection(strapi, (knex) => knex(TABLE).delete());
      const batch = 200;
      for (let offset = 0; offset < published; offset += batch) {
        const rows = await loadPublished({}, { limit: batch, offset });
        await write(rows);
      }
      strapi.log.info(`Search index rebuilt for ${published} published articles`);
      return true;
    },

    search: (q: string, page: number, pageSize: number): Promise<SearchPage> =>
      withConnection(strapi, async (knex) => {
        const terms = searchTerms(q);
        if (terms.length === 0) return { documentIds: [], total: 0 };
        const offset = (page - 1) * pageSize;
        if (isPostgres()) {
          // Every word must match; the last one may be a prefix (search-as-you-type friendly).
          const tsquery = terms
            .map((t, i) => `${t.replace(/'/g, '')}${i === terms.length - 1 ? ':*' : ''}`)
            .join(' & ');
          return knex.transaction(async (trx) => {
            // The planner takes a sequential scan for common words because it does not count the
            // cost of reading every body vector back; the GIN and date indexes are 10-50x faster.
            await trx.raw('SET LOCAL enable_seqscan = off');
            const q = `to_tsquery('english', ?)`;
            const { rows: counts } = await trx.raw<{ rows: Array<{ head: number; total: number }> }>(
              `SELECT (SELECT count(*) FROM ${TABLE} WHERE head @@ ${q})::int AS head, (SELECT count(*) FROM ${TABLE} WHERE tsv @@ ${q})::int AS total`,
              [tsquery, tsquery],
            );
            const [count] = counts;
            if (!count) throw new Error('The search count query returned no row');
            const { head: inHead, total } = count;
            const ids: string[] = [];
            if (offset < inHead) {
              const { rows } = await trx.raw<{ rows: Array<{ document_id: string }> }>(
                `SELECT document_id FROM ${TABLE} WHERE head @@ ${q}
                 ORDER BY ts_rank(head, ${q}) DESC, first_published_at DESC NULLS LAST, document_id LIMIT ? OFFSET ?`,
                [tsquery, tsquery, pageSize, offset],
              );
              ids.push(...rows.map((r) => r.document_id));
            }
            if (ids.length < pageSize && offset + ids.length < total) {
              const { rows } = await trx.raw<{ rows: Array<{ document_id: string }> }>(
                `SELECT document_id FROM ${TABLE} WHERE tsv @@ ${q} AND NOT (head @@ ${q})
                 ORDER BY first_published_at DESC NULLS LAST, document_id LIMIT ? OFFSET ?`,
                [tsquery, tsquery, pageSize - ids.length, Math.max(0, offset - inHead)],
              );
              ids.push(...rows.map((r) => r.document_id));
            }
            return { documentIds: ids, total };
          });
        }
        const match = terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
        const rows = await knex.raw<Array<{ document_id: string }>>(
          `SELECT document_id FROM ${TABLE} WHERE ${TABLE} MATCH ? ORDER BY bm25(${TABLE}, 0, 10.0, 4.0, 1.0) LIMIT ? OFFSET ?`,
          [match, pageSize, offset],
        );
        // The driver decides whether a count is a number or a string.
        const [{ total } = { total: 0 }] = await knex.raw<Array<{ total: number | string }>>(
          `SELECT count(*) AS total FROM ${TABLE} WHERE ${TABLE} MATCH ?`,
          [match],
        );
        return { documentIds: rows.map((r) => r.document_id), total: Number(total) };
      }),
  };
};

/**
 * Full-text search over published articles, backed by the database's own index so it stays fast
 * at 100k articles: an FTS5 table on SQLite, a weighted tsvector with a GIN index on PostgreSQL.
 * The index holds one row per published article (title, excerpt, plain text of the body) and is
 * kept current by src/document-middlewares/search-indexing.ts.
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
        tsv tsvector NOT NULL)`);
        await knex.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_tsv_idx ON ${TABLE} USING GIN (tsv)`);
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
            `INSERT INTO ${TABLE} (document_id, first_published_at, tsv) VALUES (?, ?,
            setweight(to_tsvector('english', ?), 'A') || setweight(to_tsvector('english', ?), 'B') || setweight(to_tsvector('english', ?), 'C'))`,
            [row.documentId, row.firstPublishedAt ?? null, row.title, row.excerpt, body],
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
      const [{ count: indexed }] = await withConnection(strapi, (knex) => knex(TABLE).count({ count: '*' }));
      const published = await strapi.db.query(ARTICLE).count({ where: { publishedAt: { $notNull: true } } });
      if (Number(indexed) === published) return false;
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
          const query = `to_tsquery('english', ?)`;
          const [{ rows }, { rows: countRows }] = await Promise.all([
            knex.raw(
              `SELECT document_id FROM ${TABLE} WHERE tsv @@ ${query}
             ORDER BY ts_rank_cd(tsv, ${query}) DESC, first_published_at DESC NULLS LAST LIMIT ? OFFSET ?`,
              [tsquery, tsquery, pageSize, offset],
            ),
            knex.raw(`SELECT count(*)::int AS total FROM ${TABLE} WHERE tsv @@ ${query}`, [tsquery]),
          ]);
          return { documentIds: rows.map((r: { document_id: string }) => r.document_id), total: countRows[0].total };
        }
        const match = terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
        const rows = (await knex.raw(
          `SELECT document_id FROM ${TABLE} WHERE ${TABLE} MATCH ? ORDER BY bm25(${TABLE}, 0, 10.0, 4.0, 1.0) LIMIT ? OFFSET ?`,
          [match, pageSize, offset],
        )) as Array<{ document_id: string }>;
        const [{ total }] = (await knex.raw(`SELECT count(*) AS total FROM ${TABLE} WHERE ${TABLE} MATCH ?`, [
          match,
        ])) as Array<{
          total: number;
        }>;
        return { documentIds: rows.map((r) => r.document_id), total: Number(total) };
      }),
  };
};

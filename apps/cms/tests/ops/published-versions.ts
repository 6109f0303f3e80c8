/**
 * The published rows of one article read straight from a database (no CMS boot): what a publish
 * caught by a backup left behind. `blocks` counts the row's components (body blocks, rails, SEO),
 * so a version whose row was written but whose components were not is told apart.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

import type { TestDatabase } from '../helpers/databases';

export type PublishedVersion = { title: string; excerpt: string; blocks: number };

const SQL = `SELECT a.title, a.excerpt, (SELECT count(*) FROM articles_cmps c WHERE c.entity_id = a.id) AS blocks
  FROM articles a WHERE a.document_id = $1 AND a.published_at IS NOT NULL`;

export const publishedVersions = async (db: TestDatabase, documentId: string): Promise<PublishedVersion[]> => {
  if (db.kind === 'sqlite') {
    // Read-only, and willing to wait: the CMS may be writing to the original meanwhile.
    const sqlite = new Database(db.env.DATABASE_FILENAME ?? '', {
      readonly: true,
      fileMustExist: true,
      timeout: 60_000,
    });
    try {
      return sqlite.prepare<[string], PublishedVersion>(SQL.replace('$1', '?')).all(documentId);
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: db.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ title: string; excerpt: string; blocks: string }>(SQL, [documentId]);
    return rows.map((row) => ({ ...row, blocks: Number(row.blocks) }));
  } finally {
    await client.end();
  }
};

/**
 * The published rows of one article read straight from a restored database (no CMS boot): what a
 * publish caught by a backup left behind.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

import type { TestDatabase } from '../helpers/databases';

export type PublishedVersion = { title: string; excerpt: string };

const SQL = 'SELECT title, excerpt FROM articles WHERE document_id = $1 AND published_at IS NOT NULL';

export const publishedVersions = async (db: TestDatabase, documentId: string): Promise<PublishedVersion[]> => {
  if (db.kind === 'sqlite') {
    const sqlite = new Database(db.env.DATABASE_FILENAME ?? '', { readonly: true, fileMustExist: true });
    try {
      return sqlite.prepare<[string], PublishedVersion>(SQL.replace('$1', '?')).all(documentId);
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: db.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<PublishedVersion>(SQL, [documentId])).rows;
  } finally {
    await client.end();
  }
};

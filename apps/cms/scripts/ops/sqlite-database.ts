/**
 * SQLite: SQLite's online backup API (better-sqlite3's `db.backup()`), which copies a consistent
 * state of a live database page by page; a copy of the file itself could catch a write half done
 * or miss what still sits in the WAL.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

import Database from 'better-sqlite3';

import type { SqliteTarget } from './database-target';

export const sqliteTableCount = (target: SqliteTarget): number => {
  if (!fs.existsSync(target.filename)) return 0;
  const db = new Database(target.filename, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare<[], { count: number }>("SELECT count(*) AS count FROM sqlite_master WHERE type = 'table'")
      .get();
    return row?.count ?? 0;
  } finally {
    db.close();
  }
};

export const backupSqlite = async (target: SqliteTarget, file: string) => {
  if (!fs.existsSync(target.filename)) throw new Error(`No SQLite database at ${target.filename}`);
  const db = new Database(target.filename, { fileMustExist: true });
  try {
    await db.backup(file);
  } finally {
    db.close();
  }
  // The copy inherits the source's WAL mode; a WAL database gets -wal/-shm files beside it as soon
  // as anything opens it, which would change the archive. In rollback mode it stays one file.
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
};

/**
 * Puts the backup in place of the target file: copied next to it, then renamed, so the target is
 * either the old file or the whole backup. The CMS must be stopped (it holds the file open).
 */
export const restoreSqlite = async (target: SqliteTarget, file: string) => {
  await fsp.mkdir(path.dirname(target.filename), { recursive: true });
  const partial = `${target.filename}.restoring`;
  // A plain copy: the archive's file is no live database (backupSqlite left it whole, in rollback
  // mode), and opening it with SQLite could write beside it.
  await fsp.copyFile(file, partial);
  // A WAL or shared-memory file left from the old database would be replayed over the new one.
  await Promise.all(
    ['-wal', '-shm', '-journal'].map((suffix) => fsp.rm(`${target.filename}${suffix}`, { force: true })),
  );
  await fsp.rename(partial, target.filename);
};

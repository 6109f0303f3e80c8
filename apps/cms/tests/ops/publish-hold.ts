/**
 * Holds a publish half-way through its transaction, so the drill can take a backup while the
 * publish is provably in flight. A trigger on the articles table fires when the publish inserts
 * the new published row (the old one already deleted, the components not yet written: a torn
 * state any non-snapshot copy would catch) and keeps the transaction open there:
 * - PostgreSQL: the trigger waits for an advisory lock this test holds until `release()`, and
 *   pg_locks shows the publish's backend waiting on it.
 * - SQLite has no waiting primitive inside SQL, so the trigger computes a cross join that takes
 *   seconds; the CMS's write lock is observed (a `BEGIN IMMEDIATE` refused as busy) before the
 *   backup starts and again after it ends.
 * Test-only: nothing in the CMS knows of it, and `remove()` drops it from the original database.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

import type { TestDatabase } from '../helpers/databases';

export type PublishHold = {
  /** Resolves once the publish is inside its transaction and held there (or rejects on timeout). */
  waitUntilHeld(timeoutMs: number): Promise<void>;
  /** Whether the publish's transaction is still open and held. */
  isHeld(): Promise<boolean>;
  /** Lets the publish go on and commit (PostgreSQL; SQLite's hold ends by itself). */
  release(): Promise<void>;
  /** Drops the trigger and whatever it used. */
  remove(): Promise<void>;
};

const TRIGGER = 'drill_hold_publish';
/** The advisory lock key the PostgreSQL trigger waits for (any constant no one else uses). */
const LOCK_KEY = 17_170_017;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const pollUntil = async (check: () => Promise<boolean>, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
};

const holdPostgres = async (db: TestDatabase): Promise<PublishHold> => {
  const client = new pg.Client({ connectionString: db.env.DATABASE_URL });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  await client.query(`CREATE FUNCTION ${TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_advisory_xact_lock(${LOCK_KEY}); RETURN NEW; END $$`);
  await client.query(`CREATE TRIGGER ${TRIGGER} AFTER INSERT ON articles FOR EACH ROW
    WHEN (NEW.published_at IS NOT NULL) EXECUTE FUNCTION ${TRIGGER}()`);
  // A backend waiting for our key that has already written (it holds a transaction id).
  const held = async () => {
    const { rows } = await client.query<{ waiting: string }>(
      `SELECT count(*) AS waiting FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objid = $1 AND a.backend_xid IS NOT NULL`,
      [LOCK_KEY],
    );
    return Number(rows[0]?.waiting ?? 0) > 0;
  };
  let locked = true;
  const release = async () => {
    if (!locked) return;
    locked = false;
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  };
  return {
    waitUntilHeld: (timeoutMs) => pollUntil(held, timeoutMs, 'the publish waits inside its transaction'),
    isHeld: held,
    release,
    remove: async () => {
      await release();
      await client.query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON articles`);
      await client.query(`DROP FUNCTION IF EXISTS ${TRIGGER}()`);
      await client.end();
    },
  };
};

/** The side of the cube the SQLite trigger counts: `rows`^3 joined rows, seconds of work. */
const holdSqlite = (db: TestDatabase, rows: number): PublishHold => {
  const file = db.env.DATABASE_FILENAME ?? '';
  const setup = new Database(file, { fileMustExist: true, timeout: 10_000 });
  try {
    setup.exec(`CREATE TABLE ${TRIGGER}_rows (n INTEGER)`);
    const insert = setup.prepare(`INSERT INTO ${TRIGGER}_rows (n) VALUES (?)`);
    setup.transaction(() => {
      for (let n = 0; n < rows; n++) insert.run(n);
    })();
    setup.exec(`CREATE TRIGGER ${TRIGGER} AFTER INSERT ON articles WHEN NEW.published_at IS NOT NULL BEGIN
      SELECT sum(a.n * b.n + c.n) FROM ${TRIGGER}_rows a, ${TRIGGER}_rows b, ${TRIGGER}_rows c; END`);
  } finally {
    setup.close();
  }
  // Another connection may not start a write while the CMS's is open: busy at once (no wait).
  const held = () => {
    const probe = new Database(file, { fileMustExist: true, timeout: 0 });
    try {
      probe.exec('BEGIN IMMEDIATE');
      probe.exec('ROLLBACK');
      return Promise.resolve(false);
    } catch (error) {
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY') return Promise.resolve(true);
      throw error;
    } finally {
      probe.close();
    }
  };
  return {
    // A write lock seen twice, 100 ms apart: longer than any other write of the CMS holds it.
    waitUntilHeld: (timeoutMs) =>
      pollUntil(
        async () => (await held()) && (await sleep(100), await held()),
        timeoutMs,
        'the publish holds the write lock',
      ),
    isHeld: held,
    release: () => Promise.resolve(),
    remove: () => {
      const cleanup = new Database(file, { fileMustExist: true, timeout: 60_000 });
      try {
        cleanup.exec(`DROP TRIGGER IF EXISTS ${TRIGGER}; DROP TABLE IF EXISTS ${TRIGGER}_rows`);
      } finally {
        cleanup.close();
      }
      return Promise.resolve();
    },
  };
};

/**
 * How many rows make the SQLite trigger's cube take about `targetMs` on this machine now: timed on
 * a small cube in memory, scaled by the cube root.
 */
export const sqliteRowsFor = (targetMs: number): number => {
  const sample = 80;
  const memory = new Database(':memory:');
  try {
    memory.exec('CREATE TABLE r (n INTEGER)');
    const insert = memory.prepare('INSERT INTO r (n) VALUES (?)');
    for (let n = 0; n < sample; n++) insert.run(n);
    const started = performance.now();
    memory.prepare('SELECT sum(a.n * b.n + c.n) FROM r a, r b, r c').get();
    const elapsed = Math.max(performance.now() - started, 1);
    return Math.ceil(sample * Math.cbrt(targetMs / elapsed));
  } finally {
    memory.close();
  }
};

/** `sqliteRows`: the SQLite trigger's work, `sqliteRows`^3 joined rows (ignored on PostgreSQL). */
export const holdNextPublish = (db: TestDatabase, sqliteRows: number): Promise<PublishHold> =>
  db.kind === 'postgres' ? holdPostgres(db) : Promise.resolve(holdSqlite(db, sqliteRows));

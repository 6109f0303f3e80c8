/** The benchmark's databases: one PostgreSQL database or SQLite file per size, made from scratch. */
import fs from 'node:fs';
import path from 'node:path';

import knexFactory, { type Knex } from 'knex';
import pg from 'pg';

export type DatabaseKind = 'postgres' | 'sqlite';

export type BenchDatabase = {
  kind: DatabaseKind;
  label: string;
  /** Env for the CMS (database settings and its own uploads folder). */
  env: Record<string, string>;
  connect(): Knex;
  /** Removes the database (a 100k PostgreSQL database takes several GB). */
  drop(): Promise<void>;
};

const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Runs side by side on one server each take their own prefix. */
const DATABASE_PREFIX = process.env.BENCH_DATABASE_PREFIX ?? 'nourish_bench_';
if (!/^[a-z_][a-z0-9_]{0,30}$/.test(DATABASE_PREFIX))
  throw new Error(`BENCH_DATABASE_PREFIX must be lower-case letters, digits and "_", got "${DATABASE_PREFIX}"`);

const postgresUrl = (name: string) => {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

const adminQuery = async (sql: string) => {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/** An empty database named after `label` (dropped first if a previous run left it). */
export async function freshDatabase(
  kind: DatabaseKind,
  label: string,
  workDir: string,
  publicDir: string,
): Promise<BenchDatabase> {
  if (kind === 'postgres') {
    const name = `${DATABASE_PREFIX}${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = postgresUrl(name);
    return {
      kind,
      label,
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url, PUBLIC_DIR: publicDir },
      connect: () => knexFactory({ client: 'pg', connection: url, pool: { min: 1, max: 4 } }),
      drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const filename = path.join(workDir, `${label}.db`);
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(filename + suffix, { force: true });
  return {
    kind,
    label,
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_URL: '', DATABASE_FILENAME: filename, PUBLIC_DIR: publicDir },
    connect: () => knexFactory({ client: 'better-sqlite3', connection: { filename }, useNullAsDefault: true }),
    drop: () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(filename + suffix, { force: true });
      return Promise.resolve();
    },
  };
}

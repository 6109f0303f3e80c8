/** Throwaway databases for one test run: a temp SQLite file, or a fresh PostgreSQL database. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

export type DatabaseKind = 'sqlite' | 'postgres';

export type TestDatabase = {
  kind: DatabaseKind;
  env: Record<string, string> & { PUBLIC_DIR: string };
  drop(): Promise<void>;
};

// Our machines and CI run PostgreSQL here with trust auth; override for other setups.
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** `namePrefix` names the PostgreSQL database (suites sharing a server keep to their own prefix). */
export const createTestDatabase = async (
  kind: DatabaseKind,
  // TEST_DB_PREFIX keeps suites run side by side on one server apart.
  namePrefix = process.env.TEST_DB_PREFIX ?? 'nourish_test_',
): Promise<TestDatabase> => {
  if (kind === 'sqlite') {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nourish-cms-'));
    return {
      kind,
      env: {
        DATABASE_CLIENT: 'sqlite',
        DATABASE_URL: '',
        DATABASE_FILENAME: path.join(dir, 'data.db'),
        PUBLIC_DIR: await publicDir(dir),
      },
      drop: () => fs.rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `${namePrefix}${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nourish-cms-'));
  return {
    kind,
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString(), PUBLIC_DIR: await publicDir(dir) },
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
};

const publicDir = async (dir: string) => {
  const pub = path.join(dir, 'public');
  await fs.mkdir(path.join(pub, 'uploads'), { recursive: true });
  return pub;
};

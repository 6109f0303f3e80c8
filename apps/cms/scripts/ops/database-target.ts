/**
 * Which database the CMS uses, resolved from its environment exactly as config/database.ts does:
 * DATABASE_URL selects PostgreSQL, else DATABASE_CLIENT (sqlite by default).
 */
import path from 'node:path';

import { CMS_DIR, type CmsEnv } from './cms-env';

export type DatabaseClient = 'postgres' | 'sqlite';

export type PostgresTarget = {
  client: 'postgres';
  /** libpq variables for pg_dump/pg_restore, so no password is put on a command line. */
  libpqEnv: Record<string, string>;
  /** node-postgres connection settings for the same database. */
  connection:
    { connectionString: string } | { host: string; port: number; database: string; user: string; password: string };
  /** For messages: host and database name, never the password. */
  label: string;
};

export type SqliteTarget = { client: 'sqlite'; filename: string; label: string };

export type DatabaseTarget = PostgresTarget | SqliteTarget;

export const databaseTarget = (env: CmsEnv): DatabaseTarget => {
  const url = env.DATABASE_URL ?? '';
  const client = url ? 'postgres' : (env.DATABASE_CLIENT ?? 'sqlite');
  if (client === 'sqlite') {
    // config/database.ts resolves a relative file from the app root.
    const filename = path.resolve(CMS_DIR, env.DATABASE_FILENAME ?? '.tmp/data.db');
    return { client, filename, label: `SQLite ${filename}` };
  }
  if (client !== 'postgres') throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}"`);
  if (env.DATABASE_SSL === 'true') {
    // pg_dump speaks TLS through libpq's own settings; say so rather than connect in the clear.
    throw new Error('DATABASE_SSL=true: set PGSSLMODE (and PGSSLROOTCERT) for pg_dump/pg_restore and run again');
  }
  if (url) {
    const parsed = new URL(url);
    const sslmode = parsed.searchParams.get('sslmode');
    return {
      client,
      libpqEnv: {
        PGHOST: decodeURIComponent(parsed.hostname),
        PGPORT: parsed.port || '5432',
        PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
        PGUSER: decodeURIComponent(parsed.username) || 'postgres',
        PGPASSWORD: decodeURIComponent(parsed.password),
        ...(sslmode ? { PGSSLMODE: sslmode } : {}),
      },
      connection: { connectionString: url },
      label: `PostgreSQL ${parsed.hostname}:${parsed.port || '5432'}/${parsed.pathname.slice(1)}`,
    };
  }
  const host = env.DATABASE_HOST ?? '127.0.0.1';
  const port = Number(env.DATABASE_PORT ?? '5432');
  const database = env.DATABASE_NAME ?? 'nourish';
  const user = env.DATABASE_USERNAME ?? 'postgres';
  const password = env.DATABASE_PASSWORD ?? '';
  return {
    client,
    libpqEnv: { PGHOST: host, PGPORT: String(port), PGDATABASE: database, PGUSER: user, PGPASSWORD: password },
    connection: { host, port, database, user, password },
    label: `PostgreSQL ${host}:${port}/${database}`,
  };
};

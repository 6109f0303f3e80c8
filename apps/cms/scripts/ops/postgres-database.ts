/**
 * PostgreSQL: pg_dump in its custom format, which reads one snapshot (a publish committing
 * meanwhile is in the dump wholly or not at all), and pg_restore into an empty database.
 */
import pg from 'pg';

import type { PostgresTarget } from './database-target';
import { runTool } from './run-tool';

/** Tables in the database's own schemas (anything but the catalogs). */
export const postgresTableCount = async (target: PostgresTarget): Promise<number> => {
  const client = new pg.Client(target.connection);
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(
      "SELECT count(*) AS count FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
};

export const dumpPostgres = (target: PostgresTarget, file: string) =>
  // No owners or grants: the restore may run as another role on another server.
  runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`], target.libpqEnv);

/** One transaction: a failed restore leaves the target as it was. `clean` drops the dump's objects first. */
export const restorePostgres = (target: PostgresTarget, file: string, clean: boolean) =>
  runTool(
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      ...(clean ? ['--clean', '--if-exists'] : []),
      `--dbname=${target.libpqEnv.PGDATABASE ?? ''}`,
      file,
    ],
    target.libpqEnv,
  );

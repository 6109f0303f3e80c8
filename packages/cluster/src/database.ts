/** The cluster's PostgreSQL database: created on first use, kept across runs (with its content). */
import pg from 'pg';

import type { ClusterConfig } from './config';

export async function ensureDatabase({ database }: ClusterConfig): Promise<'created' | 'exists'> {
  const client = new pg.Client({
    host: database.host,
    port: database.port,
    user: database.user,
    password: database.password,
    database: 'postgres',
  });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${database.host}:${database.port} as ${database.user} (set PGHOST, PGPORT, PGUSER, PGPASSWORD): ${(error as Error).message}`,
    );
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database.name]);
    if (found.rowCount) return 'exists';
    // The name is checked in clusterConfig (identifiers cannot be bound parameters).
    await client.query(`CREATE DATABASE "${database.name}"`);
    return 'created';
  } finally {
    await client.end();
  }
}

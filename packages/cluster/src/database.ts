/**
 * The cluster's PostgreSQL database: created on first use, kept across runs (with its content).
 * Tests that start the cluster on a database of their own drop it and read it with the helpers here.
 */
import pg from 'pg';

import type { ClusterConfig } from './config';

async function connected<T>(
  { database }: ClusterConfig,
  name: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    host: database.host,
    port: database.port,
    user: database.user,
    password: database.password,
    database: name,
  });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${database.host}:${database.port} as ${database.user} (set PGHOST, PGPORT, PGUSER, PGPASSWORD): ${(error as Error).message}`,
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function ensureDatabase(config: ClusterConfig): Promise<'created' | 'exists'> {
  return connected(config, 'postgres', async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [config.database.name]);
    if (found.rowCount) return 'exists';
    // The name is checked in clusterConfig (identifiers cannot be bound parameters).
    await client.query(`CREATE DATABASE "${config.database.name}"`);
    return 'created';
  });
}

/** Drops the database, closing whatever is still connected to it. */
export function dropDatabase(config: ClusterConfig): Promise<void> {
  return connected(config, 'postgres', async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${config.database.name}" WITH (FORCE)`);
  });
}

/** One query on the cluster's database; its rows. */
export function queryDatabase<Row extends pg.QueryResultRow>(
  config: ClusterConfig,
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  return connected(config, config.database.name, async (client) => (await client.query<Row>(text, values)).rows);
}

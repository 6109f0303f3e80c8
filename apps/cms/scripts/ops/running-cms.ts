/**
 * Whether a CMS is using the environment a restore would replace. A running CMS keeps writing
 * (editors, the scheduler, the outbox) and keeps what it read in memory, so a restore under it
 * would mix the two states; `pnpm restore` refuses instead. Two signs, either is enough:
 * - the CMS this environment configures answers its liveness probe (`/_live` on HOST:PORT);
 * - PostgreSQL: another session is connected to the target database (a CMS on another host, or
 *   anything else that would see the database change under it).
 * A SQLite file has no such registry: a CMS for it on another port than the configured one is not
 * seen, which is why the README says to stop the CMS first.
 */
import pg from 'pg';

import type { CmsEnv } from './cms-env';
import type { DatabaseTarget } from './database-target';

const PROBE_TIMEOUT_MS = 1500;

/** Where this environment's CMS listens, as a client on this host reaches it. */
export const configuredCmsUrl = (env: CmsEnv): string => {
  const host = env.HOST?.trim() || '127.0.0.1';
  // A CMS listening on every interface is reached through loopback from here.
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${env.PORT?.trim() || '1337'}`;
};

const answersLiveness = async (url: string): Promise<boolean> => {
  try {
    const res = await fetch(`${url}/_live`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), redirect: 'manual' });
    await res.arrayBuffer();
    return res.status === 204;
  } catch {
    // Refused, timed out or not HTTP: no CMS of ours there.
    return false;
  }
};

const otherPostgresSessions = async (database: Extract<DatabaseTarget, { client: 'postgres' }>) => {
  const client = new pg.Client(database.connection);
  await client.connect();
  try {
    const { rows } = await client.query<{ sessions: string }>(
      'SELECT count(*) AS sessions FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return Number(rows[0]?.sessions ?? 0);
  } finally {
    await client.end();
  }
};

/** Why the target is in use, or undefined when nothing is seen using it. */
export const targetInUse = async (env: CmsEnv, database: DatabaseTarget): Promise<string | undefined> => {
  const url = configuredCmsUrl(env);
  if (await answersLiveness(url)) return `a CMS answers at ${url} (its /_live)`;
  if (database.client === 'postgres') {
    const sessions = await otherPostgresSessions(database);
    if (sessions > 0) return `${sessions} other session(s) are connected to ${database.label}`;
  }
  return undefined;
};

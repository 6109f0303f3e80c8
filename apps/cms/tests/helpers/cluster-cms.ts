/**
 * What the two-instance suites (tests/cluster/) share: their ports and database names, the settings
 * every instance runs with, instances started in order on one database, and an editor on each.
 */
import { exampleEnv, startCms, type CmsServer } from './cms-server';
import { AdminSession } from './http';

/** Each suite listens on its own offsets from here (CLUSTER_TEST_PORT_BASE, default 4200). */
export const PORT_BASE = Number(process.env.CLUSTER_TEST_PORT_BASE ?? 4200);
export const DB_PREFIX = process.env.CLUSTER_TEST_DB_PREFIX ?? 'wtb_';

/**
 * An instance's env: the shared database, no demo seed, no public rate limit, and change
 * notifications to the suite's receiver at `notifyUrl` (SITE_URL itself answers nothing).
 */
export const clusterCmsEnv = (
  databaseEnv: Record<string, string>,
  notifyUrl: string,
  revalidateSecret: string,
): Record<string, string> => ({
  ...databaseEnv,
  SEED_DEMO_CONTENT: 'false',
  SITE_URL: 'http://127.0.0.1:9',
  SITE_INTERNAL_URL: notifyUrl,
  REVALIDATE_SECRET: revalidateSecret,
  PUBLIC_RATE_LIMIT: 'false',
});

/**
 * Starts one instance per env, one after the other (the first creates the schema, the next find
 * it in place), adding each to `into` once it answers, so the suite's `after` stops those that
 * started even when a later one fails.
 */
export async function startInstances(into: CmsServer[], envs: ReadonlyArray<Record<string, string>>): Promise<void> {
  for (const env of envs) into.push(await startCms(env));
}

/** The example editor, logged in on `server`. */
export const loginEditor = (server: CmsServer) =>
  AdminSession.login(server.url, exampleEnv('EDITOR_EMAIL'), exampleEnv('EDITOR_PASSWORD'));

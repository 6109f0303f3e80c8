/**
 * Where each part of the local cluster listens and what it connects to, from the environment:
 *
 *   CLUSTER_PORT_BASE   first port of the block (default 8000): edge +0, sites +1 and +2, CMS +11
 *                       and +12, Redis +20, S3 +30. Clear of the demo's 3000/3001/1337.
 *   CLUSTER_DATABASE    PostgreSQL database, created if missing (default nourish_cluster)
 *   PGHOST, PGPORT, PGUSER, PGPASSWORD   the PostgreSQL server (default 127.0.0.1:5432, postgres)
 *   CLUSTER_DIR         logs, uploads and S3 objects (default <repo>/.cluster)
 *   CLUSTER_BUILD       "always": rebuild the CMS and the site even when a build exists
 */
import path from 'node:path';

export type ClusterConfig = {
  root: string;
  dir: string;
  edgePort: number;
  sitePorts: readonly [number, number];
  cmsPorts: readonly [number, number];
  redisPort: number;
  s3Port: number;
  database: { host: string; port: number; user: string; password: string; name: string };
  s3Bucket: string;
  alwaysBuild: boolean;
};

const integer = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return value;
};

export function clusterConfig(root: string, env: NodeJS.ProcessEnv = process.env): ClusterConfig {
  // The highest offset is +30, so the whole block stays below 65536.
  const base = integer(env, 'CLUSTER_PORT_BASE', 8000, 1024, 65_505);
  const name = env.CLUSTER_DATABASE || 'nourish_cluster';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`CLUSTER_DATABASE must be a plain PostgreSQL name (a-z, 0-9, _), got '${name}'`);
  }
  const build = env.CLUSTER_BUILD ?? '';
  if (build !== '' && build !== 'always' && build !== 'if-missing') {
    throw new Error(`CLUSTER_BUILD must be "always" or "if-missing", got '${build}'`);
  }
  return {
    root,
    dir: path.resolve(root, env.CLUSTER_DIR || '.cluster'),
    edgePort: base,
    sitePorts: [base + 1, base + 2],
    cmsPorts: [base + 11, base + 12],
    redisPort: base + 20,
    s3Port: base + 30,
    database: {
      host: env.PGHOST || '127.0.0.1',
      port: integer(env, 'PGPORT', 5432, 1, 65_535),
      user: env.PGUSER || 'postgres',
      password: env.PGPASSWORD ?? '',
      name,
    },
    s3Bucket: 'nourish-media',
    alwaysBuild: build === 'always',
  };
}

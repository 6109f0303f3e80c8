/**
 * The environment of each process of the local cluster. The names are the ones the apps read (and
 * docker-compose.yml sets); Redis and S3 are opt-in there, so an app that does not read them yet
 * simply runs without them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';

import type { ClusterConfig } from './config';

/**
 * Shared by the CMS and the sites. Local-only values (this machine's loopback), fixed so that a
 * database kept from an earlier run still matches its tokens; not "change-me", which the site
 * refuses in production.
 */
export const CLUSTER_SECRETS = {
  SITE_API_TOKEN: 'cluster-local-site-read-token-R4nT8vQ2',
  PREVIEW_SECRET: 'cluster-local-preview-secret-Jx5Wc1Lm',
  REVALIDATE_SECRET: 'cluster-local-revalidate-secret-Pd7Hs3Kb',
} as const;

/** s3rver's built-in credentials: it accepts no others. */
const S3_CREDENTIALS = { S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' } as const;

export const urls = (config: ClusterConfig) => ({
  edge: `http://127.0.0.1:${config.edgePort}`,
  sites: config.sitePorts.map((port) => `http://127.0.0.1:${port}`),
  cms: config.cmsPorts.map((port) => `http://127.0.0.1:${port}`),
  redis: `redis://127.0.0.1:${config.redisPort}`,
  s3: `http://127.0.0.1:${config.s3Port}`,
  media: `http://127.0.0.1:${config.s3Port}/${config.s3Bucket}`,
});

const s3Env = (config: ClusterConfig) => ({
  S3_BUCKET: config.s3Bucket,
  S3_REGION: 'us-east-1',
  S3_ENDPOINT: urls(config).s3,
  S3_FORCE_PATH_STYLE: 'true',
  S3_PUBLIC_URL: urls(config).media,
  ...S3_CREDENTIALS,
});

/** CMS instance `index` (0 or 1); only the first seeds the demo content. */
export function cmsEnv(config: ClusterConfig, index: 0 | 1): Record<string, string> {
  const example = parseEnv(fs.readFileSync(path.join(config.root, 'apps/cms/.env.example'), 'utf8'));
  const { database } = config;
  return {
    ...(example as Record<string, string>),
    ...CLUSTER_SECRETS,
    HOST: '127.0.0.1',
    PORT: String(config.cmsPorts[index]),
    PUBLIC_URL: urls(config).cms[index],
    CORS_ORIGINS: urls(config).cms.join(','),
    // Change notifications go through the edge, which passes them to one site instance.
    SITE_URL: urls(config).edge,
    DATABASE_URL: '',
    DATABASE_CLIENT: 'postgres',
    DATABASE_HOST: database.host,
    DATABASE_PORT: String(database.port),
    DATABASE_NAME: database.name,
    DATABASE_USERNAME: database.user,
    DATABASE_PASSWORD: database.password,
    // Both instances serve the same files while uploads are local (UPLOAD_PROVIDER unread).
    PUBLIC_DIR: path.join(config.dir, 'public'),
    SEED_DEMO_CONTENT: index === 0 ? 'true' : 'false',
    REQUEST_LOG: 'false',
    UPLOAD_PROVIDER: 's3',
    ...s3Env(config),
  };
}

/**
 * Site instance `index` (0 or 1), talking to CMS instance `index`. Next reads next.config.ts again
 * when the server starts, so the image optimizer's allowed origin (MEDIA_URL) and the admin origin
 * (CMS_PUBLIC_URL) must be the build's values at runtime too, and the same for every instance.
 */
export function siteEnv(config: ClusterConfig, index: 0 | 1): Record<string, string> {
  return {
    NODE_ENV: 'production',
    STRAPI_URL: urls(config).cms[index],
    CMS_PUBLIC_URL: urls(config).cms[0],
    MEDIA_URL: urls(config).media,
    STRAPI_API_TOKEN: CLUSTER_SECRETS.SITE_API_TOKEN,
    PREVIEW_SECRET: CLUSTER_SECRETS.PREVIEW_SECRET,
    REVALIDATE_SECRET: CLUSTER_SECRETS.REVALIDATE_SECRET,
    SITE_URL: urls(config).edge,
    EDGE_PURGE_URLS: `${urls(config).edge}/`,
    REDIS_URL: urls(config).redis,
    CACHE_KEY_PREFIX: 'nourish-cluster:',
  };
}

/** `next build` bakes the origins above in (image allow-list, CSP); the first instance's env plus what only the build reads. */
export function siteBuildEnv(config: ClusterConfig): Record<string, string> {
  return { ...siteEnv(config, 0), NEXT_TELEMETRY_DISABLED: '1' };
}

export function edgeEnv(config: ClusterConfig): Record<string, string> {
  return {
    EDGE_LISTEN: `127.0.0.1:${config.edgePort}`,
    EDGE_BACKEND: config.sitePorts.map((port) => `127.0.0.1:${port}`).join(','),
    EDGE_PUBLIC_HOST: `127.0.0.1:${config.edgePort}`,
    EDGE_MEMORY: '128m',
    EDGE_WORKDIR: path.join(os.tmpdir(), `nourish-edge-cluster-${config.edgePort}`),
  };
}

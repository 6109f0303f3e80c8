/**
 * The contract's fixtures (packages/content/tests/fixtures): every route the site calls, read from
 * a booted CMS exactly as the site reads it (its client, its queries, its token), and compared
 * with what is committed once the values that differ between two boots of the same seed are
 * normalised away.
 */
import fs from 'node:fs';
import path from 'node:path';

import { articlePagePath, createCmsClient } from '@nourish/content';
import { articlePageResponse } from '@nourish/content/schemas';
import { DEMO_SUBJECTS, siteRoutes } from '@nourish/content/site-routes';

import { APP_DIR } from './cms-server';

export const FIXTURES_DIR = path.resolve(APP_DIR, '..', '..', 'packages', 'content', 'tests', 'fixtures');
export const UPDATE_COMMAND = 'pnpm --filter @nourish/content fixtures:update';

/** Every site route's raw JSON body, by fixture name. The client validates each one on the way. */
export const captureSiteRoutes = async (baseUrl: string, token: string): Promise<Map<string, unknown>> => {
  let body: unknown = null;
  const client = createCmsClient({
    baseUrl,
    token,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      body = JSON.parse(await response.clone().text());
      return response;
    },
  });
  const article = await client.get(articlePagePath(DEMO_SUBJECTS.article), {}, articlePageResponse, { noStore: true });
  const bodies = new Map<string, unknown>();
  for (const route of siteRoutes({ ...DEMO_SUBJECTS, articleDocumentId: article.data.documentId })) {
    await client.get(route.path, route.query, route.schema, { noStore: true });
    bodies.set(route.name, body);
  }
  return bodies;
};

/** Timestamps the seed run writes (the content's own dates, firstPublishedAt and lastReviewedAt, are kept). */
const RUN_TIMESTAMPS = new Set(['createdAt', 'updatedAt', 'publishedAt']);
/** Database keys: renumbered in order of first appearance, so two equal ids stay equal and two different ones differ. */
const DATABASE_KEYS = new Set(['id', 'documentId']);
/** Strapi appends a random `_<10 hex>` to every upload's file name. */
const UPLOAD_HASH = /_[0-9a-f]{10}(?=\.\w+$)/;

/**
 * A body with what differs between two boots of the same seed replaced by placeholders: ids and
 * documentIds, run timestamps and the random part of upload URLs. Everything else must be equal.
 */
export const normalizeFixture = (body: unknown): unknown => {
  const renumbered = new Map<string, Map<unknown, string>>();
  const placeholder = (key: string, value: unknown) => {
    const seen = renumbered.get(key) ?? new Map<unknown, string>();
    renumbered.set(key, seen);
    if (!seen.has(value)) seen.set(value, `<${key} ${seen.size + 1}>`);
    return seen.get(value);
  };
  const walk = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    if (DATABASE_KEYS.has(key)) return placeholder(key, value);
    if (RUN_TIMESTAMPS.has(key) && typeof value === 'string') return '<timestamp>';
    if (key === 'url' && typeof value === 'string' && value.startsWith('/uploads/'))
      return value.replace(UPLOAD_HASH, '_<hash>');
    return value;
  };
  return walk(body, '');
};

export const fixturePath = (name: string) => path.join(FIXTURES_DIR, `${name}.json`);

export const readFixture = (name: string): unknown => JSON.parse(fs.readFileSync(fixturePath(name), 'utf8'));

/** The fixture files that no route produces any more. */
export const orphanFixtures = (names: Iterable<string>): string[] => {
  const wanted = new Set(names);
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((file) => file.endsWith('.json') && !wanted.has(file.replace(/\.json$/, '')));
};

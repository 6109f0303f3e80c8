/**
 * One seeded CMS per database kind, shared by the API test groups, with the helpers they use.
 * Call `useSeededCms(kind)` inside a describe(): it registers the before/after hooks.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before } from 'node:test';

import type { RawRelated } from '@nourish/content/schemas';

import { APP_DIR, exampleEnv, freePort, startCms, type CmsServer } from './cms-server';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases';
import { first } from './found';
import { AdminSession, getJson, type Page } from './http';
import { startWebhookReceiver } from './site-webhook';
import { createTestArticle, paragraph } from './test-article';

export type Summary = { documentId: string; slug: string; title: string; firstPublishedAt: string | null };
export type ArticleRow = Summary & { topics?: Array<{ slug: string }> };

export const CONTENT_DIR = path.join(APP_DIR, 'src', 'seed', 'content');
export const TOKEN = exampleEnv('SITE_API_TOKEN');
export const REVALIDATE_SECRET = 'test-revalidate-secret-0123456789';
export const METRICS_TOKEN = 'test-metrics-token-0123456789';

export { paragraph };
export const railKeys = (r: RawRelated) =>
  r.data.recommended.map((item) => (item.kind === 'article' ? item.article.slug : item.url));

export const useSeededCms = (kind: DatabaseKind) => {
  let db: TestDatabase | undefined;
  let env: TestDatabase['env'];
  let metricsPort = 0;
  const state = {} as {
    cms: CmsServer;
    editor: AdminSession;
    webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  };

  const api = (p: string) => `${state.cms.url}/api${p}`;
  const ctx = {
    kind,
    get cms() {
      return state.cms;
    },
    get editor() {
      return state.editor;
    },
    get webhook() {
      return state.webhook;
    },
    /** The metrics endpoint, on its own port (bearer METRICS_TOKEN). */
    get metricsUrl() {
      return `http://127.0.0.1:${String(metricsPort)}/metrics`;
    },
    /** The folder the CMS stores uploads in (this run's own temporary public/uploads). */
    get uploadsDir() {
      return path.join(env.PUBLIC_DIR, 'uploads');
    },
    api,
    related: async (slug: string, limit = 6) => {
      const res = await getJson<RawRelated>(api(`/articles/${slug}/related?limit=${limit}`));
      assert.equal(res.status, 200, res.text);
      return res.body;
    },
    docIdOf: async (slug: string) => {
      const res = await getJson<Page<Summary>>(api(`/articles?filters[slug][$eq]=${slug}&fields[0]=slug`));
      assert.equal(res.body.data.length, 1, `published article ${slug} not found`);
      return first(res.body.data, `published article ${slug}`).documentId;
    },
    newArticle: (slug: string, extra: Record<string, unknown> = {}) => createTestArticle(state.editor, slug, extra),
    /** Stops and starts the CMS on the same database (the seed runs again). */
    restart: async () => {
      await state.cms.stop();
      state.cms = await startCms(env);
    },
  };

  before(async () => {
    db = await createTestDatabase(kind);
    state.webhook = await startWebhookReceiver();
    metricsPort = await freePort();
    // The suite reads the public API far more often than a client may; tests/public-rate-limit.test.ts
    // covers the limit itself.
    env = {
      ...db.env,
      SEED_DEMO_CONTENT: 'true',
      SITE_URL: state.webhook.url,
      REVALIDATE_SECRET,
      PUBLIC_RATE_LIMIT: 'false',
      // The x-sql-statements header, so tests can hold read models to their statement count.
      SQL_STATEMENT_COUNT: 'true',
      METRICS_PORT: String(metricsPort),
      METRICS_TOKEN,
    };
    state.cms = await startCms(env);
    state.editor = await AdminSession.login(state.cms.url, exampleEnv('EDITOR_EMAIL'), exampleEnv('EDITOR_PASSWORD'));
  });

  after(async () => {
    // before() may have failed part way.
    const { cms, webhook } = state as Partial<typeof state>;
    await cms?.stop();
    await webhook?.close();
    await db?.drop();
  });

  return ctx;
};

export type CmsContext = ReturnType<typeof useSeededCms>;

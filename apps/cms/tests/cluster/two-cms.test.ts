/**
 * The CMS as two instances on one PostgreSQL database, sharing S3-compatible media storage (an
 * s3rver): scheduled publish and unpublish happen once however many instances run the cron, the
 * admin and the API work through either instance, uploads land in the bucket (and disallowed types
 * are still refused), and both instances survive their database connections being cut.
 *
 * Ports: CLUSTER_TEST_PORT_BASE + 1..4 (default 4201..4204); the database is named by
 * CLUSTER_TEST_DB_PREFIX (default "wtb_").
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import pg from 'pg';
import sharp from 'sharp';

import { exampleEnv, type CmsServer } from '../helpers/cms-server';
import { DB_PREFIX, PORT_BASE, clusterCmsEnv, loginEditor, startInstances } from '../helpers/cluster-cms';
import { createTestDatabase, type TestDatabase } from '../helpers/databases';
import { first, nth } from '../helpers/found';
import { AdminSession, getJson, type ErrorBody, type Page } from '../helpers/http';
import { S3RVER_KEY, startS3Server } from '../helpers/s3-server';
import { startWebhookReceiver } from '../helpers/site-webhook';
import { createTestArticle } from '../helpers/test-article';
import { sleep, waitUntil } from '../helpers/wait-until';

const BUCKET = 'media';
const REVALIDATE_SECRET = 'cluster-test-revalidate-secret-0123456789';
const ARTICLES = 'articles';

type UploadedFile = { id: number; url: string; mime: string };

describe('two CMS instances on one PostgreSQL with S3 media', { timeout: 900_000 }, () => {
  let db: TestDatabase | undefined;
  let sql: pg.Client | undefined;
  let webhook: Awaited<ReturnType<typeof startWebhookReceiver>> | undefined;
  let s3: Awaited<ReturnType<typeof startS3Server>> | undefined;
  const cms: CmsServer[] = [];
  let editorOnA: AdminSession;
  let editorOnB: AdminSession;

  const a = () => first(cms, 'CMS A');
  const b = () => nth(cms, 1, 'CMS');
  const dbName = () => new URL(db?.env.DATABASE_URL ?? '').pathname.slice(1);
  /** A client of the test's own; the connection cut below ends it, which must not crash the run. */
  const connectSql = async () => {
    const client = new pg.Client({ connectionString: db?.env.DATABASE_URL });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };

  before(async () => {
    db = await createTestDatabase('postgres', DB_PREFIX);
    sql = await connectSql();
    webhook = await startWebhookReceiver(PORT_BASE + 3);
    s3 = await startS3Server(PORT_BASE + 4, BUCKET);
    const shared = {
      // The notification target: one counting server for both instances.
      ...clusterCmsEnv(db.env, webhook.url, REVALIDATE_SECRET),
      UPLOAD_PROVIDER: 's3',
      S3_BUCKET: BUCKET,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: s3.url,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: S3RVER_KEY,
      S3_SECRET_ACCESS_KEY: S3RVER_KEY,
      S3_PUBLIC_URL: s3.publicUrl,
    };
    await startInstances(cms, [
      { ...shared, PORT: String(PORT_BASE + 1) },
      { ...shared, PORT: String(PORT_BASE + 2) },
    ]);
    editorOnA = await loginEditor(a());
    editorOnB = await loginEditor(b());
  });

  after(async () => {
    await Promise.all(cms.map((server) => server.stop()));
    await sql?.end();
    await webhook?.close();
    await s3?.stop();
    await db?.drop();
  });

  /** Rows of the document by state, straight from the database both instances share. */
  const versions = async (documentId: string) => {
    const { rows } = await (sql ?? assert.fail('no database client')).query<{ published: boolean }>(
      `select published_at is not null as published from ${ARTICLES} where document_id = $1`,
      [documentId],
    );
    return { drafts: rows.filter((r) => !r.published).length, published: rows.filter((r) => r.published).length };
  };
  const notifications = (documentId: string, action: string) =>
    (webhook?.received ?? []).filter((n) => n.body.documentId === documentId && n.body.action === action).length;
  const logLines = (text: string) => cms.reduce((count, server) => count + server.output().split(text).length - 1, 0);

  describe('scheduling with both instances running the cron', () => {
    // Several at once, due in the same tick: both instances' crons fire on the same second.
    const slugs = [1, 2, 3, 4].map((n) => `scheduled-twice-${n}`);
    let ids: string[] = [];

    it('publishes each scheduled article exactly once, with one notification', async () => {
      const at = new Date(Date.now() + 3000).toISOString();
      ids = [];
      for (const [i, slug] of slugs.entries()) {
        // Half created through each instance.
        const doc = await createTestArticle(i % 2 ? editorOnB : editorOnA, slug, { scheduledPublishAt: at });
        ids.push(doc.documentId);
      }
      for (const id of ids) {
        await waitUntil(async () => (await versions(id)).published === 1, 30_000, `scheduled publish of ${id}`);
      }
      // Two more cron ticks on each instance: nothing is published or notified again.
      await sleep(11_000);
      for (const id of ids) {
        assert.deepEqual(await versions(id), { drafts: 1, published: 1 }, id);
        assert.equal(notifications(id, 'publish'), 1, `publish notifications for ${id}`);
        assert.equal(logLines(`Scheduled publish of ${id}`), 1, `scheduled publishes of ${id} across both logs`);
      }
    });

    it('unpublishes each exactly once, with one notification', async () => {
      const at = new Date(Date.now() + 3000).toISOString();
      for (const [i, id] of ids.entries()) {
        const res = await (i % 2 ? editorOnA : editorOnB).updateArticle(id, { scheduledUnpublishAt: at });
        assert.equal(res.status, 200, res.text);
      }
      for (const id of ids) {
        await waitUntil(async () => (await versions(id)).published === 0, 30_000, `scheduled unpublish of ${id}`);
      }
      await sleep(11_000);
      for (const id of ids) {
        assert.deepEqual(await versions(id), { drafts: 1, published: 0 }, id);
        assert.equal(notifications(id, 'unpublish'), 1, `unpublish notifications for ${id}`);
        assert.equal(logLines(`Scheduled unpublish of ${id}`), 1, `scheduled unpublishes of ${id} across both logs`);
      }
    });
  });

  describe('the admin and the API through either instance', () => {
    it('accepts a login made on A for work on B and the other way round', async () => {
      const token = await editorOnA.accessToken();
      const me = await getJson<{ data: { email: string } }>(`${b().url}/admin/users/me`, token);
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.data.email, exampleEnv('EDITOR_EMAIL'));
      const back = await getJson(`${a().url}/admin/users/me`, await editorOnB.accessToken());
      assert.equal(back.status, 200, back.text);
    });

    it('creates on B, publishes on A, and both serve the published article', async () => {
      const slug = 'made-on-b';
      const doc = await createTestArticle(editorOnB, slug);
      const publishedOnA = await editorOnA.publishArticle(doc.documentId);
      assert.equal(publishedOnA.status, 200, publishedOnA.text);
      for (const server of cms) {
        const res = await getJson<Page<{ slug: string }>>(`${server.url}/api/articles?filters[slug][$eq]=${slug}`);
        assert.equal(res.status, 200, res.text);
        assert.deepEqual(
          res.body.data.map((row) => row.slug),
          [slug],
          server.url,
        );
      }
      await webhook?.waitFor((n) => n.body.documentId === doc.documentId && n.body.action === 'publish');
    });
  });

  describe('uploads through the S3 provider', () => {
    let png: Buffer;
    before(async () => {
      png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#2a7' } })
        .png()
        .toBuffer();
    });

    it('stores an upload in the bucket, readable at its public URL and listed by both instances', async () => {
      const res = await editorOnA.upload('leafy-greens.png', png, 'image/png');
      assert.equal(res.status, 201, res.text);
      const file = first(res.body as UploadedFile[], 'uploaded file');
      assert.equal(file.mime, 'image/png');
      assert.ok(file.url.startsWith(`${s3?.publicUrl}/`), `stored at the media origin: ${file.url}`);
      const key = file.url.slice(`${s3?.publicUrl}/`.length);
      assert.ok((await s3?.keys())?.includes(key), `${key} is in the bucket`);

      const served = await fetch(file.url);
      assert.equal(served.status, 200);
      assert.deepEqual([...Buffer.from(await served.arrayBuffer()).subarray(0, 8)], [...png.subarray(0, 8)]);

      const listed = await getJson<{ results: Array<{ id: number; url: string }> }>(
        `${b().url}/upload/files?pageSize=100`,
        await editorOnB.accessToken(),
      );
      assert.equal(listed.status, 200, listed.text);
      assert.ok(
        listed.body.results.some((f) => f.id === file.id && f.url === file.url),
        'B lists the file A stored',
      );
    });

    it('still refuses a script disguised as a PNG, storing nothing', async () => {
      const before = await s3?.keys();
      const res = await editorOnB.upload('photo.png', 'alert(document.cookie);\n'.repeat(20), 'image/png');
      assert.equal(res.status, 400, res.text);
      assert.match((res.body as ErrorBody).error.message, /not a recognised image or PDF/);
      assert.deepEqual(await s3?.keys(), before, 'nothing written to the bucket');
    });

    it("lets the admin's CSP load previews from the media origin", async () => {
      const res = await fetch(`${a().url}/admin`);
      const csp = res.headers.get('content-security-policy') ?? '';
      const origin = new URL(s3?.url ?? '').origin;
      assert.match(csp, new RegExp(`img-src [^;]*${origin.replace(/[.]/g, '\\.')}`));
      assert.match(csp, new RegExp(`media-src [^;]*${origin.replace(/[.]/g, '\\.')}`));
    });
  });

  describe('database connections cut', () => {
    it('both instances answer the next requests without a restart', async () => {
      const pids = cms.map((server) => server.pid);
      // Warm every pool first, so there are live connections to cut.
      for (const server of cms) {
        assert.equal((await fetch(`${server.url}/api/articles?pagination[pageSize]=1`)).status, 200);
      }
      const admin = await connectSql();
      const { rows } = await admin.query<{ terminated: boolean }>(
        'select pg_terminate_backend(pid) as terminated from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [dbName()],
      );
      await admin.end();
      assert.ok(rows.filter((r) => r.terminated).length >= 2, `cut ${rows.length} connections`);
      // Our own client was cut too; reconnect it for the assertions after this test.
      await sql?.end().catch(() => undefined);
      sql = await connectSql();

      // A request that picks a pooled connection before the pool has noticed the cut can fail (the
      // pool learns of it from the connection's error event); recovering means answering again
      // within seconds, with no restart (same processes, checked below).
      for (const server of cms) {
        await waitUntil(
          async () =>
            (await getJson<Page<unknown>>(`${server.url}/api/articles?pagination[pageSize]=1`)).status === 200,
          10_000,
          `${server.url} reading again after the cut`,
        );
      }
      const doc = await createTestArticle(editorOnB, 'after-the-cut');
      assert.equal((await editorOnA.publishArticle(doc.documentId)).status, 200);
      assert.deepEqual(await versions(doc.documentId), { drafts: 1, published: 1 });
      assert.deepEqual(
        cms.map((server) => server.pid),
        pids,
        'same processes',
      );
    });
  });
});

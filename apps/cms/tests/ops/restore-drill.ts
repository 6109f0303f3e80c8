/**
 * The restore drill (issue #17): a seeded CMS edited in every way, backed up with `pnpm backup`'s
 * code, restored into a fresh database and a fresh upload store, and a CMS started on the result
 * must answer every public read the site makes exactly as the original did, keep its admin
 * accounts, roles and API tokens, and its private scheduling. Also: damaged archives and
 * non-empty targets are refused, and a backup taken during a publish holds one whole version.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { DEMO_SUBJECTS } from '@nourish/content/site-routes';

import { DamagedArchiveError } from '../../scripts/ops/archive-manifest';
import { createBackup } from '../../scripts/ops/backup';
import { RestoreRefusedError, restoreBackup } from '../../scripts/ops/restore';
import { APP_DIR, EXAMPLE_ENV, startCms, type CmsServer } from '../helpers/cms-server';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../helpers/databases';
import { AdminSession, getJson, type One } from '../helpers/http';
import { S3RVER_KEY, startS3Server } from '../helpers/s3-server';
import { siteReads } from '../helpers/site-queries';
import { makeDrillEdits, type DrillEdits } from './drill-edits';
import { publishedVersions } from './published-versions';
import { comparablePage } from './flight-rows';
import { holdNextPublish, sqliteRowsFor } from './publish-hold';
import { renderSitePages, sitePagePaths, withoutOrigins, type RenderedPage, type SiteRenders } from './site-renders';

type S3Server = Awaited<ReturnType<typeof startS3Server>>;
export type DrillSetup = { kind: DatabaseKind; uploads: 'local' | 's3'; portBase: number };

const BOOT_TIMEOUT_MS = 420_000;

/**
 * The first of the 40 ports a drill uses (CMS instances, S3 servers, the site and its Redis):
 * OPS_DRILL_PORT_BASE plus `offset`, default 9600 plus `offset`, so suites side by side can move it.
 */
export const drillPortBase = (offset: number) => Number(process.env.OPS_DRILL_PORT_BASE ?? 9600) + offset;
const DB_PREFIX = process.env.TEST_DB_PREFIX ?? 'opsbk_';

/** The CMS's variables for one database and upload store (what `pnpm backup` would read). */
const cmsEnv = (db: TestDatabase, s3: S3Server | undefined, bucket: string, port: number): Record<string, string> => ({
  ...EXAMPLE_ENV,
  ...db.env,
  PORT: String(port),
  // Nothing listens there: change notifications fail quietly, as when the site is down.
  SITE_URL: `http://127.0.0.1:${port + 8}`,
  PUBLIC_RATE_LIMIT: 'false',
  ...(s3
    ? {
        UPLOAD_PROVIDER: 's3',
        S3_BUCKET: bucket,
        S3_REGION: 'us-east-1',
        S3_ENDPOINT: s3.url,
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: S3RVER_KEY,
        S3_SECRET_ACCESS_KEY: S3RVER_KEY,
        S3_PUBLIC_URL: s3.publicUrl,
      }
    : {}),
});

/** Every public read of the site, about the demo subjects and about the drill's own article. */
const drillReads = (edits: DrillEdits) => [
  ...siteReads(),
  ...siteReads({
    ...DEMO_SUBJECTS,
    article: edits.slug,
    redirectFrom: `/articles/${edits.oldSlug}`,
    search: edits.searchWord,
  }),
];

const readAll = async (base: string, reads: string[]) => {
  const answers = new Map<string, { status: number; body: unknown }>();
  for (const read of reads) {
    const res = await getJson(`${base}/api${read}`);
    answers.set(read, { status: res.status, body: res.body });
  }
  return answers;
};

/** Every string in a body that starts with `prefix`. */
const stringsWith = (body: unknown, prefix: string): string[] => {
  if (typeof body === 'string') return body.startsWith(prefix) ? [body] : [];
  if (Array.isArray(body)) return body.flatMap((item) => stringsWith(item, prefix));
  if (body !== null && typeof body === 'object')
    return Object.values(body).flatMap((value) => stringsWith(value, prefix));
  return [];
};

/** A body with the media origin's prefix replaced by a placeholder: the one thing a restore may change. */
const withoutMediaOrigin = (body: unknown, prefix: string): unknown => {
  if (typeof body === 'string') return body.startsWith(prefix) ? `<media>/${body.slice(prefix.length)}` : body;
  if (Array.isArray(body)) return body.map((item) => withoutMediaOrigin(item, prefix));
  if (body !== null && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, withoutMediaOrigin(value, prefix)]));
  }
  return body;
};

/** Where two renders of a page first differ, with some text around it, for a failure message. */
const firstDifference = (a: string, b: string): string => {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 150), at + 150));
  return `they differ at character ${at}:\n  restored: ${around(a)}\n  original: ${around(b)}`;
};

const samePage = (restored: RenderedPage | undefined, original: RenderedPage | undefined, page: string) => {
  assert.ok(restored && original, `${page} was rendered by both`);
  assert.deepEqual(
    { status: restored.status, location: restored.location, contentType: restored.contentType },
    { status: original.status, location: original.location, contentType: original.contentType },
    page,
  );
  if (!restored.contentType?.startsWith('text/html')) {
    assert.ok(restored.body === original.body, `${page}: ${firstDifference(restored.body, original.body)}`);
    return;
  }
  // The server HTML exactly; the inlined RSC payload as its rows, whose order and ids follow timing (flight-rows.ts).
  const [after, before] = [comparablePage(restored.body), comparablePage(original.body)];
  assert.ok(after.html === before.html, `${page}: ${firstDifference(after.html, before.html)}`);
  assert.ok(after.rows.length > 0, `${page} carries its RSC payload`);
  assert.ok(
    after.rows.join('\n') === before.rows.join('\n'),
    `${page}, RSC rows: ${firstDifference(after.rows.join('\n'), before.rows.join('\n'))}`,
  );
};

const flipOneByte = async (file: string) => {
  const bytes = await fs.readFile(file);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
  await fs.writeFile(file, bytes);
};

export const describeRestoreDrill = ({ kind, uploads, portBase }: DrillSetup) => {
  describe(`restore drill on ${kind} with ${uploads} uploads`, { timeout: 1_200_000 }, () => {
    const runId = randomBytes(3).toString('hex');
    const dirs: string[] = [];
    const databases: TestDatabase[] = [];
    const servers: Array<{ stop(): Promise<void> }> = [];
    let original: CmsServer;
    let originalDb: TestDatabase;
    let originalEnv: Record<string, string>;
    let edits: DrillEdits;
    let archive: string;
    let before_: Map<string, { status: number; body: unknown }>;
    let pagesBefore: SiteRenders;
    let pagePaths: string[];
    let s3Original: S3Server | undefined;
    let s3Restored: S3Server | undefined;

    const tempDir = async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nourish-opsbk-'));
      dirs.push(dir);
      return dir;
    };
    const database = async () => {
      const db = await createTestDatabase(kind, DB_PREFIX);
      databases.push(db);
      return db;
    };

    before(async () => {
      if (uploads === 's3') {
        s3Original = await startS3Server(portBase + 30, 'drill-original');
        s3Restored = await startS3Server(portBase + 31, 'drill-restored');
        servers.push(s3Original, s3Restored);
      }
      originalDb = await database();
      originalEnv = {
        ...cmsEnv(originalDb, s3Original, 'drill-original', portBase + 1),
        SEED_DEMO_CONTENT: 'true',
      };
      // The demo seed takes a minute on an idle machine; shared CI runners can be several times slower.
      original = await startCms(originalEnv, BOOT_TIMEOUT_MS);
      servers.push(original);
      edits = await makeDrillEdits(original.url, runId);
      before_ = await readAll(original.url, drillReads(edits));
      pagePaths = sitePagePaths(
        {
          article: edits.slug,
          oldSlug: edits.oldSlug,
          topic: edits.topicSlug,
          author: DEMO_SUBJECTS.author,
          search: edits.searchWord,
          missing: `no-such-article-${runId}`,
        },
        DEMO_SUBJECTS,
      );
      pagesBefore = await renderSitePages({
        cmsUrl: original.url,
        mediaUrl: s3Original?.publicUrl,
        sitePort: portBase + 15,
        redisPort: portBase + 20,
        paths: pagePaths,
      });
      ({ archive } = await createBackup({ env: originalEnv, outDir: await tempDir() }));
    });

    after(async () => {
      for (const server of servers.reverse()) await server.stop();
      for (const db of databases) await db.drop();
      for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
    });

    it('writes an archive whose manifest lists the database and every upload with its sha256', async () => {
      const manifest = JSON.parse(await fs.readFile(path.join(archive, 'manifest.json'), 'utf8')) as {
        database: { client: string; file: string };
        uploads: { provider: string; count: number };
        files: Array<{ path: string; sha256: string }>;
      };
      assert.equal(manifest.database.client, kind);
      assert.equal(manifest.uploads.provider, uploads);
      const uploaded = manifest.files.filter((file) => file.path.startsWith('uploads/'));
      assert.equal(uploaded.length, manifest.uploads.count);
      // Strapi names the stored file after the upload, hyphens turned to underscores, plus a hash.
      assert.ok(
        uploaded.some((file) => file.path.includes(`drill_${runId}`)),
        'the drill upload is in the archive',
      );
      assert.ok(manifest.files.every((file) => /^[0-9a-f]{64}$/.test(file.sha256)));
    });

    it('refuses a damaged archive, naming the file, and leaves the target untouched', async () => {
      const damaged = path.join(await tempDir(), 'damaged');
      await fs.cp(archive, damaged, { recursive: true });
      const manifest = JSON.parse(await fs.readFile(path.join(damaged, 'manifest.json'), 'utf8')) as {
        files: Array<{ path: string }>;
      };
      const upload = manifest.files.find((file) => file.path.startsWith('uploads/'));
      assert.ok(upload, 'the archive holds an upload');
      await flipOneByte(path.join(damaged, upload.path));
      const target = await database();
      const targetEnv = cmsEnv(target, undefined, '', portBase + 3);
      await assert.rejects(restoreBackup({ env: targetEnv, archive: damaged }), (error: unknown) => {
        assert.ok(error instanceof DamagedArchiveError);
        assert.match(error.message, new RegExp(`${upload.path.replace(/[.]/g, '\\.')} does not match its sha256`));
        return true;
      });
      await fs.rm(path.join(damaged, 'database'), { recursive: true });
      // The command itself: a non-zero exit and the reason, for whoever runs it by hand.
      const command = promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'scripts/ops/restore-command.ts', damaged],
        {
          cwd: APP_DIR,
          env: { ...process.env, ...targetEnv },
        },
      );
      await assert.rejects(command, (error: { code?: number; stderr?: string }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr ?? '', /restore failed: Refusing to restore .* damaged.*\n.*is missing/s);
        return true;
      });
      assert.deepEqual(await fs.readdir(path.join(target.env.PUBLIC_DIR, 'uploads')), [], 'no upload was written');
      if (kind === 'sqlite') {
        await assert.rejects(fs.stat(target.env.DATABASE_FILENAME ?? ''), 'no database was written');
      }
    });

    it('refuses to restore over a database that is not empty', async () => {
      const target = await database();
      const targetEnv = cmsEnv(target, undefined, '', portBase + 3);
      await restoreBackup({ env: targetEnv, archive });
      await assert.rejects(restoreBackup({ env: targetEnv, archive }), (error: unknown) => {
        assert.ok(error instanceof RestoreRefusedError);
        assert.match(error.message, /is not empty \(\d+ tables\).*--force/);
        return true;
      });
    });

    it('refuses to restore while a CMS runs against the target, even with --force', async () => {
      await assert.rejects(restoreBackup({ env: originalEnv, archive, force: true }), (error: unknown) => {
        assert.ok(error instanceof RestoreRefusedError);
        assert.match(error.message, new RegExp(`in use: a CMS answers at ${original.url} \\(its /_live\\)`));
        return true;
      });
      if (kind === 'postgres') {
        // A CMS elsewhere (nothing answers on this port): its sessions on the database give it away.
        const elsewhere = { ...originalEnv, PORT: String(portBase + 3) };
        await assert.rejects(restoreBackup({ env: elsewhere, archive, force: true }), (error: unknown) => {
          assert.ok(error instanceof RestoreRefusedError);
          assert.match(error.message, /in use: \d+ other session\(s\) are connected to PostgreSQL/);
          return true;
        });
      }
      // Nothing was replaced: the original still answers with its content.
      assert.equal((await getJson(`${original.url}/api/articles/by-slug/${edits.slug}`)).status, 200);
    });

    it('restores a backup taken while a publish was in flight to the one version committed before it', async () => {
      const editor = await AdminSession.login(
        original.url,
        EXAMPLE_ENV.EDITOR_EMAIL ?? '',
        EXAMPLE_ENV.EDITOR_PASSWORD ?? '',
      );
      const list = await getJson<{ results: Array<{ documentId: string; title: string; excerpt: string }> }>(
        `${original.url}/content-manager/collection-types/api::article.article?filters[slug][$eq]=${DEMO_SUBJECTS.article}`,
        await editor.accessToken(),
      );
      const demo = list.body.results[0];
      assert.ok(demo, 'the demo article');
      // SQLite's hold is work, not a wait (publish-hold.ts): a few seconds, longer on each retry
      // should this machine have taken longer to back up than the publish was held.
      const { documentId, title, excerpt } = demo;
      let sqliteHoldMs = 4000;
      let overlapped = false;
      for (let attempt = 1; attempt <= 3 && !overlapped; attempt++, sqliteHoldMs *= 2) {
        const [committed, ...others] = await publishedVersions(originalDb, documentId);
        assert.ok(committed && others.length === 0, 'one published version before the publish');
        assert.ok(committed.blocks > 0, 'the published version has its blocks');
        const revision = {
          title: `${title} (revised in flight ${attempt})`,
          excerpt: `${excerpt} Revised while backup ${attempt} ran.`,
        };
        assert.equal((await editor.updateArticle(documentId, { ...revision, updateKind: 'minor' })).status, 200);

        const hold = await holdNextPublish(originalDb, sqliteRowsFor(sqliteHoldMs));
        let publishSettled = false;
        const publishing = editor.publishArticle(documentId).finally(() => {
          publishSettled = true;
        });
        let inFlight: { archive: string } | undefined;
        try {
          await hold.waitUntilHeld(120_000);
          assert.equal(publishSettled, false, 'the publish has not answered');
          inFlight = await createBackup({ env: originalEnv, outDir: await tempDir() });
          // The snapshot began after the publish's transaction opened and the backup ended before it closed.
          overlapped = (await hold.isHeld()) && !publishSettled;
          await hold.release();
          const publish = await publishing;
          assert.equal(publish.status, 200, publish.text);
        } finally {
          await hold.release();
          await publishing.catch(() => undefined);
          await hold.remove();
        }
        const [live] = await publishedVersions(originalDb, documentId);
        assert.equal(live?.title, revision.title, 'the publish committed the revision');
        if (!overlapped) continue;
        assert.ok(inFlight, 'the backup was written');

        const target = await database();
        await restoreBackup({ env: cmsEnv(target, undefined, '', portBase + 4), archive: inFlight.archive });
        assert.deepEqual(
          await publishedVersions(target, documentId),
          [committed],
          'exactly the version committed before the publish, title, excerpt and every block',
        );
      }
      assert.ok(overlapped, 'a backup ran wholly inside a held publish (3 attempts)');
    });

    describe('a CMS on the restored data', () => {
      let restored: CmsServer;
      let restoredEnv: Record<string, string>;
      let movedFiles: number;
      /** The media URL prefix of each store: the S3 bucket's public URL, or the CMS's /uploads/. */
      const originalMedia = () => (s3Original ? `${s3Original.publicUrl}/` : '/uploads/');
      const restoredMedia = () => (s3Restored ? `${s3Restored.publicUrl}/` : '/uploads/');

      before(async () => {
        restoredEnv = {
          ...cmsEnv(await database(), s3Restored, 'drill-restored', portBase + 2),
          // Nothing may come from a seed: every row must come from the archive.
          SEED_DEMO_CONTENT: 'false',
          ADMIN_EMAIL: '',
          EDITOR_EMAIL: '',
          AUTHOR_EMAIL: '',
          REVIEWER_EMAIL: '',
        };
        await original.stop();
        ({ movedFiles } = await restoreBackup({ env: restoredEnv, archive }));
        restored = await startCms(restoredEnv, BOOT_TIMEOUT_MS);
        servers.push(restored);
      });

      it('answers every public read of the site exactly as the original did, but for the media origin', async () => {
        const reads = drillReads(edits);
        const afterRestore = await readAll(restored.url, reads);
        for (const read of reads) {
          assert.deepEqual(
            withoutMediaOrigin(afterRestore.get(read), restoredMedia()),
            withoutMediaOrigin(before_.get(read), originalMedia()),
            `GET /api${read}`,
          );
        }
        const article = before_.get(reads.find((read) => read.includes(edits.slug)) ?? '');
        assert.equal(article?.status, 200, 'the drill article was live before the backup');
      });

      it('renders every page type as the original did, but for the CMS and media origins', async () => {
        const pagesAfter = await renderSitePages({
          cmsUrl: restored.url,
          mediaUrl: s3Restored?.publicUrl,
          sitePort: portBase + 15,
          redisPort: portBase + 20,
          paths: pagePaths,
        });
        const originalOrigins: Array<[string, string]> = [
          [original.url, 'http://cms.placeholder'],
          ...(s3Original ? [[s3Original.publicUrl, 'http://media.placeholder'] as [string, string]] : []),
        ];
        const restoredOrigins: Array<[string, string]> = [
          [restored.url, 'http://cms.placeholder'],
          ...(s3Restored ? [[s3Restored.publicUrl, 'http://media.placeholder'] as [string, string]] : []),
        ];
        for (const page of pagePaths) {
          const before = pagesBefore.pages.get(page);
          const after = pagesAfter.pages.get(page);
          samePage(
            after && withoutOrigins(after, restoredOrigins),
            before && withoutOrigins(before, originalOrigins),
            page,
          );
        }
        // What was compared are real pages: each answered, and the drill's article has every block and both rails.
        for (const [page, answer] of pagesAfter.pages) {
          const expected = page.includes(edits.oldSlug) ? 308 : page.includes('no-such-article') ? 404 : 200;
          assert.equal(answer.status, expected, page);
        }
        const article = pagesAfter.pages.get(`/articles/${edits.slug}`);
        assert.equal(article?.status, 200);
        for (const text of [
          'Quarrywhistle paragraphs',
          'What to keep',
          'Drill only',
          'A backup nobody restored is a hope.',
          'A small test image',
          'Recommended for you',
          'You may also like',
          'Further reading',
        ]) {
          assert.ok(article.body.includes(text), `the restored article page shows "${text}"`);
        }
        const redirect = pagesAfter.pages.get(`/articles/${edits.oldSlug}`);
        assert.equal(redirect?.status, 308);
        // (Next sends the Location header twice, the same value both times; fetch joins them.)
        assert.deepEqual(
          [...new Set((redirect.location ?? '').split(/,\s*/).map((to) => new URL(to, 'http://x').pathname))],
          [`/articles/${edits.slug}`],
        );
        assert.equal(pagesAfter.pages.get(`/articles/no-such-article-${runId}`)?.status, 404);
        // Every image the restored pages show loads through the site's optimiser from the new store.
        assert.ok(
          [...pagesAfter.images.keys()].some((url) => url.includes(`drill_${runId}`)),
          'the drill image is shown',
        );
        for (const [url, answer] of pagesAfter.images) {
          assert.equal(answer.status, 200, url);
          assert.match(answer.contentType ?? '', /^image\//, url);
        }
      });

      it('points every media URL at the new store, where each one loads', async () => {
        assert.equal(movedFiles > 0, uploads === 's3', 'file rows are moved only when the media origin changed');
        const urls = new Set(
          [...(await readAll(restored.url, drillReads(edits))).values()].flatMap((answer) =>
            stringsWith(answer.body, restoredMedia()),
          ),
        );
        assert.ok(
          [...urls].some((url) => url.includes(`drill_${runId}`)),
          'the drill image is among them',
        );
        for (const url of urls) {
          const res = await fetch(url.startsWith('/') ? `${restored.url}${url}` : url);
          assert.equal(res.status, 200, url);
        }
        if (s3Original) {
          const leftovers = [...before_.values()].flatMap((answer) => stringsWith(answer.body, originalMedia()));
          assert.ok(leftovers.length > 0, 'the original answers named the old bucket');
        }
      });

      it('holds every uploaded file, byte for byte, in the new store', async () => {
        if (s3Original && s3Restored) {
          const keys = await s3Original.keys();
          assert.deepEqual(await s3Restored.keys(), keys);
          for (const key of keys) {
            const [a, b] = await Promise.all(
              [s3Original, s3Restored].map(async (s3) =>
                Buffer.from(await (await fetch(`${s3.publicUrl}/${key}`)).arrayBuffer()),
              ),
            );
            assert.ok(a && b && a.equals(b), key);
          }
          return;
        }
        const files = await fs.readdir(path.join(originalEnv.PUBLIC_DIR ?? '', 'uploads'));
        assert.ok(files.length > 0);
        for (const file of files) {
          const [a, b] = await Promise.all(
            [originalEnv, restoredEnv].map((env) => fs.readFile(path.join(env.PUBLIC_DIR ?? '', 'uploads', file))),
          );
          assert.ok(a && b && a.equals(b), file);
          // And the restored CMS serves it.
          assert.equal((await fetch(`${restored.url}/uploads/${file}`)).status, 200, file);
        }
      });

      it('keeps the admin accounts, the new role with its permission, and the API token', async () => {
        for (const prefix of ['ADMIN', 'EDITOR', 'AUTHOR', 'REVIEWER']) {
          await AdminSession.login(
            restored.url,
            EXAMPLE_ENV[`${prefix}_EMAIL`] ?? '',
            EXAMPLE_ENV[`${prefix}_PASSWORD`] ?? '',
          );
        }
        const auditor = await AdminSession.login(restored.url, edits.admin.email, edits.admin.password);
        const me = await getJson<One<{ email: string; roles: Array<{ id: number; name: string }> }>>(
          `${restored.url}/admin/users/me`,
          await auditor.accessToken(),
        );
        assert.equal(me.status, 200, me.text);
        assert.deepEqual(
          me.body.data.roles.map((role) => [role.id, role.name]),
          [[edits.admin.roleId, edits.admin.roleName]],
        );
        const topics = await getJson<{ results: unknown[] }>(
          `${restored.url}/content-manager/collection-types/api::topic.topic`,
          await auditor.accessToken(),
        );
        assert.equal(topics.status, 200, `the role's permission still applies: ${topics.text}`);
        const articles = await getJson(
          `${restored.url}/content-manager/collection-types/api::article.article`,
          await auditor.accessToken(),
        );
        assert.equal(articles.status, 403, 'and only that permission');

        assert.equal(
          (await getJson(`${restored.url}/api/topics`, edits.apiToken)).status,
          200,
          'the API token is accepted',
        );
        assert.equal(
          (await getJson(`${restored.url}/api/topics`, `${edits.apiToken}x`)).status,
          401,
          'a wrong one is not',
        );
      });

      it('keeps the private scheduling of a draft', async () => {
        const editor = await AdminSession.login(
          restored.url,
          EXAMPLE_ENV.EDITOR_EMAIL ?? '',
          EXAMPLE_ENV.EDITOR_PASSWORD ?? '',
        );
        const draft = await getJson<One<{ scheduledPublishAt: string | null; publishedAt: string | null }>>(
          `${restored.url}/content-manager/collection-types/api::article.article/${edits.scheduled.documentId}`,
          await editor.accessToken(),
        );
        assert.equal(draft.status, 200, draft.text);
        assert.equal(draft.body.data.scheduledPublishAt, edits.scheduled.scheduledPublishAt);
      });
    });
  });
};

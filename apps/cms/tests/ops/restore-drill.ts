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

type S3Server = Awaited<ReturnType<typeof startS3Server>>;
export type DrillSetup = { kind: DatabaseKind; uploads: 'local' | 's3'; portBase: number };

const BOOT_TIMEOUT_MS = 420_000;
const DB_PREFIX = process.env.TEST_DB_PREFIX ?? 'opsbk_';

/** The CMS's variables for one database and upload store (what `pnpm backup` would read). */
const cmsEnv = (db: TestDatabase, s3: S3Server | undefined, bucket: string, port: number): Record<string, string> => ({
  ...EXAMPLE_ENV,
  ...db.env,
  PORT: String(port),
  // Nothing listens there: change notifications fail quietly, as when the site is down.
  SITE_URL: `http://127.0.0.1:${port + 90}`,
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
    let originalEnv: Record<string, string>;
    let edits: DrillEdits;
    let archive: string;
    let before_: Map<string, { status: number; body: unknown }>;
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
      originalEnv = {
        ...cmsEnv(await database(), s3Original, 'drill-original', portBase + 1),
        SEED_DEMO_CONTENT: 'true',
      };
      // The demo seed takes a minute on an idle machine; shared CI runners can be several times slower.
      original = await startCms(originalEnv, BOOT_TIMEOUT_MS);
      servers.push(original);
      edits = await makeDrillEdits(original.url, runId);
      before_ = await readAll(original.url, drillReads(edits));
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
      await assert.rejects(restoreBackup({ env: originalEnv, archive }), (error: unknown) => {
        assert.ok(error instanceof RestoreRefusedError);
        assert.match(error.message, /is not empty \(\d+ tables\).*--force/);
        return true;
      });
    });

    it('restores a backup taken during a publish to one whole version of the article', async () => {
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
      const oldVersion = { title: demo.title, excerpt: demo.excerpt };
      const newVersion = {
        title: `${demo.title} (revised in flight)`,
        excerpt: `${demo.excerpt} Revised while a backup ran.`,
      };
      assert.equal((await editor.updateArticle(demo.documentId, { ...newVersion, updateKind: 'minor' })).status, 200);
      // The publish and the backup start together; whichever commits first, the archive has one version.
      const [publish, inFlight] = await Promise.all([
        editor.publishArticle(demo.documentId),
        createBackup({ env: originalEnv, outDir: await tempDir() }),
      ]);
      assert.equal(publish.status, 200, publish.text);
      const target = await database();
      await restoreBackup({ env: cmsEnv(target, undefined, '', portBase + 4), archive: inFlight.archive });
      const versions = await publishedVersions(target, demo.documentId);
      assert.equal(versions.length, 1, `exactly one published version, got ${JSON.stringify(versions)}`);
      const [restored] = versions;
      assert.ok(
        (restored?.title === oldVersion.title && restored.excerpt === oldVersion.excerpt) ||
          (restored?.title === newVersion.title && restored.excerpt === newVersion.excerpt),
        `title and excerpt from the same version, got ${JSON.stringify(restored)}`,
      );
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

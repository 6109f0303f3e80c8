/**
 * Issue #15's importer at size: a WordPress export of N posts (the WXR fixture's posts cloned with
 * new ids, slugs and links: apps/cms/tests/helpers/wxr-generate.ts) imported into a fresh
 * PostgreSQL database by the real CLI, `pnpm run import <file> --publish` at the repo's
 * root (no site runs here, so it queues no change notifications for one), with the
 * production environment the CMS runs with. The export's media is served from a local HTTP server
 * (the fixture's wp-content/uploads), as a live WordPress site would serve it, so the CLI downloads
 * and uploads real images. Measured: wall time of the command (Strapi's boot included), posts per
 * second, the peak RSS of its largest process (the importer; pnpm's own wrapper is left out), and
 * what the database holds afterwards (the command's own report is not trusted for the count).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { exitWithin, inheritedEnv, spawnService } from '@nourish/test-support';

import { generateWxr, WXR_FIXTURE_DIR } from '../../../apps/cms/tests/helpers/wxr-generate';
import { freshDatabase } from '../generate/database';
import { exampleCmsEnv, productionNodeOptions, ROOT, runSecrets, withoutDemoAccounts } from '../servers';
import { childrenOf } from './process-cpu';

const CMS_DIR = path.join(ROOT, 'apps/cms');
/** The importer's command (issue #15), run at the repo's root with the export's path and these flags. */
export const IMPORT_COMMAND = ['pnpm', 'run', '--silent', 'import'] as const;
const IMPORT_FLAGS = ['--publish'];

export type WxrImportMeasure = {
  posts: number;
  wxrBytes: number;
  command: string;
  /** The command's exit code; 'timeout' when it was still running at the time limit (it is killed). */
  exit: number | null | 'timeout';
  seconds: number;
  postsPerSec: number;
  /** Article documents in the database afterwards, and how many of them have a published version. */
  articles: number;
  published: number;
  /** Posts the export marks unpublished (never published, even with --publish). */
  sourceDrafts: number;
  /** Media requests the local "old site" answered (covers and inline images, each fetched once or more). */
  mediaRequests: number;
  peakRssBytes: number;
  /** The tail of the command's output when it failed. */
  error?: string;
};

/** The RSS of the largest process in `pid`'s tree (the importer, not the pnpm wrapper around it). */
const largestRss = (pid: number): number => {
  const children = childrenOf();
  let largest = 0;
  const visit = (p: number) => {
    try {
      const kB = Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      largest = Math.max(largest, kB * 1024);
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return largest;
};

/** The fixture's folder over HTTP on loopback, counting requests; only files under it are served. */
const serveMedia = async (port: number) => {
  let requests = 0;
  const root = path.resolve(WXR_FIXTURE_DIR);
  const server = http.createServer((req, res) => {
    requests++;
    const file = path.resolve(root, `.${decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.jpg') ? 'image/jpeg' : 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export async function measureWxrImport(options: {
  posts: number;
  workDir: string;
  publicDir: string;
  mediaPort: number;
  timeoutMs: number;
  /** Keep the database (bench --keep). */
  keep: boolean;
  log: (message: string) => void;
}): Promise<WxrImportMeasure> {
  const media = await serveMedia(options.mediaPort);
  const db = await freshDatabase('postgres', `import_${options.posts}`, options.workDir, options.publicDir);
  const file = path.join(options.workDir, `wxr-${options.posts}.xml`);
  const command = [...IMPORT_COMMAND, file, ...IMPORT_FLAGS];
  try {
    const generated = await generateWxr({ file, posts: options.posts, siteUrl: media.url });
    options.log(`  ${options.posts} posts, ${(generated.bytes / 2 ** 20).toFixed(1)} MiB: ${command.join(' ')}`);
    const started = performance.now();
    const child = spawnService({
      command: [command[0], ...command.slice(1)],
      cwd: ROOT,
      env: {
        ...inheritedEnv(),
        ...withoutDemoAccounts(exampleCmsEnv()),
        ...runSecrets(),
        ...db.env,
        NODE_ENV: 'production',
        NODE_OPTIONS: productionNodeOptions(CMS_DIR),
        SEED_DEMO_CONTENT: 'false',
      },
      detached: true,
      logFile: path.join(options.workDir, `wxr-import-${options.posts}.log`),
    });
    let peakRssBytes = 0;
    const timer = setInterval(() => (peakRssBytes = Math.max(peakRssBytes, largestRss(child.pid))), 250);
    let exit: WxrImportMeasure['exit'];
    try {
      const code = await exitWithin(child, options.timeoutMs);
      exit = code === 'running' ? 'timeout' : code;
    } finally {
      clearInterval(timer);
    }
    const seconds = (performance.now() - started) / 1000;
    const knex = db.connect();
    let articles = 0;
    let published = 0;
    try {
      const count = async (publishedOnly: boolean) => {
        const query = knex('articles').countDistinct<Array<{ n: string | number }>>({ n: 'document_id' });
        const rows = await (publishedOnly ? query.whereNotNull('published_at') : query);
        return Number(rows[0]?.n ?? 0);
      };
      // A failed command may leave no schema at all: then nothing was imported.
      if (await knex.schema.hasTable('articles')) [articles, published] = [await count(false), await count(true)];
    } finally {
      await knex.destroy();
    }
    return {
      posts: options.posts,
      wxrBytes: generated.bytes,
      command: command.join(' ').replace(file, `<${path.basename(file)}>`),
      exit,
      seconds,
      postsPerSec: options.posts / seconds,
      articles,
      published,
      sourceDrafts: generated.sourceDrafts,
      mediaRequests: media.requests(),
      peakRssBytes,
      ...(exit === 0 ? {} : { error: child.output().slice(-2000) }),
    };
  } finally {
    await media.stop();
    if (!options.keep) await db.drop();
    fs.rmSync(file, { force: true });
  }
}

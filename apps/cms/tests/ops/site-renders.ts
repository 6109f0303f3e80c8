/**
 * The reader site's pages as the restore drill compares them: the production build of apps/web
 * (server.mjs, the one scripts/test.sh builds for e2e) started against one CMS, every page type
 * fetched as a reader would, then stopped. The site reads STRAPI_URL when it renders, so one build
 * serves the original CMS and the restored one in turn.
 *
 * Caches: each start gets an empty cache of its own. The site's cache handler is used with a
 * private, fresh redis-server (REDIS_URL), so nothing rendered from the original CMS can answer for
 * the restored one, and no page or data is written into the build's .next directory, which the e2e
 * suites run from later (the image optimiser's files still go to .next/cache/images, which they clear).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { inheritedEnv, spawnService, waitForRedis, waitUntilReady } from '@nourish/test-support';

import { APP_DIR, EXAMPLE_ENV } from '../helpers/cms-server';

const WEB_DIR = path.resolve(APP_DIR, '..', 'web');

export type RenderedPage = { status: number; location: string | null; contentType: string | null; body: string };

export type SiteRenders = {
  pages: Map<string, RenderedPage>;
  /** Every optimised image the pages show (`/_next/image?...`), with the status the site answered. */
  images: Map<string, { status: number; contentType: string | null }>;
};

export type PageSubjects = {
  article: string;
  oldSlug: string;
  topic: string;
  author: string;
  search: string;
  missing: string;
};

/** One address of every page type the site has, about the drill's own subjects and the demo's. */
export const sitePagePaths = (s: PageSubjects, demo: { article: string; topic: string; search: string }) => [
  '/',
  `/articles/${s.article}`,
  `/articles/${demo.article}`,
  // The slug the drill renamed: a 308 to the new one.
  `/articles/${s.oldSlug}`,
  `/articles/${s.missing}`,
  `/topics/${s.topic}`,
  `/topics/${demo.topic}`,
  `/authors/${s.author}`,
  `/search?q=${encodeURIComponent(s.search)}`,
  `/search?q=${encodeURIComponent(demo.search)}`,
  '/sitemap.xml',
  '/sitemaps/pages.xml',
  '/sitemaps/articles-1.xml',
  '/feed.xml',
  '/robots.txt',
];

export const siteIsBuilt = () => fs.existsSync(path.join(WEB_DIR, '.next', 'BUILD_ID'));

const IMAGE_SRC = /(?:src|srcSet)="(\/_next\/image\?[^" ,]+)/g;

const imagesIn = (pages: Map<string, RenderedPage>) =>
  new Set(
    [...pages.values()].flatMap((page) =>
      [...page.body.matchAll(IMAGE_SRC)].map((match) => (match[1] ?? '').replaceAll('&amp;', '&')),
    ),
  );

export const renderSitePages = async ({
  cmsUrl,
  mediaUrl,
  sitePort,
  redisPort,
  paths,
}: {
  cmsUrl: string;
  /** The S3 bucket's public URL when uploads live there (the site's MEDIA_URL). */
  mediaUrl: string | undefined;
  sitePort: number;
  redisPort: number;
  paths: string[];
}): Promise<SiteRenders> => {
  if (!siteIsBuilt()) throw new Error('apps/web is not built: run `pnpm --filter @nourish/web build` first');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'nourish-opsbk-site-'));
  const redis = spawnService({
    command: ['redis-server', '--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    cwd: scratch,
    env: inheritedEnv(),
  });
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  const site = spawnService({
    command: [process.execPath, path.join(WEB_DIR, 'server.mjs'), '-p', String(sitePort), '-H', '127.0.0.1'],
    cwd: WEB_DIR,
    env: {
      ...inheritedEnv(),
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      STRAPI_URL: cmsUrl,
      ...(mediaUrl ? { MEDIA_URL: mediaUrl } : {}),
      STRAPI_API_TOKEN: EXAMPLE_ENV.SITE_API_TOKEN ?? '',
      PREVIEW_SECRET: EXAMPLE_ENV.PREVIEW_SECRET ?? '',
      REVALIDATE_SECRET: EXAMPLE_ENV.REVALIDATE_SECRET ?? '',
      // The CMS's example secrets: a test of our own, never served.
      ALLOW_EXAMPLE_SECRETS: 'true',
      // The same public origin for both renders: canonical URLs, the sitemap and the feed name it.
      SITE_URL: 'https://drill.nourish.example',
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      // A busy CI machine must not turn a slow CMS answer into a 503 page that differs.
      CMS_TIMEOUT_MS: '30000',
    },
  });
  try {
    await waitForRedis(redisPort, 10_000, () => !redis.hasExited());
    await waitUntilReady(site, {
      name: 'the site',
      url: `${siteUrl}/_ready`,
      timeoutMs: 120_000,
      isReady: (response) => response.ok,
    });
    const pages = new Map<string, RenderedPage>();
    for (const page of paths) {
      const res = await fetch(`${siteUrl}${page}`, { redirect: 'manual' });
      pages.set(page, {
        status: res.status,
        location: res.headers.get('location'),
        contentType: res.headers.get('content-type'),
        body: await res.text(),
      });
    }
    const images = new Map<string, { status: number; contentType: string | null }>();
    for (const image of imagesIn(pages)) {
      const res = await fetch(`${siteUrl}${image}`);
      await res.arrayBuffer();
      images.set(image, { status: res.status, contentType: res.headers.get('content-type') });
    }
    return { pages, images };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nthe site printed:\n${site.output()}`);
  } finally {
    await site.stop();
    await redis.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
};

/**
 * A page with what may differ between the original and the restored stack replaced by
 * placeholders: the CMS's address (each CMS listens on its own port) and the media origin (the
 * restore moves uploads to the new store), as written and as URL-encoded in `/_next/image` URLs.
 * The files' names must stay the same. Nothing else is normalised here: the build (and so its build
 * id) is the same, the site uses no nonces, and every date on a page comes from the content (the
 * RSC payload's row order is flight-rows.ts's concern).
 */
export const withoutOrigins = (page: RenderedPage, origins: Array<[string, string]>): RenderedPage => {
  const replace = (text: string) =>
    origins.reduce(
      (result, [origin, placeholder]) =>
        result.replaceAll(origin, placeholder).replaceAll(encodeURIComponent(origin), encodeURIComponent(placeholder)),
      text,
    );
  return { ...page, location: page.location === null ? null : replace(page.location), body: replace(page.body) };
};

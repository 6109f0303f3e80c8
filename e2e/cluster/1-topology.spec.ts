/**
 * `pnpm cluster` from a fresh database: every part answers, the admin works on both CMS
 * instances, a demo article is the same through the edge and through each site, its cover lives
 * in the S3 bucket and reaches readers through the site's image optimizer at the edge, and the
 * optimizer refuses any other origin.
 */
import { waitForRedis } from '@nourish/test-support';

import { CMS_ENV } from '../fixtures/env';
import { editorApi } from '../fixtures/cms-admin-api';
import { get } from '../fixtures/plain-get';
import {
  CMS_URLS,
  EDGE_URL,
  MEDIA_URL,
  REDIS_PORT,
  S3_URL,
  SITE_URLS,
  edge,
  expect,
  heading,
  sitemapPagesAtEdge,
  test,
} from './support';

/** The optimizer URLs of a page's images, as its HTML lists them (`&amp;` decoded). */
const optimizerUrls = (html: string): string[] =>
  [...html.matchAll(/\/_next\/image\?url=[^"'\s,]+/g)].map((match) => match[0].replaceAll('&amp;', '&'));

test('every part answers; the admin works on both CMS instances', async ({ stack }) => {
  expect(Object.keys(stack.parts()).sort()).toEqual(['cms-1', 'cms-2', 'edge', 'redis', 's3', 'site-1', 'site-2']);
  expect((await edge('/icon.svg')).status).toBe(200);
  for (const site of SITE_URLS) expect((await get(`${site}/robots.txt`)).status, site).toBe(200);
  for (const cms of CMS_URLS) expect((await get(`${cms}/_health`)).status, cms).toBeLessThan(300);
  // Throws unless PING is answered with PONG.
  await waitForRedis(REDIS_PORT, 5000, () => true);
  // s3rver refuses an anonymous listing, but it answers.
  expect((await get(`${S3_URL}/`)).status).toBeLessThan(500);

  for (const cms of CMS_URLS) {
    const started = Date.now();
    // Throws unless the login answers 200 with a token.
    await editorApi({ email: CMS_ENV.EDITOR_EMAIL, password: CMS_ENV.EDITOR_PASSWORD }, cms);
    console.log(`admin login on ${cms}: ${Date.now() - started} ms`);
  }
});

test('a demo article: the same through the edge and both sites, its cover from S3 through the optimizer', async () => {
  const articles = (await sitemapPagesAtEdge()).filter((path) => path.startsWith('/articles/'));
  expect(articles.length).toBeGreaterThan(10);

  // The first article with a cover image (most demo articles have one).
  let path = '';
  let page = '';
  for (const candidate of articles) {
    const reply = await edge(candidate);
    expect(reply.status, candidate).toBe(200);
    if (optimizerUrls(reply.text).some((url) => decodeURIComponent(url).includes(MEDIA_URL))) {
      path = candidate;
      page = reply.text;
      break;
    }
  }
  expect(path, 'an article with a cover from the S3 bucket').not.toBe('');
  const title = heading(page);
  expect(title.length).toBeGreaterThan(0);
  for (const site of SITE_URLS) {
    const reply = await get(`${site}${path}`);
    expect(reply.status, `${site}${path}`).toBe(200);
    expect(heading(reply.text), site).toBe(title);
  }

  // The cover is an object in the bucket...
  const cover = optimizerUrls(page).find((url) => decodeURIComponent(url).includes(MEDIA_URL)) ?? '';
  const source = new URL(cover, EDGE_URL).searchParams.get('url') ?? '';
  expect(source.startsWith(`${MEDIA_URL}/`)).toBe(true);
  const stored = await fetch(source);
  expect(stored.status).toBe(200);
  expect(stored.headers.get('content-type') ?? '').toMatch(/^image\//);
  const storedBytes = (await stored.arrayBuffer()).byteLength;

  // ...served through the site's optimizer, at the edge.
  const started = Date.now();
  const optimized = await fetch(new URL(cover, EDGE_URL), { signal: AbortSignal.timeout(30_000) });
  expect(optimized.status).toBe(200);
  expect(optimized.headers.get('content-type') ?? '').toMatch(/^image\//);
  const optimizedBytes = (await optimized.arrayBuffer()).byteLength;
  expect(optimizedBytes).toBeGreaterThan(0);
  console.log(
    `cover ${source}: ${storedBytes} bytes in S3, ${optimizedBytes} bytes optimized (${cover}) in ${Date.now() - started} ms at the edge`,
  );

  // Any other origin is refused, the CMS's own included (uploads go to S3 here).
  for (const other of ['https://evil.example/x.jpg', `${CMS_URLS[0]}/uploads/x.jpg`, `${S3_URL}/other-bucket/x.jpg`]) {
    const refused = await edge(`/_next/image?url=${encodeURIComponent(other)}&w=640&q=75`);
    expect(refused.status, other).toBe(400);
  }
});

/**
 * Preview links are signed for ONE document and expire (packages/content/src/preview-token.ts):
 * a link to draft A never shows draft B, tampered, expired and old `?secret=` links get 401, the
 * session cookie stops working when it expires or the secret changes, an Author gets no link to
 * someone else's draft, and neither preview route redirects off the site.
 */
import { createHmac } from 'node:crypto';

import { expect, test, type BrowserContext } from '@playwright/test';

import { editorApi, paragraphs, type EditorApi } from '../fixtures/cms-admin-api';
import { CMS_ENV, SITE_URL } from '../fixtures/env';

const stamp = Date.now().toString(36);
const draftA = { title: `Preview draft A ${stamp}`, slug: `preview-draft-a-${stamp}` };
const draftB = { title: `Preview draft B ${stamp}`, slug: `preview-draft-b-${stamp}` };
const PUBLISHED = { slug: 'magnesium-glycinate' };

/** Signs claims exactly as the CMS does, written out here independently of both implementations. */
const sign = (claims: Record<string, unknown>, secret: string = CMS_ENV.PREVIEW_SECRET) => {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
};
const nowSeconds = () => Math.floor(Date.now() / 1000);
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as Record<string, unknown>;
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

const preview = (query: string) => fetch(`${SITE_URL}/api/preview?${query}`, { redirect: 'manual' });

let api: EditorApi;
const ids: Record<'a' | 'b', string> = { a: '', b: '' };

test.beforeAll(async () => {
  api = await editorApi();
  for (const [key, draft] of [
    ['a', draftA],
    ['b', draftB],
  ] as const) {
    const created = await api.createArticle({
      ...draft,
      excerpt: `An unpublished draft for the preview checks (${key}).`,
      coverAlt: 'No cover: a test draft',
      body: [paragraphs([{ type: 'text', text: `Only the editor of draft ${key} should read this.` }])],
    });
    ids[key] = created.documentId;
  }
});

test.afterAll(async () => {
  for (const id of Object.values(ids)) if (id) await api.remove(id);
});

/** A fresh browser that opened the admin's preview link for draft A. */
const previewingA = async (
  browser: import('@playwright/test').Browser,
): Promise<{ context: BrowserContext; link: string }> => {
  const link = (await api.previewUrl(ids.a))!;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page).toHaveURL(`${SITE_URL}/articles/${draftA.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: draftA.title })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Preview' })).toBeVisible();
  return { context, link };
};

test('the admin preview link carries a short-lived token for one document, never the secret', async () => {
  const link = await api.previewUrl(ids.a);
  expect(link).toBeTruthy();
  const url = new URL(link!);
  expect(url.origin + url.pathname).toBe(`${SITE_URL}/api/preview`);
  expect([...url.searchParams.keys()]).toEqual(['token']);
  expect(link).not.toContain(CMS_ENV.PREVIEW_SECRET);
  const claims = claimsOf(tokenOf(link!));
  expect(claims).toMatchObject({ use: 'link', documentId: ids.a, status: 'draft', path: `/articles/${draftA.slug}` });
  const ttl = (claims.exp as number) - nowSeconds();
  expect(ttl).toBeGreaterThan(540);
  expect(ttl).toBeLessThanOrEqual(600);
});

test('a preview of draft A cannot show draft B (or any other draft) by changing the path', async ({ browser }) => {
  const { context } = await previewingA(browser);
  const page = await context.newPage();
  // Draft B exists only as a draft: with A's session it is a 404, and its text never shows.
  const b = await page.goto(`${SITE_URL}/articles/${draftB.slug}`);
  expect(b?.status()).toBe(404);
  await expect(page.getByText(draftB.title)).toHaveCount(0);
  // A published article shows its published version, without the preview banner.
  const live = await page.goto(`${SITE_URL}/articles/${PUBLISHED.slug}`);
  expect(live?.status()).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: 'Preview' })).toHaveCount(0);
  // A's own page still previews.
  await page.goto(`${SITE_URL}/articles/${draftA.slug}`);
  await expect(page.getByRole('heading', { level: 1, name: draftA.title })).toBeVisible();
  await context.close();
});

test('the link ignores any path in the query and goes only to its own article', async () => {
  const token = tokenOf((await api.previewUrl(ids.a))!);
  for (const path of [`/articles/${draftB.slug}`, '//evil.example/x', 'https://evil.example/']) {
    const res = await preview(`token=${token}&path=${encodeURIComponent(path)}`);
    expect(res.status, path).toBe(307);
    expect(new URL(res.headers.get('location')!, SITE_URL).href).toBe(`${SITE_URL}/articles/${draftA.slug}`);
  }
});

test('tampered, expired, foreign-secret, missing and old ?secret= links get 401 and no preview', async () => {
  const token = tokenOf((await api.previewUrl(ids.a))!);
  const [payload, signature] = token.split('.') as [string, string];
  const claims = claimsOf(token);
  const swapped = Buffer.from(
    JSON.stringify({ ...claims, documentId: ids.b, path: `/articles/${draftB.slug}` }),
  ).toString('base64url');
  const refused: Record<string, string> = {
    'another document under the same signature': `token=${swapped}.${signature}`,
    'a changed signature': `token=${payload}.${signature.slice(0, -2)}AA`,
    'an expired link': `token=${sign({ ...claims, exp: nowSeconds() - 1 })}`,
    'a link signed with another secret': `token=${sign({ ...claims }, 'not-the-site-secret-0123456789')}`,
    'a session token used as a link': `token=${sign({ ...claims, use: 'session' })}`,
    'no token': '',
    'the old shared-secret link': `secret=${encodeURIComponent(CMS_ENV.PREVIEW_SECRET)}&path=/articles/${draftA.slug}`,
  };
  for (const [what, query] of Object.entries(refused)) {
    const res = await preview(query);
    expect(res.status, what).toBe(401);
    expect(res.headers.get('cache-control'), what).toMatch(/no-store/);
    expect(res.headers.get('set-cookie'), what).toBeNull();
    expect(((await res.json()) as { error: string }).error, what).toMatch(/preview link/);
  }
});

test('an expired session cookie, or one signed with a rotated secret, shows no draft', async ({ browser }) => {
  const { context } = await previewingA(browser);
  const page = await context.newPage();
  const session = (await context.cookies(SITE_URL)).find((cookie) => cookie.name === 'nourish_preview')!;
  expect(session.httpOnly).toBe(true);
  const claims = claimsOf(session.value);
  expect(claims).toMatchObject({ use: 'session', documentId: ids.a });
  expect((claims.exp as number) - nowSeconds()).toBeGreaterThan(3000);
  const replace = async (value: string) => context.addCookies([{ ...session, value }]);

  await replace(sign({ ...claims, exp: nowSeconds() - 1 }));
  expect((await page.goto(`${SITE_URL}/articles/${draftA.slug}`))?.status(), 'expired').toBe(404);
  await replace(sign({ ...claims }, 'the-previous-preview-secret-0123'));
  expect((await page.goto(`${SITE_URL}/articles/${draftA.slug}`))?.status(), 'old secret').toBe(404);
  await replace(
    sign({ ...claims, documentId: ids.b, path: `/articles/${draftB.slug}` }, 'the-previous-preview-secret-0123'),
  );
  expect((await page.goto(`${SITE_URL}/articles/${draftB.slug}`))?.status(), 'forged for B').toBe(404);
  await replace(session.value);
  expect((await page.goto(`${SITE_URL}/articles/${draftA.slug}`))?.status(), 'the real session').toBe(200);
  await context.close();
});

test('exit clears both cookies and the draft is gone', async ({ browser }) => {
  const { context } = await previewingA(browser);
  const page = context.pages()[0];
  await page.getByRole('link', { name: 'Exit preview' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Preview' })).toHaveCount(0);
  const names = (await context.cookies(SITE_URL)).map((cookie) => cookie.name);
  expect(names).not.toContain('nourish_preview');
  expect(names).not.toContain('__prerender_bypass');
  expect((await page.goto(`${SITE_URL}/articles/${draftA.slug}`))?.status()).toBe(404);
  await context.close();
});

test("an Author gets no preview link for someone else's draft", async () => {
  const author = await editorApi({ email: CMS_ENV.AUTHOR_EMAIL, password: CMS_ENV.AUTHOR_PASSWORD });
  expect(await author.previewUrl(ids.a)).toBeNull();
  // The editor who may read it does get one.
  expect(await api.previewUrl(ids.a)).toMatch(/\/api\/preview\?token=/);
});

test('neither preview route redirects off the site, whatever the encoding', async () => {
  const token = tokenOf((await api.previewUrl(ids.a))!);
  const hostile = [
    '//evil.example',
    '/\\evil.example',
    '%2F%2Fevil.example',
    '/%5Cevil.example',
    '/%2F%2Fevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'https://evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
  ];
  for (const path of hostile) {
    for (const route of ['/api/preview/exit', `/api/preview?token=${token}&x=1`]) {
      const separator = route.includes('?') ? '&' : '?';
      // Once URL-encoded as a browser would, and once raw (the %-sequences then decode once).
      for (const value of [encodeURIComponent(path), path]) {
        const res = await fetch(`${SITE_URL}${route}${separator}path=${value}`, { redirect: 'manual' });
        expect([302, 303, 307, 308], `${route} ${JSON.stringify(path)}`).toContain(res.status);
        const target = new URL(res.headers.get('location')!, SITE_URL);
        expect(target.origin, `${route} ${JSON.stringify(path)}`).toBe(SITE_URL);
      }
    }
  }
  const home = await fetch(`${SITE_URL}/api/preview/exit?path=${encodeURIComponent('//evil.example')}`, {
    redirect: 'manual',
  });
  expect(new URL(home.headers.get('location')!, SITE_URL).pathname).toBe('/');
  const back = await fetch(`${SITE_URL}/api/preview/exit?path=/articles/${PUBLISHED.slug}`, { redirect: 'manual' });
  expect(new URL(back.headers.get('location')!, SITE_URL).pathname).toBe(`/articles/${PUBLISHED.slug}`);
});

/**
 * The site's two secret-guarded routes: the change notification (`/api/revalidate`) and preview
 * (`/api/preview`, a short-lived token signed for one document). Missing, wrong and tampered
 * credentials are refused the same way whatever their length or prefix, and no path they accept
 * leaves the site, however it is encoded.
 */
import { expect, test } from '@playwright/test';

import { CMS_ENV, site, SITE_URL } from './support';

const REVALIDATE_SECRET = CMS_ENV.REVALIDATE_SECRET;
const notification = { event: 'entry.publish', model: 'article', entry: { slug: 'magnesium-glycinate' } };

test('revalidation refuses missing and wrong secrets alike', async () => {
  const wrong = [
    undefined,
    '',
    'x',
    REVALIDATE_SECRET.slice(0, -1),
    `${REVALIDATE_SECRET}x`,
    REVALIDATE_SECRET.toUpperCase(),
    'a'.repeat(10_000),
  ];
  const answers = new Set<string>();
  for (const secret of wrong) {
    const res = await site('/api/revalidate', {
      method: 'POST',
      body: notification,
      headers: secret === undefined ? {} : { 'x-revalidate-secret': secret },
    });
    expect(res.status, `secret ${JSON.stringify(secret?.slice(0, 20))}`).toBe(401);
    // The same answer for a near miss as for nonsense: nothing tells an attacker they are close.
    answers.add(res.text);
  }
  expect(answers.size).toBe(1);
  const query = await site(`/api/revalidate?secret=${encodeURIComponent(REVALIDATE_SECRET)}`, {
    method: 'POST',
    body: notification,
  });
  expect(query.status, 'the secret is only read from its header').toBe(401);
});

test('revalidation with the right secret refuses bad bodies with a 4xx, never a 500', async () => {
  const headers = { 'x-revalidate-secret': REVALIDATE_SECRET };
  for (const body of [
    'not json',
    '{}',
    '[]',
    JSON.stringify({ model: 'article', entry: { slug: '../../x' } }),
    'x'.repeat(100_000),
  ]) {
    const res = await site('/api/revalidate', {
      method: 'POST',
      body,
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(res.status, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
    expect(res.status, body.slice(0, 40)).toBeLessThan(500);
  }
});

test('preview refuses the old global secret, and missing, tampered or forged tokens', async () => {
  const attempts = [
    '/api/preview',
    `/api/preview?secret=${encodeURIComponent(CMS_ENV.PREVIEW_SECRET)}&path=/articles/magnesium-glycinate`,
    '/api/preview?token=',
    '/api/preview?token=abc.def',
    '/api/preview?token=eyJkIjoieCJ9.AAAA',
    `/api/preview?token=${'a'.repeat(5000)}`,
  ];
  for (const path of attempts) {
    const res = await site(path);
    expect([400, 401], `${path.slice(0, 80)}: ${res.status}`).toContain(res.status);
    expect(res.headers.get('set-cookie') ?? '', 'no draft cookie is set').not.toMatch(/__prerender_bypass=[^;]/);
  }
});

/** Paths that try to leave the site: protocol-relative, backslash, encoded, control characters, absolute. */
const ESCAPES = [
  '//evil.example',
  '/\\evil.example',
  '%2F%2Fevil.example',
  '/%2F/evil.example',
  '/%5Cevil.example',
  '/\t/evil.example',
  '%09//evil.example',
  'https://evil.example',
  '/%0d%0aLocation:%20https://evil.example',
  '\\\\evil.example',
];

test('leaving preview never redirects off the site, however the path is encoded', async () => {
  for (const path of ESCAPES) {
    const res = await site(`/api/preview/exit?path=${path.includes('%') ? path : encodeURIComponent(path)}`);
    expect(res.status, `${path}: ${res.status}`).toBeGreaterThanOrEqual(300);
    expect(res.status).toBeLessThan(400);
    const location = res.headers.get('location') ?? '';
    const target = new URL(location, SITE_URL);
    expect(target.origin, `${path} -> ${location}`).toBe(new URL(SITE_URL).origin);
    expect(location).not.toMatch(/evil/);
  }
});

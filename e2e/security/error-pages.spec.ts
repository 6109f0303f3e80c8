/**
 * Error pages and error bodies leak no stack trace, file path or framework internals, on the site
 * and on the CMS, whatever broke: unknown routes, malformed encodings, bad JSON, oversized input.
 */
import { expect, test } from '@playwright/test';

import { api, CMS_URL, request, site } from './support';

/** Stack frames, file-system paths (ours, CI's, the images'), source positions, stack fields, database internals. */
const LEAKS = [
  /\bat [\w$.<>]+ \(/,
  /node_modules/,
  /(^|[\s"'(])\/(work|home|root|repo|usr|tmp)\//,
  /[A-Z]:\\/,
  /\.(ts|js|mjs|tsx):\d+:\d+/,
  /"stack"\s*:/,
  /\bknex\b|SQLITE_|syntax error at or near|relation "\w+" does not exist/i,
];

const leaksIn = (text: string) => LEAKS.filter((pattern) => pattern.test(text)).map(String);

test('the site answers broken requests with a plain error page', async () => {
  const failures: string[] = [];
  const paths = [
    '/no-such-page',
    '/articles/Not_A_Slug!',
    '/articles/%E0%A4%A',
    '/articles/%00',
    `/articles/${'a'.repeat(3000)}`,
    '/topics/sleep?page=abc',
    '/topics/sleep/page/abc',
    '/topics/sleep/page/99999',
    '/authors/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/_next/image?url=/etc/passwd&w=64&q=75',
    '/_next/image?url=https://evil.example/x.png&w=64&q=75',
    '/_next/static/../../server/app/page.js',
    '/api/revalidate',
    '/search?q=%',
  ];
  for (const path of paths) {
    const res = await site(path);
    if (res.status >= 500) failures.push(`${path}: ${res.status}`);
    const leaks = leaksIn(res.text);
    if (leaks.length > 0) failures.push(`${path} leaks ${leaks.join(' ')}`);
  }
  expect(failures).toEqual([]);
});

test('the CMS answers broken requests with a short JSON error', async () => {
  const failures: string[] = [];
  const probes: Array<[string, { method?: string; body?: string; headers?: Record<string, string> }]> = [
    ['/api/no-such-route', {}],
    ['/api/articles/%E0%A4%A', {}],
    ['/api/articles?filters[title][$eq][$in]=x', {}],
    ['/api/articles?sort=nope:sideways', {}],
    ['/api/articles?fields[0]=nope', {}],
    ['/api/articles?pagination[page]=1e309', {}],
    ['/api/search?q=%27%22%3B--', {}],
    ['/api/articles', { method: 'POST', body: '{"data":', headers: { 'content-type': 'application/json' } }],
    ['/admin/login', { method: 'POST', body: '{"email":', headers: { 'content-type': 'application/json' } }],
    ['/admin/login', { method: 'POST', body: JSON.stringify({ email: 'x'.repeat(100_000), password: 'y' }) }],
    ['/uploads/../../package.json', {}],
    ['/uploads/%2e%2e/%2e%2e/package.json', {}],
  ];
  for (const [path, options] of probes) {
    const res = await request(`${CMS_URL}${path}`, options);
    if (res.status >= 500) failures.push(`${path}: ${res.status}`);
    const leaks = leaksIn(res.text);
    if (leaks.length > 0) failures.push(`${path} leaks ${leaks.join(' ')}: ${res.text.slice(0, 200)}`);
    if (res.text.includes('"name":') && res.text.includes('"version":'))
      failures.push(`${path} serves a package manifest`);
  }
  expect(failures).toEqual([]);
});

test('a refused API query says why in one short message', async () => {
  const res = await api('/articles?filters[title][$nope]=x');
  expect(res.status).toBe(400);
  const error = (res.json as { error: { message: string; details?: unknown } }).error;
  expect(error.message.length).toBeLessThan(500);
  expect(leaksIn(JSON.stringify(error))).toEqual([]);
});

/**
 * Cache poisoning: headers an attacker controls (`X-Forwarded-Host`, `X-Original-URL`,
 * `X-Rewrite-URL`, `x-middleware-subrequest`), unkeyed query parameters and cookies must not change
 * what the next reader of the same URL gets, nor route around a check.
 */
import { expect, test } from '@playwright/test';

import { site, SITE_URL } from './support';

const EVIL = 'evil.example';
const PAGES = [
  '/',
  '/articles/magnesium-glycinate',
  '/topics/sleep',
  '/authors/amara-okafor',
  '/feed.xml',
  '/sitemap.xml',
  '/robots.txt',
];

const POISONS: Array<Record<string, string>> = [
  { 'x-forwarded-host': EVIL },
  { 'x-forwarded-host': EVIL, 'x-forwarded-proto': 'http', 'x-forwarded-port': '8443' },
  { 'x-host': EVIL, 'x-forwarded-server': EVIL },
  { forwarded: `host=${EVIL};proto=https` },
  { 'x-original-url': '/api/preview/exit?path=//evil.example' },
  { 'x-rewrite-url': '/no-such-page' },
  { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
  { 'x-middleware-subrequest': 'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware' },
  { 'x-invoke-path': '/no-such-page', 'x-invoke-query': '%7B%7D' },
  { 'x-now-route-matches': '1=evil', rsc: '1', 'next-router-state-tree': '%5B%22%22%5D' },
  { cookie: `__prerender_bypass=forged; __next_preview_data=forged; NEXT_LOCALE=evil` },
];

/** The HTML without script contents. */
const markup = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '<script></script>');

/** A page's identity for a reader: canonical and OpenGraph URLs, and every absolute URL it names. */
const identity = (html: string) => ({
  canonical: /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? null,
  ogUrl: /<meta property="og:url" content="([^"]+)"/.exec(html)?.[1] ?? null,
  evil: html.includes(EVIL),
});

test('attacker headers change nothing a later reader gets', async () => {
  const failures: string[] = [];
  for (const path of PAGES) {
    const clean = await site(path);
    expect(clean.status, path).toBe(200);
    for (const headers of POISONS) {
      const poisoned = await site(path, { headers });
      const label = `${path} with ${Object.keys(headers).join('+')}`;
      if (poisoned.status >= 500) failures.push(`${label}: ${poisoned.status}`);
      if (poisoned.text.includes(EVIL)) failures.push(`${label}: the attacker's host is in the answer`);
      if ((poisoned.headers.get('location') ?? '').includes(EVIL)) failures.push(`${label}: redirects to the attacker`);
      if (/__prerender_bypass=[^;]/.test(poisoned.headers.get('set-cookie') ?? ''))
        failures.push(`${label}: sets a draft cookie`);
      const after = await site(path);
      if (after.status !== clean.status) failures.push(`${label}: the next reader got ${after.status}`);
      if (JSON.stringify(identity(after.text)) !== JSON.stringify(identity(clean.text)))
        failures.push(`${label}: the next reader's page changed`);
    }
  }
  expect(failures).toEqual([]);
});

test('unkeyed query parameters are neither reflected nor cached for others', async () => {
  const marker = `zqpoison${Date.now().toString(36)}`;
  for (const path of ['/', '/articles/magnesium-glycinate', '/topics/sleep']) {
    const probe = await site(
      `${path}${path.includes('?') ? '&' : '?'}utm_source=${marker}&${marker}=1&fbclid=${marker}`,
    );
    expect(probe.status, path).toBe(200);
    // Next's own flight data echoes the request's query as escaped JSON inside a script; the markup
    // (links, canonical, text) must not, and the next reader must not see it at all.
    expect(markup(probe.text), `${path} reflects an unknown parameter in its markup`).not.toContain(marker);
    const canonical = identity(probe.text).canonical;
    if (canonical) expect(new URL(canonical).search, `${path}: canonical keeps no tracking parameter`).toBe('');
    const after = await site(path);
    expect(after.text).not.toContain(marker);
  }
});

test('a forged draft-mode cookie shows no draft and the page stays public', async () => {
  const res = await site('/articles/magnesium-glycinate', { headers: { cookie: '__prerender_bypass=forged' } });
  expect(res.status).toBe(200);
  expect(res.text).not.toMatch(/Preview mode|You are viewing a draft/i);
  const canonical = identity(res.text).canonical;
  expect(canonical === null || canonical.startsWith(SITE_URL) || !canonical.includes(EVIL)).toBe(true);
});

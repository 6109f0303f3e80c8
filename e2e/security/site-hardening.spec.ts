/**
 * The site's own defences, checked in a real Chromium and against the real `next start`: a CSP
 * that every page type satisfies (no violations), the other security headers, HSTS only over
 * https, listing pages past their last page answered 404, and a production server that will not
 * start with example or short secrets.
 */
import path from 'node:path';

import { exitWithin, inheritedEnv, spawnService } from '@nourish/test-support';
import { expect, test } from '@playwright/test';

import { CMS_ENV, CMS_URL, ROOT, SITE_PORT, SITE_URL } from '../fixtures/env';

const PAGES = [
  '/',
  '/articles/magnesium-glycinate',
  '/topics/sleep',
  '/authors/amara-okafor',
  '/search?q=sleep',
  '/this-page-does-not-exist',
];

test.describe('Content-Security-Policy', () => {
  test('the policy fixes every source list that matters', async () => {
    const csp = (await fetch(`${SITE_URL}/`)).headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'self'", new URL(CMS_URL).origin]);
    expect(directives.get('img-src')?.slice(0, 3)).toEqual(["'self'", 'data:', 'blob:']);
  });

  for (const pagePath of PAGES) {
    test(`${pagePath} loads with no CSP violation`, async ({ page }) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await page.goto(pagePath);
      // Scroll so lazy images load too, then let the client router prefetch what it wants.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      expect(violations).toEqual([]);
      // Hydration ran: the App Router's inline flight scripts were allowed.
      expect(await page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown[] }).__next_f))).toBe(
        true,
      );
    });
  }
});

test('security headers on pages and static files', async () => {
  const page = await fetch(`${SITE_URL}/articles/magnesium-glycinate`);
  const html = await page.text();
  const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
  expect(asset).toBeTruthy();
  for (const res of [page, await fetch(`${SITE_URL}${asset}`), await fetch(`${SITE_URL}/robots.txt`)]) {
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
  }
});

test('HSTS only when the site is reached over https', async () => {
  // The e2e site's SITE_URL is plain http: no HSTS, unless the proxy in front says the request was https.
  expect((await fetch(`${SITE_URL}/`)).headers.get('strict-transport-security')).toBeNull();
  const overHttps = await fetch(`${SITE_URL}/`, { headers: { 'x-forwarded-proto': 'https' } });
  expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
});

test.describe('listing pages past the last page', () => {
  for (const listing of ['/topics/sleep', '/authors/amara-okafor']) {
    test(`${listing}/page/9999 is a 404, and page 1 still works`, async () => {
      expect((await fetch(`${SITE_URL}${listing}/page/9999`)).status).toBe(404);
      expect((await fetch(`${SITE_URL}${listing}/page/2000`)).status).toBe(404);
      expect((await fetch(`${SITE_URL}${listing}`)).status).toBe(200);
    });
  }
});

/** Runs the site's server (apps/web/server.mjs) like production and returns how it ended, or 'running' if it still serves after the wait. */
const startSite = async (
  env: Record<string, string>,
  port: number,
): Promise<{ code: number | null; output: string } | 'running'> => {
  const site = spawnService({
    command: [process.execPath, path.join(ROOT, 'apps/web/server.mjs'), '-p', String(port), '-H', '127.0.0.1'],
    cwd: path.join(ROOT, 'apps/web'),
    // ALLOW_EXAMPLE_SECRETS: a local apps/web/.env from the demo may opt out; the environment wins over it.
    env: {
      ...inheritedEnv(['PATH', 'HOME']),
      NODE_ENV: 'production',
      STRAPI_URL: CMS_URL,
      SITE_URL,
      ALLOW_EXAMPLE_SECRETS: 'false',
      ...env,
    },
    keepChars: Number.POSITIVE_INFINITY,
  });
  const code = await exitWithin(site, 45_000);
  return code === 'running' ? 'running' : { code, output: site.output() };
};

test.describe('production secrets', () => {
  const strong = {
    STRAPI_API_TOKEN: CMS_ENV.SITE_API_TOKEN,
    PREVIEW_SECRET: CMS_ENV.PREVIEW_SECRET,
    REVALIDATE_SECRET: CMS_ENV.REVALIDATE_SECRET,
  };
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['an example secret', { ...strong, PREVIEW_SECRET: 'local-change-me-preview-secret' }, /secrets: PREVIEW_SECRET\./],
    ['a short secret', { ...strong, REVALIDATE_SECRET: 'short-secret' }, /secrets: REVALIDATE_SECRET\./],
    [
      'a missing token',
      { PREVIEW_SECRET: strong.PREVIEW_SECRET, REVALIDATE_SECRET: strong.REVALIDATE_SECRET },
      /secrets: STRAPI_API_TOKEN\./,
    ],
  ];
  for (const [what, env, named] of cases) {
    test(`the site's server refuses to run with ${what}`, async () => {
      test.setTimeout(60_000);
      const result = await startSite(env, SITE_PORT + 1);
      expect(result, 'the server exited instead of serving').not.toBe('running');
      if (result === 'running') return;
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/Refusing to start in production with missing, short or example secrets/);
      expect(result.output).toMatch(named);
    });
  }
});

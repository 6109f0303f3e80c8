/**
 * Response headers on every page type: the site's CSP fixes the directives that matter (scripts
 * from the site only, no plugins, no base or form hijack, framing only by the admin) with the usual
 * hardening headers; the CMS sends its own set. The policy's exact source lists, violations in a
 * real browser and HSTS are in site-hardening.spec.ts.
 */
import { expect, test } from '@playwright/test';

import { api, CMS_URL, request, site } from './support';

/** Parses `a b; c d` into { a: ['b'], c: ['d'] }. */
const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  ) as Record<string, string[]>;

const PAGES = [
  '/',
  '/articles/magnesium-glycinate',
  '/topics/sleep',
  '/authors/amara-okafor',
  '/search?q=magnesium',
  '/no-such-page',
];

test('every page type sends a CSP that pins scripts, plugins, base, forms and framing', async () => {
  for (const path of PAGES) {
    const res = await site(path);
    const csp = res.headers.get('content-security-policy') ?? '';
    const d = directives(csp);
    expect(d['default-src'], `${path}: default-src in ${csp}`).toEqual(["'self'"]);
    expect(d['object-src'], path).toEqual(["'none'"]);
    expect(d['base-uri'], path).toEqual(["'self'"]);
    expect(d['form-action'], path).toEqual(["'self'"]);
    expect(d['frame-ancestors']?.[0], path).toBe("'self'");
    // Scripts only from the site itself (Next's inline flight data needs 'unsafe-inline': docs/security.md).
    const scripts = d['script-src'] ?? d['default-src'] ?? [];
    for (const source of scripts)
      expect(["'self'", "'unsafe-inline'"], `${path}: script source ${source}`).toContain(source);
    expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-powered-by'), path).toBeNull();
  }
});

test('the CMS API and admin send hardening headers and hide their stack', async () => {
  const res = await api('/articles?fields[0]=slug');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options') ?? res.headers.get('content-security-policy')).toBeTruthy();
  expect(res.headers.get('x-powered-by')).toBeNull();
  const admin = await request(`${CMS_URL}/admin/auth/login`);
  expect(admin.headers.get('content-security-policy') ?? '').toMatch(/frame-ancestors|default-src/);
});

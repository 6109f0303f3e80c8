/**
 * Roles: the public (and the site's read token) write nothing, list no users, roles, uploads or
 * admins, and cannot sign up; an Author in the admin cannot reach what only editors may.
 */
import { expect, test } from '@playwright/test';

import { adminSession, api, CMS_URL, documentIdOf, request, SITE_TOKEN } from './support';

test('the public and the site token cannot write anything', async () => {
  const article = await documentIdOf('articles', 'magnesium-glycinate');
  const author = (await api('/authors?fields[0]=slug&pagination[pageSize]=1', { siteHeader: true })).json as {
    data: Array<{ documentId: string }>;
  };
  const topic = await documentIdOf('topics', 'sleep');
  const writes: Array<[string, string, unknown]> = [
    ['POST', '/articles', { data: { title: 'x', slug: 'x', excerpt: 'x', coverAlt: 'x' } }],
    ['PUT', `/articles/${article}`, { data: { title: 'hacked' } }],
    ['DELETE', `/articles/${article}`, undefined],
    ['POST', '/authors', { data: { name: 'x', slug: 'x' } }],
    ['PUT', `/authors/${author.data[0].documentId}`, { data: { name: 'hacked' } }],
    ['DELETE', `/authors/${author.data[0].documentId}`, undefined],
    ['POST', '/topics', { data: { name: 'x', slug: 'x' } }],
    ['PUT', `/topics/${topic}`, { data: { name: 'hacked' } }],
    ['DELETE', `/topics/${topic}`, undefined],
    ['PUT', '/site-setting', { data: { siteName: 'hacked' } }],
    ['DELETE', '/site-setting', undefined],
    ['PUT', '/home-page', { data: {} }],
    ['DELETE', '/home-page', undefined],
    ['POST', '/redirects', { data: { from: '/a', to: 'https://evil.example' } }],
    ['POST', '/upload', {}],
    [
      'POST',
      '/auth/local/register',
      { username: 'mallory', email: 'mallory@example.org', password: 'Passw0rd!Passw0rd' },
    ],
    ['POST', '/auth/forgot-password', { email: 'admin@nourish.local' }],
    ['POST', '/users', { username: 'm', email: 'm@example.org', password: 'Passw0rd!Passw0rd' }],
  ];
  const failures: string[] = [];
  for (const bearer of [undefined, SITE_TOKEN]) {
    for (const [method, path, body] of writes) {
      const res = await api(path, { method, body, bearer });
      // 401/403 for refused actions; 404/405 where the route does not exist at all. Never 2xx or 5xx.
      if (![401, 403, 404, 405].includes(res.status))
        failures.push(`${bearer ? 'site token' : 'public'} ${method} ${path}: ${res.status}`);
    }
  }
  expect(failures).toEqual([]);
  const still = await api('/articles?filters[slug][$eq]=magnesium-glycinate&fields[0]=title');
  expect(still.text).not.toContain('hacked');
});

test('the public lists no users, roles, uploads, permissions or tokens', async () => {
  const failures: string[] = [];
  for (const path of [
    '/users',
    '/users/1',
    '/users/me',
    '/users/count',
    '/users-permissions/roles',
    '/users-permissions/permissions',
    '/upload/files',
    '/upload/files/1',
    '/i18n/locales',
  ]) {
    for (const bearer of [undefined, SITE_TOKEN]) {
      const res = await api(path, { bearer });
      if (![401, 403, 404].includes(res.status))
        failures.push(`${bearer ? 'site token' : 'public'} GET ${path}: ${res.status}`);
    }
  }
  expect(failures).toEqual([]);
});

test('admin routes need an admin session; an Author cannot manage users, roles, tokens or settings', async () => {
  const failures: string[] = [];
  const adminOnly = [
    '/admin/users',
    '/admin/roles',
    '/admin/api-tokens',
    '/admin/webhooks',
    '/admin/transfer/tokens',
    '/users-permissions/roles',
    '/upload/settings',
  ];
  for (const path of adminOnly) {
    const anonymous = await request(`${CMS_URL}${path}`);
    if (anonymous.status !== 401) failures.push(`anonymous GET ${path}: ${anonymous.status}`);
    const siteToken = await request(`${CMS_URL}${path}`, { bearer: SITE_TOKEN });
    if (siteToken.status !== 401) failures.push(`site token GET ${path}: ${siteToken.status}`);
  }
  const author = await adminSession('author');
  for (const path of adminOnly) {
    const res = await author.call('GET', path);
    if (![401, 403].includes(res.status)) failures.push(`Author GET ${path}: ${res.status}`);
  }
  const createAdmin = await author.call('POST', '/admin/users', { email: 'x@example.org', firstname: 'x', roles: [1] });
  if (![401, 403].includes(createAdmin.status)) failures.push(`Author POST /admin/users: ${createAdmin.status}`);
  expect(failures).toEqual([]);
});

/**
 * Private fields (password hashes, admin users, tokens, private attributes and internal planning
 * fields) never come out through fields, populate or sort, and cannot be used as an oracle through
 * filters: a filter on a private field is refused or ignored, never answered differently by value.
 */
import { expect, test } from '@playwright/test';

import { api, privateLeaks } from './support';

const COLLECTIONS = ['/articles', '/authors', '/topics', '/redirects'];
const SINGLES = ['/home-page', '/site-setting'];
const PRIVATE_PATHS = [
  'createdBy',
  'updatedBy',
  'createdBy.password',
  'createdBy.email',
  'updatedBy.resetPasswordToken',
  'scheduledPublishAt',
  'scheduledUnpublishAt',
  'recommended.targetDocumentId',
  'alsoLikePinned.targetDocumentId',
  'author.createdBy.email',
  'cover.createdBy.password',
];

/** `a.b.c` -> `populate[a][populate][b][fields][0]=c` and friends, for each way of asking. */
const asks = (path: string): string[] => {
  const parts = path.split('.');
  const last = parts.at(-1)!;
  const nested = parts
    .slice(0, -1)
    .reduce((acc, part, i) => `${acc}${i === 0 ? `populate[${part}]` : `[populate][${part}]`}`, '');
  const filterKey = parts.map((p) => `[${p}]`).join('');
  return [
    `fields[0]=${last}`,
    parts.length > 1 ? `${nested}[fields][0]=${last}` : `populate[${last}]=true`,
    `populate=${path}`,
    `sort=${path}:asc`,
    `filters${filterKey}[$notNull]=true`,
    `filters${filterKey}[$startsWith]=a`,
  ];
};

test('no way of asking for a private field answers it', async () => {
  const failures: string[] = [];
  for (const route of [...COLLECTIONS, ...SINGLES]) {
    for (const path of PRIVATE_PATHS) {
      for (const query of asks(path)) {
        const url = `${route}?${query}`;
        const res = await api(url, { siteHeader: true });
        if (res.status >= 500) failures.push(`${url}: ${res.status}`);
        const leaks = privateLeaks(res.text);
        if (leaks.length > 0) failures.push(`${url} leaked ${leaks.join(', ')}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test('a filter on a private field is no oracle: refused, or the same answer whatever the value', async () => {
  const failures: string[] = [];
  for (const route of COLLECTIONS) {
    const baseline = await api(`${route}?fields[0]=documentId&pagination[pageSize]=100`, { siteHeader: true });
    expect(baseline.status).toBe(200);
    for (const [key, a, b] of [
      ['filters[createdBy][email][$startsWith]', 'admin', 'zzzz-no-such-admin'],
      ['filters[createdBy][password][$startsWith]', '$2a', 'zzzz'],
      ['filters[updatedBy][id][$eq]', '1', '999999'],
      ['filters[scheduledPublishAt][$null]', 'true', 'false'],
      ['filters[recommended][targetDocumentId][$null]', 'true', 'false'],
    ] as const) {
      const first = await api(`${route}?${key}=${a}&fields[0]=documentId&pagination[pageSize]=100`, {
        siteHeader: true,
      });
      const second = await api(`${route}?${key}=${b}&fields[0]=documentId&pagination[pageSize]=100`, {
        siteHeader: true,
      });
      if (first.status >= 500 || second.status >= 500)
        failures.push(`${route} ${key}: ${first.status}/${second.status}`);
      const refused = first.status >= 400 && second.status >= 400;
      const ignored = first.status === 200 && second.status === 200 && first.text === second.text;
      if (!refused && !ignored)
        failures.push(`${route} ${key} answers differently for ${a} and ${b} (${first.status}/${second.status})`);
    }
  }
  expect(failures).toEqual([]);
});

test('the public API names no admin user and no upload internals', async () => {
  for (const url of [
    '/articles?populate[cover]=true&pagination[pageSize]=100',
    '/authors?populate[avatar]=true&pagination[pageSize]=100',
    '/articles/magnesium-glycinate/related',
    '/articles/by-slug/magnesium-glycinate',
    '/search?q=magnesium',
    '/sitemap/articles/1',
  ]) {
    const res = await api(url, { siteHeader: true });
    expect(res.status, `${url}: ${res.text.slice(0, 200)}`).toBe(200);
    expect(privateLeaks(res.text), url).toEqual([]);
  }
});

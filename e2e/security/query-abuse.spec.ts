/**
 * Query abuse: deep or too-wide populate, huge page sizes, long search input, bad operators and
 * far offsets get a clear 4xx JSON error at once (never a 500, a hang, or a huge body), while every
 * query the site itself sends still answers 200.
 */
import { expect, test } from '@playwright/test';

import {
  ALSO_LIKE_LIMIT,
  articleBySlugQuery,
  articleListQuery,
  articlePagePath,
  articleSitemapPath,
  authorBySlugQuery,
  homePageQuery,
  siteSettingsQuery,
  stringifyQuery,
  topicBySlugQuery,
  type StrapiQuery,
} from '@nourish/content';

import { api } from './support';

/** A hang detector, not a speed target: a refusal must not do the work it refuses. */
const PROMPT_MS = 5_000;

const deep = (levels: number) => `populate${'[populate][author][populate][articles]'.repeat(levels)}=true`;

const ABUSE: Array<[url: string, why: string]> = [
  ['/topics?populate=*', 'a wildcard reaching every article of a topic'],
  ['/topics?populate[articles]=true', 'a to-many relation with thousands of rows'],
  ['/authors?populate[articles][populate]=*', 'an author with all their articles'],
  ['/authors?populate[reviewedArticles]=true', 'every reviewed article'],
  ['/articles?populate=*', 'a wildcard on articles'],
  [`/articles?${deep(6)}`, 'populate 12 levels deep'],
  [
    '/articles?populate[author][populate][articles][populate][topics][populate][articles]=true',
    'a loop back into articles',
  ],
  ['/articles?populate[cover][filters][name][$contains]=a', 'filters inside a populate'],
  ['/articles?populate[topics][sort]=name:desc&populate[topics][limit]=1000', 'pagination inside a populate'],
  ['/articles?pagination[pageSize]=100000', 'a huge page size'],
  ['/articles?pagination[limit]=-1', 'an unlimited limit'],
  ['/articles?pagination[pageSize]=1e3', 'a page size in exponent form'],
  [`/articles?_q=${'a'.repeat(5000)}`, 'a 5,000-character _q'],
  [`/articles?filters[title][$containsi]=${'b'.repeat(5000)}`, 'a 5,000-character filter operand'],
  ['/articles?filters[title][$regexp]=.*', 'an unknown operator'],
  ['/articles?filters[title][$nope]=x', 'a made-up operator'],
  [`/search?q=${'c'.repeat(5000)}`, 'a 5,000-character search'],
  ['/search?q=magnesium&page=100000', 'a search offset far past any reader'],
  ['/search?q=magnesium&pageSize=1000', 'a huge search page'],
  ['/search?q=magnesium&page=-1', 'a negative search page'],
  ['/articles/magnesium-glycinate/related?limit=100000', 'a huge rail'],
  ['/sitemap/articles/999999999999', 'a sitemap page past the end'],
  ['/sitemap/articles/abc', 'a sitemap page that is no number'],
];

test('abusive queries get a clear 4xx JSON error, promptly', async () => {
  const failures: string[] = [];
  for (const [url, why] of ABUSE) {
    const res = await api(url, { siteHeader: true });
    const message = (res.json as { error?: { message?: unknown } } | null)?.error?.message;
    if (res.status < 400 || res.status >= 500) failures.push(`${why} (${url.slice(0, 120)}): ${res.status}`);
    else if (typeof message !== 'string' || message.length === 0) failures.push(`${why}: no JSON error message`);
    if (res.ms > PROMPT_MS) failures.push(`${why}: took ${Math.round(res.ms)} ms`);
    if (res.text.length > 10_000) failures.push(`${why}: ${res.text.length} bytes of error`);
  }
  expect(failures).toEqual([]);
});

test('a refused populate names what is allowed', async () => {
  const res = await api('/topics?populate[articles][fields][0]=title', { siteHeader: true });
  expect(res.status).toBe(400);
  expect((res.json as { error: { message: string } }).error.message).toMatch(/articles/);
});

test('the queries the site sends still answer 200', async () => {
  // Built by the contract package itself, so this follows the site's real queries as they change.
  const q = (path: string, query: StrapiQuery) => `${path}?${stringifyQuery(query)}`;
  const siteQueries = [
    q('/articles', articleBySlugQuery('magnesium-glycinate')),
    q('/articles', articleListQuery({}, 1, 12)),
    q('/articles', articleListQuery({ topicSlug: 'sleep' }, 2, 12)),
    q('/articles', articleListQuery({ authorSlug: 'amara-okafor' }, 1, 12)),
    q('/authors', authorBySlugQuery('amara-okafor')),
    q('/topics', topicBySlugQuery('sleep')),
    q('/home-page', homePageQuery),
    q('/site-setting', siteSettingsQuery),
    '/redirects?filters[from][$eq]=/articles/old&fields[0]=from&fields[1]=to&fields[2]=permanent&pagination[page]=1&pagination[pageSize]=1',
    '/search?q=magnesium&page=1&pageSize=10',
    `/articles/magnesium-glycinate/related?limit=${ALSO_LIKE_LIMIT}`,
    articlePagePath('magnesium-glycinate'),
    articleSitemapPath(),
    articleSitemapPath(1),
  ];
  const failures: string[] = [];
  for (const url of siteQueries) {
    const res = await api(url, { siteHeader: true });
    if (res.status !== 200) failures.push(`${url}: ${res.status} ${res.text.slice(0, 200)}`);
  }
  expect(failures).toEqual([]);
});

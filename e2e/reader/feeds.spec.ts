import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { site, SITE_URL, STRAPI_URL } from './support';

const SITEMAP_XSD = path.join(__dirname, '..', 'fixtures', 'sitemap.xsd');
const SITEMAP_INDEX_XSD = path.join(__dirname, '..', 'fixtures', 'sitemap-index.xsd');
const FEED_SIZE = 50;

type Row = { slug: string; title: string; firstPublishedAt: string | null };
type List = { data: Row[]; meta: { pagination: { total: number; pageCount: number } } };

/** Every published entry of a collection, from the public REST API (all pages). */
async function cmsList(collection: 'articles' | 'topics' | 'authors', query = ''): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page += 1) {
    const response = await fetch(
      `${STRAPI_URL}/api/${collection}?fields[0]=slug&pagination[pageSize]=100&pagination[page]=${page}${query}`,
    );
    expect(response.status, `CMS ${collection}`).toBe(200);
    const list = (await response.json()) as List;
    rows.push(...list.data);
    if (page >= list.meta.pagination.pageCount) return rows;
  }
}

/** Fetches a site document, checks it is a 200 of the expected type and saves it for xmllint. */
async function download(
  request: APIRequestContext,
  urlPath: string,
  type: RegExp,
): Promise<{ text: string; file: string }> {
  const response = await request.get(site(urlPath));
  expect(response.status(), `GET ${urlPath}`).toBe(200);
  expect(response.headers()['content-type'], `${urlPath} content type`).toMatch(type);
  const text = await response.text();
  const file = test.info().outputPath(path.basename(urlPath));
  fs.writeFileSync(file, text);
  return { text, file };
}

/** Runs xmllint (Debian's libxml2-utils) and fails with its own message. */
function xmllint(args: string[]): void {
  const run = spawnSync('xmllint', ['--noout', '--nonet', ...args], { encoding: 'utf8' });
  expect(run.error, 'xmllint is installed').toBeUndefined();
  expect(run.status, `xmllint ${args.join(' ')}\n${run.stderr}`).toBe(0);
}

const onSite = (url: string): boolean => {
  try {
    return new URL(url).origin === SITE_URL;
  } catch {
    return false;
  }
};

type SitemapNode = { root: string; items: Array<{ loc: string; lastmod: string | null }> };

/** Parses a sitemaps.org document with the browser's own XML parser (a parse error fails the test). */
const parseSitemap = (page: Page, source: string, item: 'url' | 'sitemap'): Promise<SitemapNode> =>
  page.evaluate(
    ([text, tag]) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      if (error) throw new Error(`not well-formed: ${error.textContent}`);
      const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';
      if (doc.documentElement.namespaceURI !== ns) throw new Error('not in the sitemaps.org namespace');
      return {
        root: doc.documentElement.localName,
        items: [...doc.getElementsByTagNameNS(ns, tag)].map((node) => ({
          loc: node.getElementsByTagNameNS(ns, 'loc')[0]?.textContent?.trim() ?? '',
          lastmod: node.getElementsByTagNameNS(ns, 'lastmod')[0]?.textContent?.trim() ?? null,
        })),
      };
    },
    [source, item] as const,
  );

test('sitemap.xml is a valid sitemaps.org 0.9 index whose files list every published article, topic and author', async ({
  page,
  request,
}) => {
  const index = await download(request, '/sitemap.xml', /xml/);
  xmllint(['--schema', SITEMAP_INDEX_XSD, index.file]);
  const files = await parseSitemap(page, index.text, 'sitemap');
  expect(files.root).toBe('sitemapindex');
  expect(files.items.length, 'the listings file and at least one article file').toBeGreaterThanOrEqual(2);

  const entries: SitemapNode['items'] = [];
  for (const { loc } of files.items) {
    expect(onSite(loc), `${loc} is absolute on ${SITE_URL}`).toBe(true);
    const { text, file } = await download(request, new URL(loc).pathname, /xml/);
    xmllint(['--schema', SITEMAP_XSD, file]);
    const urlset = await parseSitemap(page, text, 'url');
    expect(urlset.root, `${loc} is a urlset`).toBe('urlset');
    entries.push(...urlset.items);
  }
  expect((await request.get(site('/sitemaps/articles-9999.xml'))).status(), 'a file past the last is a 404').toBe(404);
  expect((await request.get(site('/sitemaps/everything.xml'))).status(), 'an unknown file is a 404').toBe(404);

  const locs = entries.map((entry) => entry.loc);
  expect(locs.length).toBeGreaterThan(0);
  expect(new Set(locs).size, 'no URL listed twice').toBe(locs.length);
  for (const loc of locs) expect(onSite(loc), `${loc} is absolute on ${SITE_URL}`).toBe(true);

  const [articles, topics, authors] = await Promise.all([cmsList('articles'), cmsList('topics'), cmsList('authors')]);
  expect(articles.length).toBeGreaterThan(0);
  const expected = [
    site('/'),
    ...articles.map((a) => site(`/articles/${a.slug}`)),
    ...topics.map((t) => site(`/topics/${t.slug}`)),
    ...authors.map((a) => site(`/authors/${a.slug}`)),
  ];
  for (const url of expected) expect(locs, `sitemap lists ${url}`).toContain(url);

  // Nothing unpublished or deleted: every article URL is a published article.
  const published = new Set(articles.map((a) => site(`/articles/${a.slug}`)));
  const listedArticles = locs.filter((loc) => new URL(loc).pathname.startsWith('/articles/'));
  for (const loc of listedArticles) expect(published.has(loc), `${loc} is a published article`).toBe(true);
  expect(listedArticles.length).toBe(articles.length);

  const now = Date.now();
  for (const { loc, lastmod } of entries) {
    if (lastmod === null) continue;
    const time = Date.parse(lastmod);
    expect(Number.isNaN(time), `${loc} lastmod ${lastmod}`).toBe(false);
    expect(time, `${loc} lastmod is not in the future`).toBeLessThanOrEqual(now + 60_000);
  }
});

type FeedItem = { title: string; link: string; guid: string; guidIsPermaLink: string | null; pubDate: string };
type Feed = {
  version: string | null;
  channels: number;
  title: string;
  link: string;
  description: string;
  items: FeedItem[];
};

test('feed.xml is well-formed RSS 2.0 with the newest published articles first', async ({ page, request }) => {
  const { text, file } = await download(request, '/feed.xml', /^application\/(rss\+)?xml/);
  xmllint([file]);

  const feed: Feed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    if (error) throw new Error(`feed.xml is not well-formed: ${error.textContent}`);
    const rss = doc.documentElement;
    const children = (el: Element | undefined, name: string) =>
      [...(el?.children ?? [])].filter((c) => c.localName === name && !c.namespaceURI);
    const textOf = (el: Element | undefined, name: string) => children(el, name)[0]?.textContent?.trim() ?? '';
    const channels = rss.localName === 'rss' ? children(rss, 'channel') : [];
    const channel = channels[0];
    return {
      version: rss.localName === 'rss' ? rss.getAttribute('version') : null,
      channels: channels.length,
      title: textOf(channel, 'title'),
      link: textOf(channel, 'link'),
      description: textOf(channel, 'description'),
      items: children(channel, 'item').map((item) => ({
        title: textOf(item, 'title'),
        link: textOf(item, 'link'),
        guid: textOf(item, 'guid'),
        guidIsPermaLink: children(item, 'guid')[0]?.getAttribute('isPermaLink') ?? null,
        pubDate: textOf(item, 'pubDate'),
      })),
    };
  }, text);
  expect(feed.version, 'an <rss version="2.0"> root').toBe('2.0');
  expect(feed.channels).toBe(1);
  expect(feed.title, 'channel title').not.toBe('');
  expect(feed.description, 'channel description').not.toBe('');
  expect(onSite(feed.link), `channel link ${feed.link}`).toBe(true);

  // The CMS's published articles, newest first by their public date (ties by title, as the site sorts).
  const newest = await cmsList(
    'articles',
    '&fields[1]=title&fields[2]=firstPublishedAt&sort[0]=firstPublishedAt:desc&sort[1]=title:asc',
  );
  expect(newest.length).toBeGreaterThan(0);
  expect(feed.items.length, 'at most 50 items').toBeLessThanOrEqual(FEED_SIZE);
  expect(feed.items.length, 'as many items as there are published articles, up to 50').toBe(
    Math.min(FEED_SIZE, newest.length),
  );

  let previous = Number.POSITIVE_INFINITY;
  for (const item of feed.items) {
    expect(item.title, 'item title').not.toBe('');
    expect(onSite(item.link), `item link ${item.link}`).toBe(true);
    expect(new URL(item.link).pathname).toMatch(/^\/articles\/[a-z0-9-]+$/);
    expect(item.guid, 'guid').not.toBe('');
    if (item.guidIsPermaLink !== 'false') expect(item.guid, 'a permalink guid is the item URL').toBe(item.link);
    expect(item.pubDate, 'RFC 822 pubDate').toMatch(
      /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/,
    );
    const time = Date.parse(item.pubDate);
    expect(Number.isNaN(time)).toBe(false);
    expect(time, `${item.link} is not newer than the item before it`).toBeLessThanOrEqual(previous);
    previous = time;
  }
  expect(new Set(feed.items.map((item) => item.guid)).size, 'guids are unique').toBe(feed.items.length);

  const first = newest[0];
  expect(feed.items[0]?.link, 'the newest published article comes first').toBe(site(`/articles/${first?.slug}`));
  expect(feed.items[0]?.title).toBe(first?.title);
  expect(feed.items.map((item) => new URL(item.link).pathname)).toEqual(
    newest.slice(0, FEED_SIZE).map((a) => `/articles/${a.slug}`),
  );
  for (const [index, item] of feed.items.entries()) {
    const published = newest[index]?.firstPublishedAt;
    expect(published, `${item.link} has a public date in the CMS`).toBeTruthy();
    expect(Date.parse(item.pubDate), `${item.link} pubDate is its first-published date`).toBe(
      Math.floor(Date.parse(published ?? '') / 1000) * 1000,
    );
  }
});

test('robots.txt allows crawling and names the sitemap', async ({ request }) => {
  const response = await request.get(site('/robots.txt'));
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const lines = (await response.text())
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      return { key: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() };
    });

  // The group that applies to every crawler.
  const start = lines.findIndex((line) => line.key === 'user-agent' && line.value === '*');
  expect(start, 'a User-agent: * group').toBeGreaterThanOrEqual(0);
  const group: Array<{ key: string; value: string }> = [];
  for (const line of lines.slice(start + 1)) {
    if (line.key === 'user-agent' && group.length > 0) break;
    if (line.key === 'allow' || line.key === 'disallow') group.push(line);
  }
  expect(group, 'Allow: / for every crawler').toContainEqual({ key: 'allow', value: '/' });
  for (const rule of group.filter((r) => r.key === 'disallow')) {
    expect(['/', '/*'], 'the whole site is not disallowed').not.toContain(rule.value);
    for (const path of ['/', '/articles/', '/topics/', '/authors/', '/sitemap.xml', '/feed.xml']) {
      expect(path.startsWith(rule.value) && rule.value !== '', `Disallow: ${rule.value} blocks ${path}`).toBe(false);
    }
  }

  const sitemaps = lines.filter((line) => line.key === 'sitemap').map((line) => line.value);
  expect(sitemaps).toContain(site('/sitemap.xml'));
  for (const url of sitemaps) {
    expect(onSite(url), `${url} is absolute on ${SITE_URL}`).toBe(true);
    expect((await request.get(url)).status(), url).toBe(200);
  }
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  articleBySlugQuery,
  articleListQuery,
  getArticleBySlug,
  getArticleListPage,
  getArticlePreview,
  getArticleSummaries,
  getHomePage,
  getRelatedRails,
  homePageQuery,
  searchArticles,
  normalizeSearchQuery,
  siteSettingsQuery,
  getSiteSettings,
  getAuthorBySlug,
  getSitemapEntries,
  getSitemapFiles,
  getRedirect,
} from '../src/queries';
import { stringifyQuery } from '../src/client';
import { cacheTags } from '../src/cache-tags';
import { CmsHttpError, CmsValidationError } from '../src/errors';
import { clone, fakeCms, fixture, queryPairs } from './helpers';

const decoded = (query: Record<string, unknown>) => decodeURIComponent(stringifyQuery(query)).split('&');

describe('query building (explicit fields and populate)', () => {
  const queries = {
    articleBySlug: articleBySlugQuery('magnesium-glycinate'),
    articleList: articleListQuery({ topicSlug: 'sleep' }, 2, 12),
    homePage: homePageQuery,
    siteSettings: siteSettingsQuery,
  };

  for (const [name, query] of Object.entries(queries)) {
    it(`${name} never asks for everything`, () => {
      const pairs = decoded(query);
      assert.ok(
        pairs.some((pair) => /^fields\[0\]=/.test(pair)),
        `${name} has no top-level fields list`,
      );
      assert.ok(!pairs.some((pair) => pair.includes('*')), `${name} uses a wildcard: ${pairs.join(' ')}`);
      assert.ok(
        !pairs.some((pair) => /=true$/.test(pair) && pair.startsWith('populate')),
        `${name} populates without fields`,
      );
      // Every populated relation or media names its own fields or populates further.
      for (const pair of pairs.filter((p) => p.startsWith('populate'))) {
        assert.match(pair, /\[(fields|populate|on)\]/, `${name}: ${pair}`);
      }
    });
  }

  it('articleBySlug filters on the slug and populates every body component', () => {
    const pairs = decoded(queries.articleBySlug);
    assert.ok(pairs.includes('filters[slug][$eq]=magnesium-glycinate'));
    for (const component of [
      'content.rich-text',
      'content.key-takeaways',
      'content.callout',
      'content.pull-quote',
      'content.figure',
    ]) {
      assert.ok(
        pairs.some((pair) => pair.startsWith(`populate[body][on][${component}]`)),
        component,
      );
    }
    assert.ok(pairs.includes('populate[body][on][content.figure][populate][image][fields][0]=url'));
  });

  it('articleList pages, sorts and filters by topic', () => {
    const pairs = decoded(queries.articleList);
    assert.ok(pairs.includes('filters[topics][slug][$eq]=sleep'));
    assert.ok(pairs.includes('pagination[page]=2'));
    assert.ok(pairs.includes('pagination[pageSize]=12'));
    assert.ok(pairs.includes('sort[0]=firstPublishedAt:desc'));
  });

  it('articleList by author also finds what they reviewed', () => {
    const pairs = decoded(articleListQuery({ authorSlug: 'lena-marsh' }, 1, 12));
    assert.ok(pairs.includes('filters[$or][0][author][slug][$eq]=lena-marsh'));
    assert.ok(pairs.includes('filters[$or][1][reviewer][slug][$eq]=lena-marsh'));
  });

  it('refuses page sizes the CMS would reject', () => {
    assert.throws(() => articleListQuery({}, 1, 101), RangeError);
    assert.throws(() => articleListQuery({}, 0, 12), RangeError);
    assert.doesNotThrow(() => articleListQuery({}, 1, 100));
  });

  it('escapes hostile filter values', () => {
    const raw = stringifyQuery(articleBySlugQuery('a&populate=*'));
    assert.ok(!raw.includes('&populate=*'));
  });
});

/** The by-slug route answers with the article itself, not a list. */
const articlePage = (raw: unknown) => ({ data: (raw as { data: unknown[] }).data[0] });

describe('getArticleBySlug', () => {
  it('keeps a reference whose URL does not parse, as text', async () => {
    const raw = clone(fixture('article-magnesium-glycinate')) as {
      data: Array<{ references: Array<{ url?: string | null; doi?: string | null }> }>;
    };
    raw.data[0]!.references[0] = { ...raw.data[0]!.references[0], url: 'https://%', doi: null };
    const { client } = fakeCms(() => articlePage(raw));
    const article = await getArticleBySlug(client, 'magnesium-glycinate');
    assert.equal(article?.references[0]?.href, null);
    assert.equal(article.references.length, raw.data[0]!.references.length);
  });

  it('reshapes the CMS article into the domain Article', async () => {
    const raw = fixture('article-magnesium-glycinate') as { data: Array<Record<string, unknown>> };
    const { client, calls } = fakeCms(() => articlePage(raw), { token: 'secret-token' });
    const article = await getArticleBySlug(client, 'magnesium-glycinate');
    assert.ok(article);
    assert.equal(calls[0]?.url.pathname, '/api/articles/by-slug/magnesium-glycinate');
    assert.equal(new Headers(calls[0].init.headers).get('authorization'), null, 'published reads go without the token');
    const source = raw.data[0] as {
      title: string;
      firstPublishedAt: string;
      cover: { url: string };
      coverAlt: string;
      references: unknown[];
      topics: Array<{ slug: string }>;
      body: Array<{ __component: string }>;
    };
    assert.equal(article.title, source.title);
    assert.equal(article.publishedAt, source.firstPublishedAt);
    assert.equal(article.cover?.url, `http://cms.test:1337${source.cover.url}`);
    assert.equal(article.cover.alt, source.coverAlt);
    assert.equal(article.references.length, source.references.length);
    assert.deepEqual(
      article.topics.map((t) => t.slug),
      source.topics.map((t) => t.slug),
    );
    assert.equal(article.author?.slug, 'tomas-ribeiro');
    assert.equal(article.reviewer?.credentials, 'RD, MSc');
    // Every non-rich-text component keeps its place; rich text may only split.
    const kinds = article.body.map((section) => section.kind);
    assert.deepEqual(
      kinds.filter((kind) => kind !== 'rich-text'),
      source.body.map((c) => c.__component.replace('content.', '')).filter((kind) => kind !== 'rich-text'),
    );
    // Only this article's tag and the rarely used all-article-pages tag: other publishes leave it cached.
    assert.deepEqual(calls[0].init.next?.tags, [cacheTags.article('magnesium-glycinate'), cacheTags.articlePages]);
  });

  it('reads the latest draft of ONE document for preview with the token, and never caches it', async () => {
    const { client, calls } = fakeCms(() => fixture('article-magnesium-glycinate'), { token: 'secret-token' });
    const article = await getArticlePreview(client, 'e31ul2mfq3hzlpne5gjv2pbp', 'draft');
    assert.equal(article?.slug, 'magnesium-glycinate');
    assert.ok(queryPairs(calls[0]!.url).includes('status=draft'));
    assert.ok(queryPairs(calls[0]!.url).includes('filters[documentId][$eq]=e31ul2mfq3hzlpne5gjv2pbp'));
    assert.equal(
      queryPairs(calls[0]!.url).some((pair) => pair.startsWith('filters[slug]')),
      false,
      'never by slug',
    );
    assert.equal(calls[0]!.init.cache, 'no-store');
    assert.equal(calls[0]!.init.next, undefined);
    assert.equal(new Headers(calls[0]!.init.headers).get('authorization'), 'Bearer secret-token');
  });

  it('reads the published version for a published-status preview, without the token', async () => {
    const { client, calls } = fakeCms(() => fixture('article-magnesium-glycinate'), { token: 'secret-token' });
    assert.equal(
      (await getArticlePreview(client, 'e31ul2mfq3hzlpne5gjv2pbp', 'published'))?.slug,
      'magnesium-glycinate',
    );
    assert.ok(queryPairs(calls[0]!.url).includes('status=published'));
    assert.equal(new Headers(calls[0]!.init.headers).get('authorization'), null);
  });

  it('asks for no preview when the document id is malformed', async () => {
    const { client, calls } = fakeCms(() => fixture('article-magnesium-glycinate'));
    for (const id of ['', 'a b', 'x'.repeat(65), '../x', 'a&populate=*'])
      assert.equal(await getArticlePreview(client, id, 'draft'), null, id);
    assert.equal(calls.length, 0);
  });

  it('builds the table of contents from the H2s, with ids matching the rendered headings', async () => {
    const raw = fixture('article-magnesium-glycinate') as {
      data: Array<{
        body: Array<{ body?: Array<{ type: string; level?: number; children?: Array<{ text?: string }> }> }>;
      }>;
    };
    const h2Texts = raw.data[0]!.body.flatMap((c) => c.body ?? [])
      .filter((n) => n.type === 'heading' && n.level === 2)
      .map((n) => (n.children ?? []).map((c) => c.text ?? '').join(''));
    const { client } = fakeCms(() => articlePage(raw));
    const article = await getArticleBySlug(client, 'magnesium-glycinate');
    assert.ok(article);
    assert.deepEqual(
      article.toc.map((entry) => entry.text),
      h2Texts,
    );
    const headingIds = article.body
      .flatMap((s) => (s.kind === 'rich-text' ? s.blocks : []))
      .flatMap((b) => (b.type === 'heading' ? [b.id] : []));
    for (const entry of article.toc) assert.ok(headingIds.includes(entry.id), entry.id);
    assert.equal(new Set(headingIds).size, headingIds.length, 'heading ids are unique');
    for (const entry of article.toc) assert.match(entry.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('computes reading time from every word of the body at 200 words a minute', async () => {
    const raw = clone(fixture('article-magnesium-glycinate')) as { data: Array<{ body: unknown[] }> };
    const words = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    raw.data[0]!.body = [
      {
        __component: 'content.rich-text',
        id: 1,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: words }] }],
      },
    ];
    const { client } = fakeCms(() => articlePage(raw));
    assert.equal((await getArticleBySlug(client, 'magnesium-glycinate'))?.readingMinutes, 5);
    raw.data[0]!.body = [{ __component: 'content.pull-quote', id: 1, quote: words.split(' ').slice(0, 700).join(' ') }];
    assert.equal((await getArticleBySlug(client, 'magnesium-glycinate'))?.readingMinutes, 4);
  });

  it('turns unsafe links into plain text, marks external links, demotes H1 and de-duplicates ids', async () => {
    const raw = clone(fixture('article-magnesium-glycinate')) as { data: Array<{ body: unknown[] }> };
    raw.data[0]!.body = [
      {
        __component: 'content.rich-text',
        id: 9,
        body: [
          { type: 'heading', level: 1, children: [{ type: 'text', text: 'Dose' }] },
          { type: 'heading', level: 2, children: [{ type: 'text', text: 'Dose' }] },
          {
            type: 'paragraph',
            children: [
              { type: 'link', url: 'java\tscript:alert(1)', children: [{ type: 'text', text: 'click', bold: true }] },
              { type: 'link', url: 'https://www.nhs.uk/', children: [{ type: 'text', text: 'NHS' }] },
              { type: 'link', url: '/articles/food-and-mood', children: [{ type: 'text', text: 'food' }] },
            ],
          },
          {
            type: 'image',
            image: { url: '/uploads/x.webp', width: 10, height: 5, alternativeText: 'A chart' },
            children: [{ type: 'text', text: '' }],
          },
          { type: 'paragraph', children: [{ type: 'text', text: 'after' }] },
        ],
      },
    ];
    const { client } = fakeCms(() => articlePage(raw));
    const article = await getArticleBySlug(client, 'magnesium-glycinate');
    assert.ok(article);
    const [first, figure, last] = article.body;
    assert.equal(first?.kind, 'rich-text');
    assert.equal(figure?.kind, 'figure');
    assert.equal(last?.kind, 'rich-text');
    const [h1, h2, paragraph] = first.blocks;
    assert.deepEqual([h1?.type === 'heading' && h1.level, h2?.type === 'heading' && h2.level], [2, 2]);
    assert.deepEqual([h1?.type === 'heading' && h1.id, h2?.type === 'heading' && h2.id], ['dose', 'dose-2']);
    assert.ok(paragraph?.type === 'paragraph');
    assert.deepEqual(paragraph.children, [
      { type: 'text', text: 'click', bold: true },
      { type: 'link', url: 'https://www.nhs.uk/', external: true, children: [{ type: 'text', text: 'NHS' }] },
      { type: 'link', url: '/articles/food-and-mood', external: false, children: [{ type: 'text', text: 'food' }] },
    ]);
    assert.equal(figure.image.url, 'http://cms.test:1337/uploads/x.webp');
    assert.equal(figure.image.alt, 'A chart');
  });

  it('returns null when no article has the slug, and skips impossible slugs without a request', async () => {
    const { client, calls } = fakeCms(() =>
      Response.json({ data: null, error: { status: 404, name: 'NotFoundError' } }, { status: 404 }),
    );
    assert.equal(await getArticleBySlug(client, 'no-such-article'), null);
    assert.equal(await getArticleBySlug(client, '../../admin'), null);
    assert.equal(calls.length, 1);
  });

  it('reads the article history newest first, drops notes that only restate the kind, and has none when none is sent', async () => {
    const raw = clone(fixture('article-magnesium-glycinate')) as { data: Array<Record<string, unknown>> };
    const reviewer = { name: 'Lena Marsh', slug: 'lena-marsh', credentials: ' RD, MSc ' };
    raw.data[0]!.history = [
      { kind: 'published', occurredAt: '2025-03-11T08:00:00.000Z', note: 'First published', reviewer: null },
      { kind: 'reviewed', occurredAt: '2026-02-17T08:00:00.000Z', note: 'Medically reviewed by Lena Marsh', reviewer },
      { kind: 'updated', occurredAt: '2025-12-01T08:00:00.000Z', note: '  ', reviewer: null },
      { kind: 'updated', occurredAt: '2025-11-04T08:00:00.000Z', note: ' Added dosing. ', reviewer: null },
    ];
    const { client } = fakeCms(() => articlePage(raw));
    const article = await getArticleBySlug(client, 'magnesium-glycinate');
    assert.deepEqual(article?.history, [
      {
        kind: 'reviewed',
        occurredAt: '2026-02-17T08:00:00.000Z',
        note: null,
        reviewer: { name: 'Lena Marsh', slug: 'lena-marsh', credentials: 'RD, MSc' },
      },
      { kind: 'updated', occurredAt: '2025-12-01T08:00:00.000Z', note: null, reviewer: null },
      { kind: 'updated', occurredAt: '2025-11-04T08:00:00.000Z', note: 'Added dosing.', reviewer: null },
      { kind: 'published', occurredAt: '2025-03-11T08:00:00.000Z', note: null, reviewer: null },
    ]);

    delete raw.data[0]!.history;
    assert.deepEqual((await getArticleBySlug(client, 'magnesium-glycinate'))?.history, []);

    raw.data[0]!.history = [{ kind: 'retracted', occurredAt: '2025-03-11T08:00:00.000Z' }];
    await assert.rejects(getArticleBySlug(client, 'magnesium-glycinate'), CmsValidationError);
  });

  it('throws instead of rendering half an article when the payload is invalid', async () => {
    const raw = clone(fixture('article-magnesium-glycinate')) as { data: Array<Record<string, unknown>> };
    raw.data[0]!.topics = 'sleep';
    const { client } = fakeCms(() => articlePage(raw));
    await assert.rejects(getArticleBySlug(client, 'magnesium-glycinate'), CmsValidationError);
  });
});

describe('getRelatedRails', () => {
  it('keeps the editor order, resolves article picks and checks external URLs', async () => {
    const raw = clone(fixture('related-magnesium-glycinate')) as {
      data: { recommended: Array<Record<string, unknown>>; alsoLike: Array<{ slug: string }> };
    };
    raw.data.recommended.push({ kind: 'external', url: 'javascript:alert(1)', label: 'Bad' });
    const { client, calls } = fakeCms(() => raw, { token: 'secret-token' });
    const rails = await getRelatedRails(client, 'magnesium-glycinate');
    assert.equal(new Headers(calls[0]?.init.headers).get('authorization'), null, 'public read, no token');
    assert.ok(rails);
    const expected = raw.data.recommended
      .filter((item) => !(item.kind === 'external' && String(item.url).startsWith('javascript')))
      .map((item) => (item.kind === 'article' ? (item.article as { slug: string }).slug : item.url));
    assert.deepEqual(
      rails.recommended.map((item) => (item.kind === 'article' ? item.article.slug : item.href)),
      expected,
    );
    assert.deepEqual(
      rails.alsoLike.map((a) => a.slug),
      raw.data.alsoLike.map((a) => a.slug),
    );
    assert.deepEqual(queryPairs(calls[0]!.url), ['limit=6']);
    assert.equal(calls[0]!.url.pathname, '/api/articles/magnesium-glycinate/related');
  });

  it('drops curated links whose URL does not parse, without throwing', async () => {
    const raw = clone(fixture('related-magnesium-glycinate')) as {
      data: { recommended: Array<Record<string, unknown>> };
    };
    const before = raw.data.recommended.length;
    for (const url of ['https://%', 'http://['])
      raw.data.recommended.push({ kind: 'external', url, label: `Broken ${url}` });
    const { client } = fakeCms(() => raw);
    const rails = await getRelatedRails(client, 'magnesium-glycinate');
    assert.ok(rails);
    assert.equal(rails.recommended.length, before);
    assert.ok(rails.recommended.every((item) => item.kind === 'article' || !item.label.startsWith('Broken')));
  });

  it('returns null for a 404 and rethrows other errors', async () => {
    const notFound = fakeCms(() =>
      Response.json({ data: null, error: { status: 404, message: 'No published article' } }, { status: 404 }),
    );
    assert.equal(await getRelatedRails(notFound.client, 'gone'), null);
    const broken = fakeCms(() => new Response('bad gateway', { status: 502 }));
    await assert.rejects(
      getRelatedRails(broken.client, 'magnesium-glycinate'),
      (error: unknown) => error instanceof CmsHttpError && error.status === 502,
    );
  });
});

describe('getHomePage', () => {
  it('keeps featured picks in editor order and drops unpublished (null) ones', async () => {
    const home = clone(fixture('home-page')) as { data: { featured: Array<{ article: { slug: string } | null }> } };
    const expected = home.data.featured.map((pick) => pick.article?.slug).filter((slug, index) => index !== 1 && slug);
    home.data.featured[1]!.article = null;
    const list = fixture('articles-topic-sleep');
    const { client, calls } = fakeCms((url) => (url.pathname === '/api/home-page' ? home : list));
    const page = await getHomePage(client);
    assert.deepEqual(
      page.featured.map((a) => a.slug),
      expected,
    );
    const sectionTopics = calls.flatMap((call) => call.url.searchParams.get('filters[topics][slug][$eq]') ?? []);
    assert.deepEqual(
      page.topicSections.map((s) => s.topic.slug),
      sectionTopics,
    );
    assert.ok(page.latest.length > 0);
  });
});

describe('getSiteSettings and getAuthorBySlug', () => {
  it('checks every footer and profile link', async () => {
    const settings = clone(fixture('site-setting')) as { data: { footerLinks: Array<{ label: string; url: string }> } };
    const kept = settings.data.footerLinks.map((l) => l.url);
    settings.data.footerLinks.push(
      { label: 'Evil', url: 'javascript:alert(1)' },
      { label: 'Broken', url: 'https://%' },
    );
    const { client } = fakeCms(() => settings);
    const result = await getSiteSettings(client);
    assert.deepEqual(
      result.footerLinks.map((l) => l.href),
      kept,
    );
    assert.ok(result.footerLinks.every((l) => !l.external));

    const author = clone(fixture('author-amara-okafor')) as {
      data: Array<{ links: Array<{ label: string; url: string }> }>;
    };
    author.data[0]!.links.push({ label: 'Evil', url: ' data:text/html,x' }, { label: 'Broken', url: 'http://[' });
    const authorCms = fakeCms(() => author);
    const profile = await getAuthorBySlug(authorCms.client, 'amara-okafor');
    assert.equal(profile?.links.length, author.data[0]!.links.length - 2);
    assert.ok(profile.links.every((l) => l.external));
  });
});

describe('search', () => {
  it('normalises the query and refuses ones shorter than two characters', () => {
    assert.equal(normalizeSearchQuery('  vitamin   d  '), 'vitamin d');
    assert.equal(normalizeSearchQuery(' a '), null);
    assert.equal(normalizeSearchQuery(undefined), null);
  });

  it('is never cached and sends q/page/pageSize without the token', async () => {
    const list = fixture('articles-topic-sleep') as { data: unknown[]; meta: { pagination: unknown } };
    const { client, calls } = fakeCms(
      () => ({ data: list.data, meta: { q: 'sleep', pagination: list.meta.pagination } }),
      { token: 'secret-token' },
    );
    const results = await searchArticles(client, { query: 'sleep', page: 1, pageSize: 10 });
    assert.equal(results.items.length, list.data.length);
    assert.equal(results.query, 'sleep');
    assert.deepEqual(queryPairs(calls[0]!.url), ['q=sleep', 'page=1', 'pageSize=10']);
    assert.equal(calls[0]!.init.cache, 'no-store');
    assert.equal(new Headers(calls[0]!.init.headers).get('authorization'), null, 'public read, no token');
  });
});

describe('getArticleSummaries', () => {
  it('tags lists so a topic or author change refreshes them', async () => {
    const { client, calls } = fakeCms(() => fixture('articles-topic-sleep'));
    const page = await getArticleSummaries(client, { topicSlug: 'sleep', page: 1, pageSize: 3 });
    assert.equal(page.items.length, 3);
    assert.deepEqual(calls[0]?.init.next?.tags, [cacheTags.articles, cacheTags.topic('sleep')]);
  });
});

describe('getArticleListPage (listing pages checked against the page count first)', () => {
  /** The sleep fixture (6 articles, 3 a page: 2 pages), answering whichever page was asked for. */
  const sleepPages = (url: URL): unknown => {
    const list = clone(fixture('articles-topic-sleep')) as { meta: { pagination: { page: number } } };
    list.meta.pagination.page = Number(url.searchParams.get('pagination[page]'));
    return list;
  };
  const pagesAsked = (calls: Array<{ url: URL }>) => calls.map((call) => call.url.searchParams.get('pagination[page]'));

  it('never asks the CMS for a page past the last one, and answers null', async () => {
    for (const page of [3, 9999, 99_999]) {
      const { client, calls } = fakeCms(sleepPages);
      assert.equal(await getArticleListPage(client, { topicSlug: 'sleep', page, pageSize: 3 }), null, `page ${page}`);
      assert.deepEqual(pagesAsked(calls), ['1'], `only page 1 (the cached page count) for page ${page}`);
      assert.ok(calls[0]?.init.next?.tags?.includes(cacheTags.topic('sleep')), 'page 1 is cached under the topic tag');
    }
  });

  it('reads page 1 once, and a page in range after page 1', async () => {
    const first = fakeCms(sleepPages);
    assert.equal((await getArticleListPage(first.client, { authorSlug: 'lena-marsh', page: 1, pageSize: 3 }))?.page, 1);
    assert.deepEqual(pagesAsked(first.calls), ['1']);
    const second = fakeCms(sleepPages);
    const page2 = await getArticleListPage(second.client, { topicSlug: 'sleep', page: 2, pageSize: 3 });
    assert.equal(page2?.page, 2);
    assert.equal(page2.pageCount, 2);
    assert.deepEqual(pagesAsked(second.calls), ['1', '2']);
    // Both calls carry the same filter and page size, so page 1's cache entry is the listing's own.
    assert.deepEqual(
      second.calls.map((call) => call.url.searchParams.get('pagination[pageSize]')),
      ['3', '3'],
    );
  });

  it('answers null for pages that are not whole numbers from 1, without a call', async () => {
    const { client, calls } = fakeCms(sleepPages);
    for (const page of [0, -1, 1.5, Number.NaN])
      assert.equal(await getArticleListPage(client, { topicSlug: 'sleep', page, pageSize: 3 }), null);
    assert.equal(calls.length, 0);
  });
});

describe('sitemap files', () => {
  const topics = {
    data: [
      { name: 'Sleep', slug: 'sleep', description: null, healthTopic: true, updatedAt: '2026-01-02T03:04:05.000Z' },
    ],
    meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: 1 } },
  };
  const authors = { data: [], meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: 0 } } };
  const route = (url: URL): unknown => {
    if (url.pathname === '/api/sitemap/articles')
      return { meta: { pagination: { pageSize: 10000, pageCount: 3, total: 25000 } } };
    if (url.pathname === '/api/sitemap/articles/2') {
      return {
        data: [{ slug: 'iron-basics', contentUpdatedAt: '2026-05-06T07:08:09.000Z' }],
        meta: { pagination: { page: 2, pageSize: 10000, pageCount: 3, total: 25000 } },
      };
    }
    if (url.pathname === '/api/sitemap/articles/9')
      return Response.json(
        { data: null, error: { status: 404, name: 'NotFoundError', message: 'no page' } },
        { status: 404 },
      );
    if (url.pathname === '/api/topics') return topics;
    if (url.pathname === '/api/authors') return authors;
    return Response.json({ error: { status: 500, message: `unexpected ${url.pathname}` } }, { status: 500 });
  };

  it('lists the listings file and one file per CMS article page, tagged with articles', async () => {
    const { client, calls } = fakeCms(route);
    assert.deepEqual(await getSitemapFiles(client), [
      { kind: 'pages' },
      { kind: 'articles', page: 1 },
      { kind: 'articles', page: 2 },
      { kind: 'articles', page: 3 },
    ]);
    assert.equal(calls.length, 1, 'one call, whatever the number of articles');
    assert.ok(calls[0]?.init.next?.tags?.includes(cacheTags.articles));
  });

  it('reads one article page into paths, and an out-of-range page as empty', async () => {
    const { client, calls } = fakeCms(route);
    assert.deepEqual(await getSitemapEntries(client, { kind: 'articles', page: 2 }), [
      { path: '/articles/iron-basics', lastModified: '2026-05-06T07:08:09.000Z' },
    ]);
    assert.deepEqual(await getSitemapEntries(client, { kind: 'articles', page: 9 }), []);
    assert.deepEqual(await getSitemapEntries(client, { kind: 'articles', page: 0 }), []);
    assert.equal(calls.length, 2, 'page 0 is refused before calling the CMS');
  });

  it('lists topics and authors in the listings file', async () => {
    const { client } = fakeCms(route);
    assert.deepEqual(await getSitemapEntries(client, { kind: 'pages' }), [
      { path: '/topics/sleep', lastModified: '2026-01-02T03:04:05.000Z' },
    ]);
  });

  it('refuses a malformed CMS answer instead of publishing a broken sitemap', async () => {
    const { client } = fakeCms(() => ({ meta: { pagination: { pageSize: 10000, pageCount: 'three', total: 1 } } }));
    await assert.rejects(getSitemapFiles(client), CmsValidationError);
  });
});

describe('getRedirect', () => {
  const answer = (to: string) => ({
    data: [{ id: 1, documentId: 'r1', from: '/x', to, permanent: true }],
    meta: { pagination: { page: 1, pageSize: 1, pageCount: 1, total: 1 } },
  });

  it('looks up site paths and WordPress-style query addresses, and nothing else, without a request', async () => {
    const { client, calls } = fakeCms(() => answer('/articles/hydration-myths'));
    assert.deepEqual(await getRedirect(client, '/?p=412'), { to: '/articles/hydration-myths', permanent: true });
    assert.deepEqual(await getRedirect(client, '/2018/11/hydration-myths'), {
      to: '/articles/hydration-myths',
      permanent: true,
    });
    assert.deepEqual(
      calls.map((call) => call.url.searchParams.get('filters[from][$eq]')),
      ['/?p=412', '/2018/11/hydration-myths'],
    );
    for (const madeUp of ['/?p=1&q=2', '/?p=<script>', '/x?', 'articles/x', `/${'a'.repeat(302)}`]) {
      assert.equal(await getRedirect(client, madeUp), null, madeUp);
    }
    assert.equal(calls.length, 2);
  });

  it('follows only site paths and https URLs', async () => {
    for (const [to, expected] of [
      ['javascript:alert(1)', null],
      ['data:text/html,x', null],
      ['http://old.example/x', null],
      ['https://elsewhere.example/x', 'https://elsewhere.example/x'],
    ] as const) {
      const { client } = fakeCms(() => answer(to));
      assert.equal((await getRedirect(client, '/old'))?.to ?? null, expected, to);
    }
  });
});

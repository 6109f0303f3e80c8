/** What the public and the site may read, and what nobody may do. */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { readArticleFiles } from '../../src/seed/run';
import { connect, getJson, send, type ErrorBody, type One, type Page } from '../helpers/http';
import {
  CONTENT_DIR,
  TOKEN,
  paragraph,
  railKeys,
  type ArticleRow,
  type CmsContext,
  type Summary,
} from '../helpers/cms-suite';
import { first, nth } from '../helpers/found';
import { siteReads } from '../helpers/site-queries';

export const publicApiTests = (ctx: CmsContext) => {
  const { api, related, docIdOf, newArticle } = ctx;
  const kind = ctx.kind;

  it('serves the seeded, published content to the public', async () => {
    const files = await readArticleFiles(CONTENT_DIR);
    const articles = await getJson<Page<Summary>>(
      api('/articles?fields[0]=slug&fields[1]=title&pagination[pageSize]=100'),
    );
    assert.equal(articles.status, 200);
    assert.ok(files.length >= 24, 'the demo needs at least 24 articles');
    assert.deepEqual(
      articles.body.data.map((a) => a.slug).sort(),
      files.map((f) => f.slug).sort(),
      'every seeded article is published and nothing else is',
    );

    const topics = await getJson<Page<{ slug: string }>>(api('/topics?fields[0]=slug'));
    assert.ok(topics.body.meta.pagination.total >= 6);
    const authors = await getJson<Page<{ slug: string; medicalReviewer: boolean }>>(
      api('/authors?fields[0]=slug&fields[1]=medicalReviewer'),
    );
    assert.ok(authors.body.data.length >= 4);
    assert.ok(authors.body.data.filter((a) => a.medicalReviewer).length >= 2);

    const settings = await getJson<One<{ copyrightHolder: string; copyrightStartYear: number }>>(api('/site-setting'));
    assert.equal(settings.status, 200);
    assert.ok(settings.body.data.copyrightHolder.length > 0);
    assert.ok(settings.body.data.copyrightStartYear <= new Date().getFullYear());

    const article = await getJson<
      Page<{ body: Array<{ __component: string; body?: Array<{ type: string; level?: number }> }> }>
    >(
      api(
        '/articles?filters[slug][$eq]=magnesium-glycinate&populate[body][on][content.rich-text]=true&populate[body][on][content.callout]=true',
      ),
    );
    const h2s = first(article.body.data, 'article')
      .body.filter((s) => s.__component === 'content.rich-text')
      .flatMap((s) => s.body ?? [])
      .filter((b) => b.type === 'heading' && b.level === 2);
    assert.equal(h2s.length, 5, 'the magnesium glycinate article has five H2 sections');
  });

  it('keeps drafts invisible without the site token', async () => {
    const draft = await newArticle(`draft-only-${kind}`, { body: paragraph('A draft about the zorblat effect.') });
    const publicList = await getJson<Page<Summary>>(api(`/articles?filters[slug][$eq]=draft-only-${kind}`));
    assert.equal(publicList.status, 200);
    assert.equal(publicList.body.data.length, 0);
    assert.equal((await getJson(api(`/articles/${draft.documentId}`))).status, 404);
    assert.equal((await getJson(api(`/articles?status=draft`))).status, 403);
    assert.equal((await getJson(api(`/articles/${draft.documentId}?status=draft`))).status, 403);
    assert.equal((await getJson(api(`/articles/draft-only-${kind}/related`))).status, 404);
    const search = await getJson<Page<Summary>>(api('/search?q=zorblat'));
    assert.equal(search.body.data.length, 0, 'drafts are not searchable');

    const withToken = await getJson<Page<Summary>>(
      api(`/articles?status=draft&filters[slug][$eq]=draft-only-${kind}`),
      TOKEN,
    );
    assert.equal(withToken.status, 200, withToken.text);
    assert.equal(withToken.body.data.length, 1, 'the site token can read drafts (for preview)');
    for (const p of ['/articles/magnesium-glycinate/related', '/search?q=magnesium', '/redirects', '/site-setting']) {
      assert.equal((await getJson(api(p), TOKEN)).status, 200, `the site token reads ${p}`);
    }
    const write = await send('POST', api('/articles'), { data: { title: 'x' } }, TOKEN);
    assert.equal(write.status, 403, 'the site token cannot write');
  });

  it('refuses every write from the public', async () => {
    const someId = await docIdOf('magnesium-glycinate');
    const attempts: Array<[string, string, unknown?]> = [
      ['POST', '/articles', { data: { title: 'x', slug: 'x', excerpt: 'x', coverAlt: 'x' } }],
      ['PUT', `/articles/${someId}`, { data: { title: 'hacked' } }],
      ['DELETE', `/articles/${someId}`],
      ['POST', '/authors', { data: { name: 'x' } }],
      ['POST', '/topics', { data: { name: 'x' } }],
      ['PUT', '/site-setting', { data: { siteName: 'hacked' } }],
      ['DELETE', '/site-setting'],
      ['PUT', '/home-page', { data: {} }],
      ['POST', '/upload', {}],
      ['POST', '/auth/local/register', { username: 'mallory', email: 'm@example.org', password: 'Passw0rd!' }],
    ];
    for (const [method, p, data] of attempts) {
      const res = await send<ErrorBody>(method, api(p), data);
      assert.ok([401, 403].includes(res.status), `${method} ${p} answered ${res.status}: ${res.text}`);
    }
    for (const p of ['/users', '/upload/files', '/users-permissions/roles', '/users/me']) {
      const res = await getJson(api(p));
      assert.ok([401, 403].includes(res.status), `GET ${p} answered ${res.status}`);
    }
    const still = await getJson<Page<Summary>>(api('/articles?filters[slug][$eq]=magnesium-glycinate&fields[0]=title'));
    assert.notEqual(first(still.body.data, 'article').title, 'hacked');
  });

  it('refuses to publish a health-topic article without a medical reviewer', async () => {
    const topics = await getJson<Page<{ documentId: string; healthTopic: boolean }>>(
      api('/topics?fields[0]=healthTopic'),
    );
    const health = topics.body.data.find((t) => t.healthTopic)!;
    const draft = await newArticle(`unreviewed-${kind}`, { topics: connect(health.documentId) });
    const res = await ctx.editor.publishArticle(draft.documentId);
    assert.equal(res.status, 400, res.text);
    assert.match(res.text, /medical reviewer/i);
    assert.equal((await getJson(api(`/articles/unreviewed-${kind}/related`))).status, 404);

    const writers = await getJson<Page<{ documentId: string; medicalReviewer: boolean }>>(
      api('/authors?fields[0]=medicalReviewer'),
    );
    const writer = writers.body.data.find((a) => !a.medicalReviewer)!;
    await ctx.editor.updateArticle(draft.documentId, { reviewer: connect(writer.documentId) });
    const again = await ctx.editor.publishArticle(draft.documentId);
    assert.equal(again.status, 400, again.text);
    assert.match(again.text, /not a medical reviewer/);
  });

  it('keeps "Recommended for you" in editor order across edits and publishes, dropping unpublished and deleted targets', async () => {
    const a = await docIdOf('vitamin-d-winter');
    const c = await docIdOf('sleep-hygiene-that-works');
    const b = await newArticle(`rail-b-${kind}`);
    const e = await newArticle(`rail-e-${kind}`);
    assert.equal((await ctx.editor.publishArticle(e.documentId)).status, 200);
    const external = 'https://www.nhs.uk/live-well/eat-well/';
    const item = (documentId: string) => ({ article: connect(documentId) });
    const x = await newArticle(`rail-x-${kind}`, {
      recommended: [
        item(a),
        item(b.documentId),
        { url: external, label: 'NHS: Eat well' },
        item(c),
        item(e.documentId),
      ],
    });
    assert.equal((await ctx.editor.publishArticle(x.documentId)).status, 200);
    const slug = `rail-x-${kind}`;

    assert.deepEqual(
      railKeys(await related(slug)),
      ['vitamin-d-winter', external, 'sleep-hygiene-that-works', `rail-e-${kind}`],
      'a pick of a draft is left out',
    );

    assert.equal((await ctx.editor.publishArticle(b.documentId)).status, 200);
    assert.deepEqual(
      railKeys(await related(slug)),
      ['vitamin-d-winter', `rail-b-${kind}`, external, 'sleep-hygiene-that-works', `rail-e-${kind}`],
      'the pick works once its target is published, in its place',
    );

    const reordered = [
      item(c),
      { url: external, label: 'NHS: Eat well' },
      item(b.documentId),
      item(a),
      item(e.documentId),
    ];
    const update = await ctx.editor.updateArticle(x.documentId, { recommended: reordered });
    assert.equal(update.status, 200, update.text);
    assert.deepEqual(
      railKeys(await related(slug))[0],
      'vitamin-d-winter',
      'an unpublished edit does not change the live rail',
    );
    assert.equal((await ctx.editor.publishArticle(x.documentId)).status, 200);
    assert.deepEqual(railKeys(await related(slug)), [
      'sleep-hygiene-that-works',
      external,
      `rail-b-${kind}`,
      'vitamin-d-winter',
      `rail-e-${kind}`,
    ]);

    assert.equal((await ctx.editor.unpublishArticle(b.documentId)).status, 200);
    assert.equal((await ctx.editor.deleteArticle(e.documentId)).status, 200);
    const after = await related(slug);
    assert.deepEqual(railKeys(after), ['sleep-hygiene-that-works', external, 'vitamin-d-winter']);
    assert.equal(after.meta.recommendedSource, 'article');
    const ext = nth(after.data.recommended, 1, 'recommended item');
    assert.equal(ext.kind, 'external');
    assert.equal(ext.label, 'NHS: Eat well');
  });

  it('falls back to the site default recommendations when an article has none', async () => {
    const draft = await newArticle(`no-picks-${kind}`);
    assert.equal((await ctx.editor.publishArticle(draft.documentId)).status, 200);
    const rails = await related(`no-picks-${kind}`);
    assert.equal(rails.meta.recommendedSource, 'site-default');
    assert.ok(rails.data.recommended.length > 0);
  });

  it('fills "You may also like" with pins, then shared topics, then recency; never itself, exclusions or curated picks', async () => {
    const files = await readArticleFiles(CONTENT_DIR);
    const source = files.find((f) => f.slug === 'magnesium-glycinate')!;
    const all = await getJson<Page<ArticleRow>>(
      api(
        '/articles?fields[0]=slug&fields[1]=firstPublishedAt&populate[topics][fields][0]=slug&pagination[pageSize]=100',
      ),
    );
    const rails = await related('magnesium-glycinate', 24);
    const also = rails.data.alsoLike.map((s) => s.slug);
    const curated = rails.data.recommended.flatMap((r) => (r.kind === 'article' ? [r.article.slug] : []));

    assert.deepEqual(also.slice(0, source.alsoLike.pin.length), source.alsoLike.pin, 'pins come first, in order');
    assert.ok(!also.includes('magnesium-glycinate'), 'never the article itself');
    for (const slug of source.alsoLike.exclude) assert.ok(!also.includes(slug), `${slug} is excluded`);
    for (const slug of curated) assert.ok(!also.includes(slug), `${slug} is already in the curated rail`);
    assert.equal(new Set(also).size, also.length, 'no duplicates');

    const mine = new Set(source.topics);
    const shared = (slug: string) =>
      (all.body.data.find((a) => a.slug === slug)?.topics ?? []).filter((t) => mine.has(t.slug)).length;
    const filled = rails.data.alsoLike.slice(source.alsoLike.pin.length);
    for (const [i, next] of filled.entries()) {
      if (i === 0) continue;
      const prev = nth(filled, i - 1, 'also-like item');
      const order = shared(prev.slug) - shared(next.slug);
      assert.ok(
        order > 0 || (order === 0 && (prev.firstPublishedAt ?? '') >= (next.firstPublishedAt ?? '')),
        `${prev.slug} (${shared(prev.slug)} shared) should not rank above ${next.slug} (${shared(next.slug)} shared)`,
      );
    }
    const eligible = all.body.data.length - 1 - source.alsoLike.exclude.length - curated.length;
    assert.equal(also.length, Math.min(24, eligible), 'the rail is filled up to its limit');
    assert.equal((await related('magnesium-glycinate', 3)).data.alsoLike.length, 3);
  });

  it('finds published articles by words in their body, whatever the query syntax', async () => {
    const res = await getJson<Page<Summary> & { meta: { pagination: { total: number } } }>(
      api('/search?q=glycinate&pageSize=5'),
    );
    assert.equal(res.status, 200, res.text);
    assert.equal(first(res.body.data, 'search hit').slug, 'magnesium-glycinate', 'the title match ranks first');
    const body = await getJson<Page<Summary>>(api('/search?q=bisphosphonates'));
    assert.ok(
      body.body.data.some((a) => a.slug === 'magnesium-glycinate'),
      'a word that only appears in the body is found',
    );
    for (const q of ['"unbalanced', 'a* OR NEAR(', "'); DROP TABLE articles; --", 'ü∂ƒ©']) {
      const weird = await getJson(api(`/search?q=${encodeURIComponent(q)}`));
      assert.equal(weird.status, 200, `${q}: ${weird.text}`);
    }
  });

  it('answers bad input with a clear 4xx JSON error, never a 500', async () => {
    const cases: Array<[string, number]> = [
      ['/articles/no-such-article/related', 404],
      ['/articles/Not_A_Slug!/related', 400],
      ['/articles/magnesium-glycinate/related?limit=0', 400],
      ['/articles/magnesium-glycinate/related?limit=abc', 400],
      ['/articles/magnesium-glycinate/related?limit=1000', 400],
      ['/articles?filters[title][$nope]=x', 400],
      ['/articles?pagination[pageSize]=101', 400],
      ['/articles?pagination[pageSize]=ten', 400],
      ['/articles?pagination[page]=-1', 400],
      ['/articles?populate[createdBy][fields][0]=password', 400],
      ['/articles?filters[createdBy][password][$eq]=x', 400],
      ['/articles?sort=createdBy.password:asc', 400],
      ['/articles/not-a-document-id', 404],
      ['/search?q=a', 400],
      ['/search?q=magnesium&pageSize=500', 400],
    ];
    for (const [p, expected] of cases) {
      const res = await getJson<ErrorBody>(api(p));
      assert.equal(res.status, expected, `${p} answered ${res.status}: ${res.text}`);
      assert.equal(typeof res.body.error.message, 'string', `${p} has a JSON error message`);
    }
  });

  it('never shows private fields, whatever is populated', async () => {
    // The public may only populate what the site reads (populate=* is a 400 for it, see
    // query-bounds.ts); the site token may populate anything, so it gets the wildcards.
    const publicReads = siteReads();
    const tokenReads = [
      '/articles?populate=*',
      '/articles?populate[recommended][populate]=*&populate[alsoLikePinned][populate]=*',
      '/authors?populate=*',
      '/topics?populate=*',
      '/site-setting?populate=*',
      '/home-page?populate=*',
    ];
    const reads: Array<[string, string | undefined]> = [
      ...publicReads.map((p): [string, undefined] => [p, undefined]),
      ...tokenReads.map((p): [string, string] => [p, TOKEN]),
    ];
    for (const [p, token] of reads) {
      const res = await getJson(api(p), token);
      assert.equal(res.status, 200, `${p}: ${res.text}`);
      for (const secret of [
        'password',
        'resetPasswordToken',
        'targetDocumentId',
        'createdBy',
        'updatedBy',
        'registrationToken',
        'scheduledPublishAt',
        'scheduledUnpublishAt',
        'nextReviewDue',
      ]) {
        assert.ok(!res.text.includes(`"${secret}"`), `${p} leaks ${secret}`);
      }
    }
  });
};

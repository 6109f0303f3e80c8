/**
 * Drafts never reach the public, whichever route, spelling of `status` or populated relation is
 * used; the site's token still reads them (preview). A real draft (an unpublished article, and a
 * newer unpublished edit of a published one) is created first, so a leak would show its marker.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';

import { articleBySlugQuery } from '@nourish/content';
import { DRAFT_STATUS_SPELLINGS } from '@nourish/test-support';

import { connect, getJson, type ErrorBody, type Page } from '../helpers/http';
import { TOKEN, type CmsContext } from '../helpers/cms-suite';
import { first } from '../helpers/found';
import { siteUrl } from '../helpers/site-queries';

type Ref = { documentId: string; slug: string };

export const draftAccessTests = (ctx: CmsContext) => {
  const { api, kind } = ctx;
  // Words no seeded article contains: if a response holds one, a draft leaked.
  const DRAFT_MARK = `Quokkadraft ${kind}`;
  const EDIT_MARK = `Wombatedit ${kind}`;
  const draftSlug = `leak-draft-${kind}`;
  const editedSlug = `leak-edited-${kind}`;
  let edited: { documentId: string };
  let draft: { documentId: string };
  let topic: Ref;

  const leaks = (text: string) => text.includes('Quokkadraft') || text.includes('Wombatedit');

  before(async () => {
    const topics = await getJson<Page<Ref & { healthTopic: boolean }>>(
      api('/topics?fields[0]=slug&fields[1]=healthTopic'),
    );
    topic = topics.body.data.find((t) => t.healthTopic)!;
    const authors = await getJson<Page<Ref & { medicalReviewer: boolean }>>(
      api('/authors?fields[0]=slug&fields[1]=medicalReviewer'),
    );
    const writer = authors.body.data.find((a) => !a.medicalReviewer)!;
    const reviewer = authors.body.data.find((a) => a.medicalReviewer)!;
    const links = {
      author: connect(writer.documentId),
      reviewer: connect(reviewer.documentId),
      topics: connect(topic.documentId),
    };

    draft = await ctx.newArticle(draftSlug, { title: `${DRAFT_MARK} never published`, ...links });
    edited = await ctx.newArticle(editedSlug, { title: `Published leak probe ${kind}`, ...links });
    assert.equal((await ctx.editor.publishArticle(edited.documentId)).status, 200);
    const edit = await ctx.editor.updateArticle(edited.documentId, { title: `${EDIT_MARK} unpublished edit` });
    assert.equal(edit.status, 200, edit.text);
  });

  it('shows the drafts to the site token, so the probes below can see a leak', async () => {
    const viaTopic = await getJson(
      api(`/topics?status=draft&filters[slug][$eq]=${topic.slug}&populate[articles][fields][0]=title`),
      TOKEN,
    );
    assert.equal(viaTopic.status, 200, viaTopic.text);
    assert.ok(
      viaTopic.text.includes(DRAFT_MARK) && viaTopic.text.includes(EDIT_MARK),
      'status=draft reaches populated relations',
    );

    const preview = await getJson<Page<{ title: string; author: { slug: string } | null }>>(
      api(siteUrl('/articles', { ...articleBySlugQuery(editedSlug), status: 'draft' })),
      TOKEN,
    );
    assert.equal(preview.status, 200, preview.text);
    const previewed = first(preview.body.data, `draft of ${editedSlug}`);
    assert.equal(previewed.title, `${EDIT_MARK} unpublished edit`, 'preview reads the newest draft');
    assert.ok(previewed.author, 'with the site populate');
    const draftOnly = await getJson<Page<{ title: string }>>(
      api(`/articles?status=draft&filters[slug][$eq]=${draftSlug}`),
      TOKEN,
    );
    assert.equal(draftOnly.body.data.length, 1);
  });

  it('refuses every spelling of status but "published", on every public route, with a 403', async () => {
    const routes = [
      '/articles?fields[0]=title',
      `/articles/${edited.documentId}?fields[0]=title`,
      `/articles/${draft.documentId}`,
      `/topics?populate[articles][fields][0]=title`,
      `/authors?populate[articles][fields][0]=title&populate[reviewedArticles][fields][0]=title`,
      '/home-page?populate[featured][populate][article][fields][0]=title',
      '/site-setting?populate[defaultRecommended][populate][article][fields][0]=title',
      '/redirects',
      `/articles/by-slug/${editedSlug}`,
      `/articles/by-slug/${draftSlug}`,
      `/articles/${editedSlug}/related`,
      '/search?q=wombatedit',
      '/sitemap/articles',
      '/sitemap/articles/1',
    ];
    for (const route of routes) {
      for (const status of DRAFT_STATUS_SPELLINGS) {
        const url = `${route}${route.includes('?') ? '&' : '?'}${status}`;
        const res = await getJson<ErrorBody>(api(url));
        assert.equal(res.status, 403, `${url} answered ${res.status}: ${res.text.slice(0, 300)}`);
        assert.equal(res.body.error.name, 'ForbiddenError');
        assert.match(res.body.error.message, /status must be absent or exactly "published"/);
        assert.ok(!leaks(res.text), `${url} leaks a draft`);
      }
    }
  });

  it('refuses every other draft-selecting parameter, wherever it sits in the query', async () => {
    const urls = [
      '/articles?publicationFilter=never-published',
      '/articles?publicationFilter=has-published-version',
      '/articles?hasPublishedVersion=false',
      '/articles?publicationState=preview',
      '/topics?populate[articles][status]=draft',
      '/authors?populate[articles][populate][topics][status]=draft',
      '/articles?populate[topics][publicationFilter]=modified',
      '/articles?filters[status][$eq]=draft',
      '/home-page?populate[featured][populate][article][hasPublishedVersion]=true',
      '/search?q=quokkadraft&publicationFilter=never-published',
    ];
    for (const url of urls) {
      const res = await getJson<ErrorBody>(api(url));
      assert.equal(res.status, 403, `${url} answered ${res.status}: ${res.text.slice(0, 300)}`);
      assert.equal(res.body.error.name, 'ForbiddenError');
      assert.ok(!leaks(res.text), `${url} leaks a draft`);
    }
  });

  it('treats a wrong or malformed token as the public', async () => {
    const url = api(`/articles?status=draft&filters[slug][$eq]=${draftSlug}`);
    for (const authorization of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      'Bearer ',
      TOKEN,
      `Basic ${TOKEN}`,
    ]) {
      const res = await fetch(url, { headers: { authorization } });
      const text = await res.text();
      assert.ok([401, 403].includes(res.status), `${authorization.slice(0, 12)}… answered ${res.status}`);
      assert.ok(!leaks(text));
    }
  });

  it('serves only published versions to the public, through core and custom routes', async () => {
    const published = await getJson<Page<{ title: string }>>(
      api(`/articles?status=published&filters[slug][$eq]=${editedSlug}&fields[0]=title`),
    );
    assert.equal(published.status, 200, published.text);
    assert.equal(first(published.body.data, editedSlug).title, `Published leak probe ${kind}`);
    assert.equal((await getJson<Page<unknown>>(api(`/articles?filters[slug][$eq]=${draftSlug}`))).body.data.length, 0);

    const page = await getJson<{ data: { title: string } }>(api(`/articles/by-slug/${editedSlug}`));
    assert.equal(page.status, 200, page.text);
    assert.equal(page.body.data.title, `Published leak probe ${kind}`);
    assert.equal((await getJson(api(`/articles/by-slug/${draftSlug}`))).status, 404);
    assert.equal((await getJson(api(`/articles/${draftSlug}/related`))).status, 404);

    for (const url of [
      `/articles/${editedSlug}/related?limit=24`,
      '/articles/magnesium-glycinate/related?limit=24',
      '/search?q=quokkadraft',
      '/search?q=wombatedit',
      `/search?q=${encodeURIComponent(`published leak probe ${kind}`)}`,
      '/sitemap/articles/1',
      '/articles?populate[topics][fields][0]=name&populate[author][fields][0]=name&pagination[pageSize]=100',
      `/topics?filters[slug][$eq]=${topic.slug}`,
    ]) {
      const res = await getJson(api(url));
      assert.equal(res.status, 200, `${url}: ${res.text.slice(0, 300)}`);
      assert.ok(!leaks(res.text), `${url} leaks a draft`);
    }
    const sitemap = await getJson(api('/sitemap/articles/1'));
    assert.ok(!sitemap.text.includes(`"${draftSlug}"`), 'the sitemap lists published articles only');
    assert.ok(sitemap.text.includes(`"${editedSlug}"`));
  });
};

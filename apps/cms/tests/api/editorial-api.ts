/** What editors' actions do to the public API: redirects, scheduling, validation, site notifications. */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { ADMIN_LABELS } from '../../src/bootstrap/admin-labels';
import { connect, getJson, send, type ErrorBody, type Page } from '../helpers/http';
import { REVALIDATE_SECRET, type CmsContext } from '../helpers/cms-suite';
import { first, found } from '../helpers/found';
import { waitUntil } from '../helpers/wait-until';

type Redirect = { from: string; to: string; permanent: boolean; origin: string };

export const editorialApiTests = (ctx: CmsContext) => {
  const { api, newArticle } = ctx;
  const redirectsFrom = async (from: string) =>
    (await getJson<Page<Redirect>>(api(`/redirects?filters[from][$eq]=${encodeURIComponent(from)}`))).body.data;
  const redirectFrom = async (from: string) => first(await redirectsFrom(from), `redirect from ${from}`);

  it('notifies the site of nothing the demo seed wrote (no site has rendered it yet)', () => {
    const seeded = ctx.webhook.received.filter((n) => JSON.stringify(n.body).includes('alcohol-sleep-and-mood'));
    assert.deepEqual(seeded, [], 'the seed published 26 articles without a notification each');
    assert.ok(ctx.webhook.received.every((n) => n.body.model !== 'site-setting' && n.body.model !== 'home-page'));
  });

  it('leaves a permanent redirect behind when a published slug changes, collapsing chains', async () => {
    const k = ctx.kind;
    const doc = await newArticle(`moving-a-${k}`);
    assert.equal((await ctx.editor.publishArticle(doc.documentId)).status, 200);
    assert.equal((await ctx.editor.updateArticle(doc.documentId, { slug: `moving-b-${k}` })).status, 200);
    assert.deepEqual(await redirectsFrom(`/articles/moving-a-${k}`), [], 'a draft edit does not move the live URL');
    assert.equal((await ctx.editor.publishArticle(doc.documentId)).status, 200);
    const [redirect] = await redirectsFrom(`/articles/moving-a-${k}`);
    assert.deepEqual(
      [redirect?.to, redirect?.permanent, redirect?.origin],
      [`/articles/moving-b-${k}`, true, 'slug-change'],
    );

    await ctx.editor.updateArticle(doc.documentId, { slug: `moving-c-${k}` });
    assert.equal((await ctx.editor.publishArticle(doc.documentId)).status, 200);
    assert.equal((await redirectFrom(`/articles/moving-a-${k}`)).to, `/articles/moving-c-${k}`, 'chain collapsed');
    assert.equal((await redirectFrom(`/articles/moving-b-${k}`)).to, `/articles/moving-c-${k}`);

    await ctx.editor.updateArticle(doc.documentId, { slug: `moving-a-${k}` });
    assert.equal((await ctx.editor.publishArticle(doc.documentId)).status, 200);
    assert.deepEqual(
      await redirectsFrom(`/articles/moving-a-${k}`),
      [],
      'moving back removes the redirect away from the live URL',
    );
    assert.equal((await redirectFrom(`/articles/moving-c-${k}`)).to, `/articles/moving-a-${k}`);
  });

  it('refuses a manual redirect that would loop', async () => {
    const k = ctx.kind;
    const cm = `${ctx.cms.url}/content-manager/collection-types/api::redirect.redirect`;
    const token = await ctx.editor.accessToken();
    const first = await send(
      'POST',
      cm,
      { from: `/loop-a-${k}`, to: `/loop-b-${k}`, permanent: true, origin: 'manual' },
      token,
    );
    assert.equal(first.status, 201, first.text);
    const loop = await send<ErrorBody>(
      'POST',
      cm,
      { from: `/loop-b-${k}`, to: `/loop-a-${k}`, permanent: true, origin: 'manual' },
      token,
    );
    assert.equal(loop.status, 400, loop.text);
    assert.match(loop.body.error.message, /loop/);
  });

  it('shows editors human labels and help text in the article edit view', async () => {
    const res = await getJson<{
      data: {
        contentType: { metadatas: Record<string, { edit: { label: string; description: string; editable: boolean } }> };
      };
    }>(
      `${ctx.cms.url}/content-manager/content-types/api::article.article/configuration`,
      await ctx.editor.accessToken(),
    );
    assert.equal(res.status, 200, res.text);
    const meta = res.body.data.contentType.metadatas;
    for (const [field, help] of Object.entries(found(ADMIN_LABELS['api::article.article'], 'article labels'))) {
      assert.equal(meta[field]?.edit.label, help.label, field);
      if (help.description) assert.equal(found(meta[field], field).edit.description, help.description, field);
      if (help.editable !== undefined) assert.equal(found(meta[field], field).edit.editable, help.editable, field);
    }
  });

  it('rejects a next review date before the last review on save, with the field named', async () => {
    const res = await send<ErrorBody & { error: { details: { errors: Array<{ path: string[] }> } } }>(
      'POST',
      `${ctx.cms.url}/content-manager/collection-types/api::article.article`,
      {
        title: 'Bad dates',
        slug: `bad-dates-${ctx.kind}`,
        excerpt: 'x',
        coverAlt: 'x',
        lastReviewedAt: '2026-05-01',
        nextReviewDue: '2026-04-01',
      },
      await ctx.editor.accessToken(),
    );
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(first(res.body.error.details.errors, 'validation error').path, ['nextReviewDue']);
  });

  it('publishes and unpublishes on schedule', async () => {
    const slug = `scheduled-${ctx.kind}`;
    const doc = await newArticle(slug, { scheduledPublishAt: new Date(Date.now() + 2000).toISOString() });
    const isLive = async () =>
      (await getJson<Page<unknown>>(api(`/articles?filters[slug][$eq]=${slug}&fields[0]=slug`))).body.data.length === 1;
    assert.equal(await isLive(), false);
    await waitUntil(isLive, 20_000, 'scheduled publish', 500);
    await ctx.editor.updateArticle(doc.documentId, { scheduledUnpublishAt: new Date(Date.now() + 2000).toISOString() });
    await waitUntil(async () => !(await isLive()), 20_000, 'scheduled unpublish', 500);
  });

  it('notifies the site after publish with the slugs involved and the articles whose rails point at it', async () => {
    const target = await newArticle(`notified-target-${ctx.kind}`);
    const pointer = await newArticle(`notified-pointer-${ctx.kind}`, {
      recommended: [{ article: connect(target.documentId) }],
    });
    assert.equal((await ctx.editor.publishArticle(pointer.documentId)).status, 200);
    assert.equal((await ctx.editor.publishArticle(target.documentId)).status, 200);
    const published = await ctx.webhook.waitFor(
      (n) => n.body.documentId === target.documentId && n.body.action === 'publish',
    );
    assert.equal(published.headers['x-revalidate-secret'], REVALIDATE_SECRET);
    assert.deepEqual(published.body.slugs, [`notified-target-${ctx.kind}`]);
    assert.deepEqual(published.body.referencedBy, [`notified-pointer-${ctx.kind}`]);
    assert.equal(published.body.referencedByOverflow, false, 'one pointer is far below the cap');
    assert.equal(published.body.model, 'article');

    assert.equal((await ctx.editor.unpublishArticle(target.documentId)).status, 200);
    const unpublished = await ctx.webhook.waitFor(
      (n) => n.body.documentId === target.documentId && n.body.action === 'unpublish',
    );
    assert.deepEqual(unpublished.body.slugs, [`notified-target-${ctx.kind}`], 'the URL that just went away is named');

    const before = ctx.webhook.received.length;
    await ctx.editor.updateArticle(pointer.documentId, { title: 'A draft edit only' });
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(
      ctx.webhook.received.slice(before).filter((n) => n.body.documentId === pointer.documentId).length,
      0,
      'draft edits do not disturb the live site',
    );
  });
};

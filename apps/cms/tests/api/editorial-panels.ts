/**
 * The admin routes behind the editorial panels (src/admin-api/editorial-routes.ts): the
 * reviews-due list for editors and what pins an article. Admin session only, never public.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import type { ImpactPlace } from '../../src/api/article/services/impact';
import type { ReviewDue } from '../../src/api/article/services/reviews-due';
import { exampleEnv } from '../helpers/cms-server';
import type { CmsContext } from '../helpers/cms-suite';
import { AdminSession, connect, getJson } from '../helpers/http';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export const editorialPanelTests = (ctx: CmsContext) => {
  const { newArticle } = ctx;
  const admin = (path: string) => `${ctx.cms.url}/nourish-editorial${path}`;
  const asEditor = async (path: string) => getJson(admin(path), await ctx.editor.accessToken());
  const reviewsDue = async () => getJson<{ data: ReviewDue[] }>(admin('/reviews-due'), await ctx.editor.accessToken());
  const impactOf = async (documentId: string) =>
    getJson<{ data: ImpactPlace[] }>(admin(`/articles/${documentId}/impact`), await ctx.editor.accessToken());
  const published = async (slug: string, extra: Record<string, unknown> = {}) => {
    const doc = await newArticle(slug, extra);
    assert.equal((await ctx.editor.publishArticle(doc.documentId)).status, 200);
    return doc;
  };

  it('lists live articles whose review is overdue or due within 30 days, soonest first, for editors only', async () => {
    const k = ctx.kind;
    const overdue = await published(`review-overdue-${k}`, { nextReviewDue: day(-400) });
    const soon = await published(`review-soon-${k}`, { nextReviewDue: day(10) });
    const later = await published(`review-later-${k}`, { nextReviewDue: day(90) });
    const draftOnly = await newArticle(`review-draft-${k}`, { nextReviewDue: day(-400) });

    const res = await reviewsDue();
    assert.equal(res.status, 200, res.text);
    const list = res.body.data;
    const ids = list.map((item) => item.documentId);
    assert.ok(ids.includes(overdue.documentId) && ids.includes(soon.documentId), JSON.stringify(list));
    assert.ok(!ids.includes(later.documentId), 'due in 90 days is not listed');
    assert.ok(!ids.includes(draftOnly.documentId), 'an article never published is not listed');
    assert.deepEqual(
      list.map((item) => item.nextReviewDue),
      list.map((item) => item.nextReviewDue).sort(),
      'soonest first',
    );
    assert.ok(list.every((item) => item.nextReviewDue <= day(30)));
    const first = list.find((item) => item.documentId === overdue.documentId);
    assert.deepEqual([first?.overdue, first?.nextReviewDue], [true, day(-400)]);
    assert.equal(list.find((item) => item.documentId === soon.documentId)?.overdue, false);

    const author = await AdminSession.login(ctx.cms.url, exampleEnv('AUTHOR_EMAIL'), exampleEnv('AUTHOR_PASSWORD'));
    assert.equal((await getJson(admin('/reviews-due'), await author.accessToken())).status, 403, 'an Author');
    assert.equal((await getJson(admin('/reviews-due'))).status, 401, 'no session');
    assert.equal((await getJson(`${ctx.cms.url}/api/nourish-editorial/reviews-due`)).status, 404, 'not public');
  });

  it('names every article, home-page slot and site default that pins an article', async () => {
    const k = ctx.kind;
    const target = await published(`impact-target-${k}`);
    const recommending = await published(`impact-recommends-${k}`, {
      recommended: [{ article: connect(target.documentId) }],
    });
    const pinningDraft = await newArticle(`impact-pins-${k}`, {
      alsoLikePinned: [{ article: connect(target.documentId) }],
    });
    const excluding = await published(`impact-excludes-${k}`, {
      alsoLikeExcluded: [{ article: connect(target.documentId) }],
    });

    const res = await impactOf(target.documentId);
    assert.equal(res.status, 200, res.text);
    const places = res.body.data.map((place) =>
      place.kind === 'article' ? `${place.documentId} ${place.rail} ${place.live ? 'live' : 'draft'}` : place.kind,
    );
    assert.ok(places.includes(`${recommending.documentId} recommended live`), places.join('\n'));
    assert.ok(places.includes(`${recommending.documentId} recommended draft`), 'its draft pins it too');
    assert.ok(places.includes(`${pinningDraft.documentId} alsoLikePinned draft`), places.join('\n'));
    assert.ok(!places.some((place) => place.startsWith(excluding.documentId)), 'an exclusion is no pin');

    // The demo home page features this article and the site default recommends it (seed content).
    const featured = await ctx.docIdOf('magnesium-glycinate');
    const demo = await impactOf(featured);
    assert.ok(
      demo.body.data.some((place) => place.kind === 'home-page' && place.rail === 'featured'),
      JSON.stringify(demo.body.data),
    );

    assert.equal((await asEditor(`/articles/${encodeURIComponent('Not An Id')}/impact`)).status, 400);
    assert.equal((await getJson(admin(`/articles/${target.documentId}/impact`))).status, 401, 'no session');
  });
};

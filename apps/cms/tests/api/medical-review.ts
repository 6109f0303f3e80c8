/**
 * Medical review sign-off (src/api/article/services/medical-review.ts, the admin route) and what a
 * publish records: the history, the review-required flag after a substantive update in a health
 * topic, corrections and their change notes.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';

import type { ReviewState } from '../../src/api/article/services/medical-review';
import type { ReviewDue } from '../../src/api/article/services/reviews-due';
import { addMonths } from '../../src/utils/review-schedule';
import { exampleEnv } from '../helpers/cms-server';
import type { CmsContext } from '../helpers/cms-suite';
import { found } from '../helpers/found';
import { AdminSession, connect, getJson, send, type ErrorBody, type One, type Page } from '../helpers/http';
import { paragraph } from '../helpers/test-article';

type Draft = {
  lastReviewedAt: string | null;
  nextReviewDue: string | null;
  reviewRequired: boolean;
  updateKind: string;
  changeNote: string | null;
  firstPublishedAt: string | null;
};
type History = { kind: string; note: string | null; recordedBy: string | null; occurredAt: string };

/** A content-manager list answer. */
type List<T> = { results: T[] };

const today = () => new Date().toISOString().slice(0, 10);

export const medicalReviewTests = (ctx: CmsContext) => {
  const cm = (uid: string, rest = '') => `${ctx.cms.url}/content-manager/collection-types/${uid}${rest}`;
  const sessions = {} as Record<'reviewer' | 'author' | 'superAdmin', AdminSession>;
  let reviewerAuthor = '';

  before(async () => {
    const login = (prefix: string) =>
      AdminSession.login(ctx.cms.url, exampleEnv(`${prefix}_EMAIL`), exampleEnv(`${prefix}_PASSWORD`));
    sessions.reviewer = await login('REVIEWER');
    sessions.author = await login('AUTHOR');
    sessions.superAdmin = await login('ADMIN');
    const authors = await getJson<List<{ documentId: string }>>(
      cm('api::author.author', '?filters[slug][$eq]=amara-okafor'),
      await ctx.editor.accessToken(),
    );
    reviewerAuthor = authors.body.results[0]?.documentId ?? '';
    assert.ok(reviewerAuthor, 'the demo reviewer author is seeded');
  });

  const topic = async (slug: string, healthTopic: boolean, reviewIntervalMonths?: number) => {
    const res = await send<One<{ documentId: string }>>(
      'POST',
      cm('api::topic.topic'),
      { name: `Topic ${slug}`, slug, healthTopic, ...(reviewIntervalMonths ? { reviewIntervalMonths } : {}) },
      await ctx.editor.accessToken(),
    );
    assert.equal(res.status, 201, res.text);
    return res.body.data.documentId;
  };
  const publishedArticle = async (slug: string, topics: string[]) => {
    const doc = await ctx.newArticle(slug, { topics: connect(...topics), reviewer: connect(reviewerAuthor) });
    const res = await ctx.editor.publishArticle(doc.documentId);
    assert.equal(res.status, 200, res.text);
    return doc.documentId;
  };
  const draft = async (documentId: string) => {
    const res = await getJson<One<Draft>>(cm('api::article.article', `/${documentId}`), await ctx.editor.accessToken());
    assert.equal(res.status, 200, res.text);
    return res.body.data;
  };
  const history = async (documentId: string) => {
    const res = await getJson<List<History>>(
      cm(
        'api::article-history.article-history',
        `?filters[articleDocumentId][$eq]=${documentId}&sort[0]=occurredAt:ASC&sort[1]=id:ASC&pageSize=50`,
      ),
      await ctx.editor.accessToken(),
    );
    assert.equal(res.status, 200, res.text);
    return res.body.results;
  };
  const signOff = async (documentId: string, session?: AdminSession) =>
    send<{ data: { lastReviewedAt: string; nextReviewDue: string; reviewer: string }; error: ErrorBody['error'] }>(
      'POST',
      `${ctx.cms.url}/nourish-editorial/articles/${documentId}/sign-off`,
      {},
      session ? await session.accessToken() : undefined,
    );
  const publish = async (documentId: string, data: Record<string, unknown>) => {
    assert.equal((await ctx.editor.updateArticle(documentId, data)).status, 200);
    return ctx.editor.publishArticle(documentId);
  };

  it('lets a linked reviewer sign off: dates by the shortest topic interval, history, live version, site told', async () => {
    const k = ctx.kind;
    const six = await topic(`review-six-${k}`, true, 6);
    const three = await topic(`review-three-${k}`, true, 3);
    const slug = `sign-off-${k}`;
    const documentId = await publishedArticle(slug, [six, three]);
    const live = async () =>
      (await getJson<One<Record<string, unknown>>>(ctx.api(`/articles/by-slug/${slug}`))).body.data;
    const firstPublishedAt = (await live()).firstPublishedAt;

    const res = await signOff(documentId, sessions.reviewer);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      [res.body.data.lastReviewedAt, res.body.data.nextReviewDue, res.body.data.reviewer],
      [today(), addMonths(today(), 3), 'Amara Okafor'],
      'the shortest interval (3 months) applies',
    );
    const saved = await draft(documentId);
    assert.deepEqual(
      [saved.lastReviewedAt, saved.nextReviewDue, saved.reviewRequired],
      [today(), addMonths(today(), 3), false],
    );
    // What the edit view's panel reads: the reviewer's name; only the reviewer may sign off.
    const panel = async (session: AdminSession) =>
      getJson<One<ReviewState>>(
        `${ctx.cms.url}/nourish-editorial/articles/${documentId}/review`,
        await session.accessToken(),
      );
    const asEditor = await panel(ctx.editor);
    assert.equal(asEditor.status, 200, asEditor.text);
    assert.deepEqual(
      [asEditor.body.data.reviewer, asEditor.body.data.intervalMonths, asEditor.body.data.canSignOff],
      ['Amara Okafor', 3, false],
    );
    assert.equal((await panel(sessions.reviewer)).body.data.canSignOff, true);
    const page = await live();
    assert.equal(page.lastReviewedAt, today(), 'the published version carries the review');
    assert.equal(page.firstPublishedAt, firstPublishedAt, 'and keeps its first publication date');
    assert.equal('reviewRequired' in page, false, 'the flag is private');

    const records = await history(documentId);
    assert.deepEqual(
      records.map((r) => r.kind),
      ['published', 'reviewed'],
    );
    const reviewed = found(records[1], 'the reviewed record');
    assert.equal(reviewed.note, 'Medically reviewed by Amara Okafor');
    assert.equal(reviewed.recordedBy, exampleEnv('REVIEWER_EMAIL'));
    await ctx.webhook.waitFor((n) => n.body.action === 'review' && (n.body.slugs as string[]).includes(slug));

    // A topic without its own interval: the default of 12 months.
    const plain = await publishedArticle(`sign-off-default-${k}`, [await topic(`review-default-${k}`, true)]);
    assert.equal((await signOff(plain, sessions.reviewer)).body.data.nextReviewDue, addMonths(today(), 12));
  });

  it('refuses a sign-off by an Author, an Editor or a Super Admin not linked to a reviewer (403)', async () => {
    const documentId = await publishedArticle(`sign-off-refused-${ctx.kind}`, [
      await topic(`review-refused-${ctx.kind}`, true),
    ]);
    for (const [who, session] of [
      ['an Author', sessions.author],
      ['an Editor', ctx.editor],
      ['a Super Admin', sessions.superAdmin],
    ] as const) {
      const res = await signOff(documentId, session);
      assert.equal(res.status, 403, `${who}: ${res.text}`);
      assert.match(res.body.error.message, /medical reviewer/, who);
    }
    assert.equal((await signOff(documentId)).status, 401, 'no session');

    // Nor can an Editor make themselves a reviewer: the link is not theirs to set.
    const linkTo = async (session: AdminSession, email: string) =>
      send('PUT', cm('api::author.author', `/${reviewerAuthor}`), { adminEmail: email }, await session.accessToken());
    const linked = async () =>
      (
        await getJson<One<{ adminEmail: string | null }>>(
          cm('api::author.author', `/${reviewerAuthor}`),
          await sessions.superAdmin.accessToken(),
        )
      ).body.data.adminEmail;
    await linkTo(ctx.editor, exampleEnv('EDITOR_EMAIL'));
    assert.equal(await linked(), exampleEnv('REVIEWER_EMAIL'), 'the Editor could not move the link');
    assert.equal((await signOff(documentId, ctx.editor)).status, 403);
    assert.equal((await draft(documentId)).lastReviewedAt, null, 'nothing was recorded');
    assert.deepEqual(
      (await history(documentId)).map((r) => r.kind),
      ['published'],
    );
    assert.equal((await signOff('nosuchdocument0000000000', sessions.reviewer)).status, 404);
  });

  it('flags a substantive update of a health-topic article for review, not a minor one or a non-health topic', async () => {
    const k = ctx.kind;
    const health = await publishedArticle(`review-flag-${k}`, [await topic(`review-flag-${k}`, true)]);
    assert.equal((await signOff(health, sessions.reviewer)).status, 200);

    assert.equal((await publish(health, { title: `Test review-flag-${k}, typo`, updateKind: 'minor' })).status, 200);
    assert.equal((await draft(health)).reviewRequired, false, 'a minor publish needs no review');

    assert.equal((await publish(health, { body: paragraph('New advice on the dose.') })).status, 200);
    assert.equal((await draft(health)).reviewRequired, true, 'a substantive publish after the sign-off does');
    assert.equal((await ctx.editor.updateArticle(health, { reviewRequired: false })).status, 200);
    assert.equal((await draft(health)).reviewRequired, true, 'a save does not clear it');
    const due = await getJson<{ data: ReviewDue[] }>(
      `${ctx.cms.url}/nourish-editorial/reviews-due`,
      await sessions.reviewer.accessToken(),
    );
    assert.equal(due.status, 200, 'reviewers see the reviews due');
    assert.deepEqual(
      [due.body.data[0]?.reviewRequired, due.body.data.find((d) => d.documentId === health)?.reviewRequired],
      [true, true],
      'flagged articles come first',
    );

    assert.equal((await signOff(health, sessions.reviewer)).status, 200);
    assert.equal((await draft(health)).reviewRequired, false, 'a sign-off clears it');
    // A reviewer signs off the edited draft before it goes out: publishing it needs no new review.
    assert.equal((await ctx.editor.updateArticle(health, { body: paragraph('Reviewed advice.') })).status, 200);
    assert.equal((await signOff(health, sessions.reviewer)).status, 200);
    assert.equal((await ctx.editor.publishArticle(health)).status, 200);
    assert.equal((await draft(health)).reviewRequired, false, 'the reviewed content went out');

    const other = await publishedArticle(`review-nonhealth-${k}`, [await topic(`review-nonhealth-${k}`, false)]);
    assert.equal((await publish(other, { body: paragraph('A new recipe.') })).status, 200);
    assert.equal((await draft(other)).reviewRequired, false, 'not a health topic');
  });

  it('records each substantive publish in the history, corrections with their note, and consumes the note', async () => {
    const slug = `history-${ctx.kind}`;
    const doc = await ctx.newArticle(slug);
    assert.equal((await ctx.editor.publishArticle(doc.documentId)).status, 200);
    const id = doc.documentId;

    const refused = await publish(id, { title: `Test ${slug}, corrected`, updateKind: 'correction' });
    assert.equal(refused.status, 400, refused.text);
    assert.match((refused.body as ErrorBody).error.message, /correction needs a change note/);

    const note = 'Corrected the recommended daily dose';
    assert.equal((await publish(id, { updateKind: 'correction', changeNote: note })).status, 200);
    const afterCorrection = await draft(id);
    assert.deepEqual([afterCorrection.updateKind, afterCorrection.changeNote], ['detect', null], 'consumed');

    assert.equal((await publish(id, { coverAlt: 'A better cover description' })).status, 200, 'minor');
    assert.equal((await publish(id, { body: paragraph('More detail.'), changeNote: 'Added a section' })).status, 200);
    assert.equal((await publish(id, { body: paragraph('Even more detail.') })).status, 200);

    assert.deepEqual(
      (await history(id)).map((r) => `${r.kind}: ${r.note ?? ''}`),
      ['published: First published', `corrected: ${note}`, 'updated: Added a section', 'updated: Updated'],
    );
    const all = await getJson<Page<Record<string, unknown>>>(ctx.api(`/articles?filters[slug][$eq]=${slug}`));
    assert.equal(all.status, 200, all.text);
    assert.equal('changeNote' in (all.body.data[0] ?? {}), false, 'the change note is private');
  });
};

/**
 * The "Updated" date readers see moves only on a substantive publish: a change to the title,
 * standfirst, body or references, or one the editor marks as substantive; a typo fix marked minor
 * and a change to anything else (cover text, rails) keep it.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { getJson, type One, type Page } from '../helpers/http';
import type { CmsContext } from '../helpers/cms-suite';
import { first } from '../helpers/found';
import { paragraph } from '../helpers/test-article';

type Dated = { title: string; firstPublishedAt: string | null; contentUpdatedAt: string | null; updatedAt: string };

export const contentDateTests = (ctx: CmsContext) => {
  const { api, newArticle } = ctx;
  const live = async (slug: string) => {
    const res = await getJson<{ data: Dated }>(api(`/articles/by-slug/${slug}`));
    assert.equal(res.status, 200, res.text);
    return res.body.data;
  };
  const publish = async (documentId: string, data: Record<string, unknown>) => {
    assert.equal((await ctx.editor.updateArticle(documentId, data)).status, 200);
    assert.equal((await ctx.editor.publishArticle(documentId)).status, 200);
  };
  const draftKind = async (documentId: string) => {
    const res = await getJson<One<{ updateKind: string }>>(
      `${ctx.cms.url}/content-manager/collection-types/api::article.article/${documentId}`,
      await ctx.editor.accessToken(),
    );
    assert.equal(res.status, 200, res.text);
    return res.body.data.updateKind;
  };

  it('moves "Updated" on a substantive publish only, and resets the kind for the next one', async () => {
    const slug = `content-dates-${ctx.kind}`;
    const doc = await newArticle(slug);
    assert.equal((await ctx.editor.publishArticle(doc.documentId)).status, 200);
    const published = await live(slug);
    assert.equal(published.contentUpdatedAt, published.firstPublishedAt, 'first publish: updated = published');

    await publish(doc.documentId, { coverAlt: 'A clearer description of the cover' });
    const coverOnly = await live(slug);
    assert.notEqual(coverOnly.updatedAt, published.updatedAt, 'the publish did write the row');
    assert.equal(coverOnly.contentUpdatedAt, published.contentUpdatedAt, 'cover text is not a content update');

    await publish(doc.documentId, { title: `Test ${slug}, typo fixed`, updateKind: 'minor' });
    const typo = await live(slug);
    assert.equal(typo.title, `Test ${slug}, typo fixed`);
    assert.equal(typo.contentUpdatedAt, published.contentUpdatedAt, 'a minor publish keeps the date');
    assert.equal(await draftKind(doc.documentId), 'detect', 'the kind applies to one publish');

    await publish(doc.documentId, { body: paragraph('New evidence changes the advice in this article.') });
    const substantive = await live(slug);
    assert.ok(
      (substantive.contentUpdatedAt ?? '') > (published.contentUpdatedAt ?? ''),
      `a body change moves the date: ${substantive.contentUpdatedAt} after ${published.contentUpdatedAt}`,
    );

    await publish(doc.documentId, { updateKind: 'substantive' });
    const marked = await live(slug);
    assert.ok((marked.contentUpdatedAt ?? '') > (substantive.contentUpdatedAt ?? ''), 'marked substantive moves it');
  });

  it('keeps the first publication date through admin saves (which send it back), and takes a correction', async () => {
    const slug = `first-published-${ctx.kind}`;
    const stamped = '2025-06-02T08:00:00.000Z';
    const doc = await newArticle(slug, { firstPublishedAt: stamped });
    assert.equal((await ctx.editor.publishArticle(doc.documentId)).status, 200);
    // What the admin's form sends on save: every field, the unchanged date among them.
    await publish(doc.documentId, { title: `Test ${slug}, edited`, firstPublishedAt: stamped });
    assert.equal((await live(slug)).firstPublishedAt, stamped, 'an edit is not a first publication');
    await publish(doc.documentId, { firstPublishedAt: null });
    assert.equal((await live(slug)).firstPublishedAt, stamped, 'set once: clearing it keeps it');
    const corrected = '2025-05-30T08:00:00.000Z';
    await publish(doc.documentId, { firstPublishedAt: corrected });
    assert.equal((await live(slug)).firstPublishedAt, corrected, 'an editor may correct it');
  });

  it('sends the content date to the public and keeps the update kind private', async () => {
    const slug = `content-dates-${ctx.kind}`;
    const res = await getJson<Page<Record<string, unknown>>>(
      api(`/articles?filters[slug][$eq]=${slug}&fields[0]=contentUpdatedAt&fields[1]=slug`),
    );
    assert.equal(res.status, 200, res.text);
    const row = first(res.body.data, slug);
    assert.equal(typeof row.contentUpdatedAt, 'string');
    const all = await getJson<Page<Record<string, unknown>>>(api(`/articles?filters[slug][$eq]=${slug}`));
    assert.equal('updateKind' in first(all.body.data, slug), false, 'updateKind is editorial, not public');
  });
};

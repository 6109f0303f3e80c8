/**
 * GET /api/sitemap/articles(/:page): the site's sitemap files. Every published article appears
 * exactly once, with its published version's contentUpdatedAt (the date readers see); drafts never do; bad pages are refused.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { getJson, type ErrorBody, type Page } from '../helpers/http';
import type { CmsContext } from '../helpers/cms-suite';

type Stamp = { slug: string; contentUpdatedAt: string | null };
type Summary = { meta: { pagination: { pageSize: number; pageCount: number; total: number } } };

/** Every published article's slug and contentUpdatedAt through the generic REST find (all pages). */
const restStamps = async (api: CmsContext['api']) => {
  const stamps = new Map<string, string | null>();
  for (let page = 1; ; page += 1) {
    const res = await getJson<Page<Stamp>>(
      api(`/articles?fields[0]=slug&fields[1]=contentUpdatedAt&pagination[pageSize]=100&pagination[page]=${page}`),
    );
    assert.equal(res.status, 200, res.text);
    for (const row of res.body.data) stamps.set(row.slug, row.contentUpdatedAt);
    if (page >= res.body.meta.pagination.pageCount) return stamps;
  }
};

export const articleSitemapTests = (ctx: CmsContext) => {
  const { api } = ctx;

  it('lists every published article once, with the contentUpdatedAt the REST find reports', async () => {
    const draft = await ctx.newArticle('sitemap-draft-only');
    assert.ok(draft);
    const summary = await getJson<Summary>(api('/sitemap/articles'));
    assert.equal(summary.status, 200, summary.text);
    const expected = await restStamps(api);
    assert.equal(summary.body.meta.pagination.total, expected.size);
    assert.equal(
      summary.body.meta.pagination.pageCount,
      Math.max(1, Math.ceil(expected.size / summary.body.meta.pagination.pageSize)),
    );

    const listed: Stamp[] = [];
    for (let page = 1; page <= summary.body.meta.pagination.pageCount; page += 1) {
      const res = await getJson<Page<Stamp>>(api(`/sitemap/articles/${page}`));
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.meta.pagination.page, page);
      listed.push(...res.body.data);
    }
    assert.equal(listed.length, expected.size);
    assert.equal(new Set(listed.map((s) => s.slug)).size, listed.length, 'no article twice');
    for (const stamp of listed) assert.equal(stamp.contentUpdatedAt, expected.get(stamp.slug), stamp.slug);
    assert.ok(!listed.some((s) => s.slug === 'sitemap-draft-only'), 'drafts are not listed');
  });

  it('answers 404 past the last page and 400 for a page that is not a whole number from 1', async () => {
    const summary = await getJson<Summary>(api('/sitemap/articles'));
    const past = await getJson<ErrorBody>(api(`/sitemap/articles/${summary.body.meta.pagination.pageCount + 1}`));
    assert.equal(past.status, 404, past.text);
    for (const bad of ['0', '-1', 'abc', '1.5', '01']) {
      const res = await getJson<ErrorBody>(api(`/sitemap/articles/${bad}`));
      assert.equal(res.status, 400, `${bad}: ${res.text}`);
      assert.match(res.body.error.message, /page/);
    }
  });
};

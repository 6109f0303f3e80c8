/**
 * GET /api/articles/by-slug/:slug, the one-statement read model of the article page, must answer
 * exactly what the generic REST find with the site's populate answers, for every article.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { articleBySlugQuery } from '@nourish/content';

import { readArticleFiles } from '../../src/seed/run';
import { getJson, type ErrorBody, type Page } from '../helpers/http';
import { CONTENT_DIR, TOKEN, type CmsContext } from '../helpers/cms-suite';
import { first } from '../helpers/found';
import { siteUrl } from '../helpers/site-queries';

type Json = Record<string, unknown>;

/** Row ids and document ids of nested records are storage details; body component ids are kept. */
const contract = (article: Json): Json => {
  const strip = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(strip)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => k !== 'id' && k !== 'documentId')
              .map(([k, x]) => [k, strip(x)]),
          )
        : v;
  const { body, ...rest } = article as { body: Json[] };
  return {
    ...(strip(rest) as Json),
    documentId: article.documentId,
    body: body.map((c) => ({ ...(strip(c) as Json), id: c.id })),
  };
};

export const articlePageTests = (ctx: CmsContext) => {
  const { api } = ctx;

  it('answers exactly what the REST find with the site populate answers, for every article', async () => {
    const slugs = await getJson<Page<{ slug: string }>>(api('/articles?fields[0]=slug&pagination[pageSize]=100'));
    assert.ok(slugs.body.data.length >= 24);
    for (const { slug } of slugs.body.data) {
      const rest = await getJson<Page<Json>>(api(siteUrl('/articles', articleBySlugQuery(slug))), TOKEN);
      const page = await getJson<{ data: Json }>(api(`/articles/by-slug/${slug}`), TOKEN);
      assert.equal(rest.status, 200, rest.text);
      assert.equal(page.status, 200, page.text);
      // The history is no article attribute (its own records): compared in the next test.
      const { history, ...article } = page.body.data;
      assert.ok(Array.isArray(history), `${slug} has a history list`);
      assert.deepEqual(contract(article), contract(first(rest.body.data, `${slug} in the REST find`)), slug);
      assert.ok((page.body.data.body as unknown[]).length > 0, `${slug} has a body`);
    }
  });

  it('is public, answers 404 for drafts and unknown slugs, and 400 for impossible ones', async () => {
    const draft = await ctx.newArticle('read-model-draft-only');
    assert.ok(draft);
    const hidden = await getJson<ErrorBody>(api('/articles/by-slug/read-model-draft-only'));
    assert.equal(hidden.status, 404);
    assert.equal((await getJson(api('/articles/by-slug/no-such-article'))).status, 404);
    const bad = await getJson<ErrorBody>(api('/articles/by-slug/Not_A_Slug'));
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /slug/);
    const ok = await getJson<{ data: { slug: string } }>(api('/articles/by-slug/magnesium-glycinate'));
    assert.equal(ok.status, 200);
    assert.equal(ok.body.data.slug, 'magnesium-glycinate');
  });

  it('embeds the history readers see: newest first, hidden entries and who recorded them left out', async () => {
    const files = await readArticleFiles(CONTENT_DIR);
    const withHistory = files.filter((file) => file.history.length > 0);
    assert.ok(withHistory.length >= 6, `${withHistory.length} demo articles with history`);
    assert.ok(
      withHistory.some((file) => file.history.some((entry) => !entry.show)),
      'the demo has a hidden entry to leave out',
    );
    for (const file of files) {
      const page = await getJson<{ data: { history: Json[] } }>(api(`/articles/by-slug/${file.slug}`));
      assert.equal(page.status, 200, page.text);
      assert.doesNotMatch(page.text, /recordedBy|showToReaders|demo seed/, `${file.slug}: nothing private`);
      const history = page.body.data.history;
      // The seed's publish records the first publication itself, dated like the article; last, as the oldest.
      assert.deepEqual(
        history.filter((entry) => entry.kind === 'published').map((entry) => entry.occurredAt),
        [`${file.publishedAt}T08:00:00.000Z`],
        `${file.slug}: one first publication`,
      );
      assert.equal(history.at(-1)?.kind, 'published', `${file.slug}: first publication last`);
      const expected = file.history
        .filter((entry) => entry.show)
        .reverse()
        .map((entry) => ({
          kind: entry.kind,
          occurredAt: `${entry.date}T08:00:00.000Z`,
          note: entry.note ?? null,
          reviewer: entry.reviewer ?? null,
        }));
      const actual = history
        .filter((entry) => entry.kind !== 'published')
        .map((entry) => ({ ...entry, reviewer: (entry.reviewer as { slug: string } | null)?.slug ?? null }));
      assert.deepEqual(actual, expected, file.slug);
    }
    const magnesium = await getJson<{ data: { history: Array<{ reviewer: Json | null }> } }>(
      api('/articles/by-slug/magnesium-glycinate'),
    );
    assert.deepEqual(
      magnesium.body.data.history.map((entry) => entry.reviewer).find(Boolean),
      { name: 'Lena Marsh', slug: 'lena-marsh', credentials: 'RD, MSc' },
      'a review names its reviewer, without an avatar',
    );
  });

  it('reads the page in the same number of statements with and without history', async () => {
    const statements = async (slug: string) => {
      const res = await fetch(api(`/articles/by-slug/${slug}`));
      assert.equal(res.status, 200);
      return Number(res.headers.get('x-sql-statements'));
    };
    const withHistory = await statements('magnesium-glycinate');
    const without = await statements('alcohol-sleep-and-mood');
    assert.ok(Number.isInteger(without) && without >= 1 && without <= 2, `${without} statements`);
    assert.equal(withHistory, without);
  });
};

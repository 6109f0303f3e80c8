/**
 * GET /api/articles/by-slug/:slug, the one-statement read model of the article page, must answer
 * exactly what the generic REST find with the site's populate answers, for every article.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { articleBySlugQuery } from '@nourish/content';

import { getJson, type ErrorBody, type Page } from '../helpers/http';
import { TOKEN, type CmsContext } from '../helpers/cms-suite';
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
      assert.deepEqual(contract(page.body.data), contract(first(rest.body.data, `${slug} in the REST find`)), slug);
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
};

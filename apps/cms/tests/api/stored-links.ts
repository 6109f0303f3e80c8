/**
 * Stored data that passed validation but does not parse (a curated link to `https://%`) must not
 * turn the related route or the article page into a 500: the item is dropped and logged.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import type { RawRelated } from '@nourish/content/schemas';

import { getJson } from '../helpers/http';
import type { CmsContext } from '../helpers/cms-suite';
import { first } from '../helpers/found';

const UNPARSEABLE = ['https://%', 'http://['];

export const storedLinkTests = (ctx: CmsContext) => {
  it('drops curated links whose URL does not parse, and still serves the rails and the page', async () => {
    const slug = `broken-links-${ctx.kind}`;
    const good = 'https://www.nhs.uk/live-well/';
    const doc = await ctx.newArticle(slug, {
      recommended: [
        ...UNPARSEABLE.map((url) => ({ url, label: `Broken ${url}` })),
        { url: good, label: 'NHS: Live well' },
      ],
      references: [{ title: 'A source with a broken link', url: UNPARSEABLE[0] }],
    });
    const published = await ctx.editor.publishArticle(doc.documentId);
    assert.equal(published.status, 200, `the admin accepts these URLs (the regex allows them): ${published.text}`);

    const rails = await getJson<RawRelated>(ctx.api(`/articles/${slug}/related`));
    assert.equal(rails.status, 200, rails.text);
    assert.deepEqual(
      rails.body.data.recommended.map((item) => (item.kind === 'external' ? item.url : item.article.slug)),
      [good],
      'the unparseable links are dropped, the good one kept',
    );
    assert.match(ctx.cms.output(), /dropped a recommended link whose URL does not parse/);

    const page = await getJson<{ data: { slug: string; references: Array<{ title: string; url: string | null }> } }>(
      ctx.api(`/articles/by-slug/${slug}`),
    );
    assert.equal(page.status, 200, page.text);
    // The read model passes stored text through like the REST find; the site's safeHref drops the link.
    assert.equal(first(page.body.data.references, 'reference').title, 'A source with a broken link');
  });
};

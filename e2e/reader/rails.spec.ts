import { expect, test } from '@playwright/test';
import { DEMO_ARTICLE, open, relatedFromApi } from './support';

test.describe('related rails on an article', () => {
  test('"Recommended for you" shows the curated picks in the API order, above the title', async ({ page }) => {
    const api = await relatedFromApi(DEMO_ARTICLE);
    expect(api.recommended.length, 'the demo article has curated picks').toBeGreaterThan(0);
    await open(page, `/articles/${DEMO_ARTICLE}`);

    const rail = page.getByRole('complementary', { name: 'Recommended for you' });
    const links = rail.getByRole('link');
    await expect(links).toHaveCount(api.recommended.length);
    const expected = api.recommended.map((item) =>
      item.kind === 'article' ? `/articles/${item.article.slug}` : item.url,
    );
    const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expected);

    // "near the top": the rail comes before the article's H1 in the document.
    const railBeforeTitle = await page.evaluate(() => {
      const railEl = document.querySelector('[data-rail="recommended"]');
      const h1 = document.querySelector('h1');
      return Boolean(railEl && h1 && railEl.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(railBeforeTitle).toBe(true);
  });

  test('an external pick is marked as external and opens safely', async ({ page }) => {
    const api = await relatedFromApi(DEMO_ARTICLE);
    const external = api.recommended.find((item) => item.kind === 'external');
    if (!external || external.kind !== 'external') throw new Error('the demo article needs an external curated pick');
    await open(page, `/articles/${DEMO_ARTICLE}`);
    const link = page.getByRole('complementary', { name: 'Recommended for you' }).locator(`a[href="${external.url}"]`);
    await expect(link).toHaveCount(1);
    await expect(link).toHaveAttribute('rel', /noopener/);
    await expect(link).toHaveAttribute('rel', /noreferrer/);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toContainText(external.label);
    await expect(link).toContainText(/external site/i);
    expect(new URL(external.url).origin).not.toBe(new URL(page.url()).origin);
  });

  test('"You may also like" lists the API picks in order, after the disclaimer', async ({ page }) => {
    const api = await relatedFromApi(DEMO_ARTICLE);
    await open(page, `/articles/${DEMO_ARTICLE}`);
    const hrefs = await page
      .getByRole('region', { name: 'You may also like' })
      .locator('h3 a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(api.alsoLike.map((article) => `/articles/${article.slug}`));
    const order = await page.evaluate(() => {
      const disclaimer = document.querySelector('#disclaimer-heading');
      const alsoLike = document.querySelector('[data-rail="also-like"]');
      return Boolean(
        disclaimer && alsoLike && disclaimer.compareDocumentPosition(alsoLike) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    });
    expect(order).toBe(true);
  });
});

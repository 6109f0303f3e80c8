import { expect, test } from '@playwright/test';
import { DEMO_ARTICLE, relatedFromApi, site } from './support';

test.use({ javaScriptEnabled: false });

test('with JavaScript off, an article renders in full with both rails', async ({ page }) => {
  const api = await relatedFromApi(DEMO_ARTICLE);
  const response = await page.goto(site(`/articles/${DEMO_ARTICLE}`));
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.getByRole('complementary', { name: 'Recommended for you' }).getByRole('link')).toHaveCount(
    api.recommended.length,
  );
  await expect(page.getByRole('region', { name: 'You may also like' }).locator('h3 a')).toHaveCount(
    api.alsoLike.length,
  );
  await expect(page.getByRole('navigation', { name: 'In this article' }).getByRole('link').first()).toBeVisible();
  await expect(page.locator('#references-heading')).toBeVisible();
  await expect(page.locator('#history-heading')).toBeVisible();
  await expect(page.locator('#disclaimer-heading')).toBeVisible();
  await expect(page.locator('main img').first()).toBeVisible();
  // Table-of-contents anchors resolve to headings in the body.
  const anchors = await page
    .getByRole('navigation', { name: 'In this article' })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const anchor of anchors) await expect(page.locator(`${anchor}`)).toHaveCount(1);
});

test('with JavaScript off, the search form submits and results render on the server', async ({ page }) => {
  await page.goto(site('/'));
  await page.getByRole('searchbox').first().fill('magnesium');
  await page.getByRole('button', { name: 'Search' }).first().click();
  await expect(page).toHaveURL(/\/search\?q=magnesium/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
  // Either results or the explained "unavailable" state: never a crash.
  await expect(page.getByText(/match|temporarily unavailable/i).first()).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { site } from './support';

for (const path of [
  '/articles/this-article-does-not-exist',
  '/topics/no-such-topic',
  '/authors/no-such-author',
  '/no/such/page',
]) {
  test(`${path} answers 404 with a helpful page`, async ({ page }) => {
    const response = await page.goto(site(path));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/can.t find/i);
    await expect(page.getByRole('link', { name: /home page/i })).toBeVisible();
    await expect(page.getByRole('searchbox').first()).toBeVisible();
  });
}

test('a page number past the end is a 404, not an empty page', async ({ page }) => {
  const response = await page.goto(site('/topics/sleep/page/999'));
  expect(response?.status()).toBe(404);
});

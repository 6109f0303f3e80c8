import { expect, test } from '@playwright/test';
import { site } from './support';

for (const path of ['/articles/this-article-does-not-exist', '/topics/no-such-topic', '/authors/no-such-author', '/no/such/page']) {
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

test('listing pages live in the path: the old ?page= addresses and /page/1 redirect there', async () => {
  const redirects: Array<[from: string, to: string]> = [
    ['/topics/sleep?page=2', '/topics/sleep/page/2'],
    ['/authors/amara-okafor?page=3', '/authors/amara-okafor/page/3'],
    ['/topics/sleep?page=1', '/topics/sleep'],
    ['/topics/sleep/page/1', '/topics/sleep'],
  ];
  for (const [from, to] of redirects) {
    const response = await fetch(site(from), { redirect: 'manual' });
    expect(response.status, from).toBe(308);
    const location = new URL(response.headers.get('location') ?? '', site('/'));
    expect(`${location.pathname}${location.search}`, from).toBe(to);
  }
});

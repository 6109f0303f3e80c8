/**
 * Listing pages live in the path (`/authors/x/page/2`), one cacheable URL each: the pagination
 * links, canonical URLs and the redirects from the old `?page=N` addresses.
 */
import { expect, test } from '@playwright/test';

import { site } from './support';

test("a listing's next and previous links lead to /page/N pages with their own canonical URL", async ({ page }) => {
  await page.goto(site('/authors/amara-okafor'));
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /next/i }).click();
  await expect(page).toHaveURL(site('/authors/amara-okafor/page/2'));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', site('/authors/amara-okafor/page/2'));
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText('Page 2 of');
  await page
    .getByRole('navigation', { name: 'Pagination' })
    .getByRole('link', { name: /previous/i })
    .click();
  await expect(page).toHaveURL(site('/authors/amara-okafor'));
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

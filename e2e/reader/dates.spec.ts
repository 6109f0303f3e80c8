/**
 * Readers see honest dates: "Updated" and JSON-LD dateModified come from the last substantive
 * update in the demo content (front matter `updatedAt`), never from when the seed wrote the row;
 * an article never updated shows no "Updated" line.
 */
import { expect, test, type Page } from '@playwright/test';

import { demoArticle } from '../fixtures/demo-content';
import { open, site } from './support';

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

const dateModified = async (page: Page) => {
  const nodes = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
    (text) => JSON.parse(text) as { dateModified?: string; datePublished?: string },
  );
  const article = nodes.find((node) => node.dateModified);
  expect(article, 'an Article node with dateModified').toBeTruthy();
  return { modified: String(article?.dateModified), published: String(article?.datePublished) };
};

test('an updated article shows its last substantive update, in the page, JSON-LD and sitemap', async ({ page }) => {
  const slug = 'magnesium-glycinate';
  const { publishedAt, updatedAt } = demoArticle(slug);
  expect(updatedAt && publishedAt && updatedAt > publishedAt, 'the demo article was updated after publication').toBe(
    true,
  );
  if (!updatedAt) return;
  await open(page, `/articles/${slug}`);
  const updated = page.locator('header dl div', { has: page.locator('dt', { hasText: /^Updated$/ }) });
  await expect(updated.locator('dd')).toHaveText(longDate(updatedAt));
  expect((await dateModified(page)).modified.slice(0, 10)).toBe(updatedAt);

  const sitemap = await (await page.request.get(site('/sitemaps/articles-1.xml'))).text();
  const entry = new RegExp(`<loc>[^<]*/articles/${slug}</loc><lastmod>([^<]+)</lastmod>`).exec(sitemap);
  expect(entry?.[1]?.slice(0, 10), 'sitemap lastmod').toBe(updatedAt);
});

test('an article never updated shows no "Updated" line and dateModified equals datePublished', async ({ page }) => {
  const slug = 'alcohol-sleep-and-mood';
  const { publishedAt, updatedAt } = demoArticle(slug);
  expect(updatedAt, 'this demo article has no later update').toBeUndefined();
  await open(page, `/articles/${slug}`);
  await expect(page.locator('header dl dt', { hasText: /^Published$/ })).toHaveCount(1);
  await expect(page.locator('header dl dt', { hasText: /^Updated$/ })).toHaveCount(0);
  const { modified, published } = await dateModified(page);
  expect(modified).toBe(published);
  expect(modified.slice(0, 10)).toBe(publishedAt);
});

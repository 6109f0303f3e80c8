import { expect, test } from '@playwright/test';
import { open } from './support';

test('a reader goes home -> topic -> article -> "You may also like" -> that article', async ({ page }) => {
  await open(page, '/');
  await expect(page.locator('h1')).toHaveCount(1);

  // Home -> a topic from the main navigation.
  const topicLink = page.getByRole('navigation', { name: 'Topics' }).getByRole('link').first();
  const topicName = (await topicLink.textContent())?.trim() ?? '';
  await topicLink.click();
  await expect(page).toHaveURL(/\/topics\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(topicName);

  // Topic -> its first article.
  const articleLink = page.locator('main article h3 a').first();
  const articleTitle = (await articleLink.textContent())?.trim() ?? '';
  await articleLink.click();
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(articleTitle);

  // Article -> a "You may also like" pick -> that article.
  const alsoLike = page.getByRole('region', { name: 'You may also like' });
  await expect(alsoLike).toBeVisible();
  const next = alsoLike.getByRole('link').first();
  const nextTitle = (await next.textContent())?.trim() ?? '';
  const nextHref = await next.getAttribute('href');
  expect(nextHref).toMatch(/^\/articles\/[a-z0-9-]+$/);
  await next.click();
  await expect(page).toHaveURL(new RegExp(`${nextHref}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nextTitle);
});

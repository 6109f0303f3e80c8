/**
 * The editorial panels in the real admin: the reviews-due widget on the home page (editors, not
 * authors) and the "Pinned elsewhere" panel in an article's edit view. Expectations come from the
 * demo seed (front matter, home.yaml), not from copies.
 */
import fs from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { ADMIN_ACCOUNTS, logInToAdmin } from '../fixtures/admin';
import { demoArticle, demoArticles } from '../fixtures/demo-content';
import { CMS_URL } from '../fixtures/env';

const ARTICLE_LIST = `${CMS_URL}/admin/content-manager/collection-types/api::article.article`;
const dueUntil = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

test('an editor finds the reviews due on the admin home page, soonest first, and opens one', async ({ page }) => {
  const due = demoArticles()
    .filter((article) => article.nextReviewDue && article.nextReviewDue <= dueUntil)
    .sort((a, b) => (a.nextReviewDue ?? '').localeCompare(b.nextReviewDue ?? '') || a.slug.localeCompare(b.slug));
  expect(due.length, 'the demo content has reviews due').toBeGreaterThan(0);
  const [soonest] = due;
  if (!soonest) return;

  await logInToAdmin(page, 'editor');
  const list = page.getByRole('list', { name: 'Reviews due' });
  await expect(list).toBeVisible({ timeout: 30_000 });
  await expect(list.getByRole('link')).toHaveText(due.map((article) => article.title));
  await expect(list.getByRole('listitem').first()).toContainText(
    (soonest.nextReviewDue ?? '') < new Date().toISOString().slice(0, 10) ? 'Overdue since' : 'Due',
  );

  // The same list as a content-manager view (a URL an editor can bookmark).
  await page.getByRole('link', { name: 'Open as a list' }).click();
  await expect(page).toHaveURL(/nextReviewDue/);
  for (const article of due) {
    await expect(page.getByRole('gridcell', { name: article.title, exact: true })).toBeVisible({ timeout: 30_000 });
  }
  // Only those: one row per due article plus the header row.
  await expect(page.getByRole('row')).toHaveCount(due.length + 1);
  await page.goBack();

  await list.getByRole('link', { name: soonest.title }).click();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(soonest.title, {
    timeout: 30_000,
  });
});

test('an Author gets no reviews-due widget', async ({ page }) => {
  await logInToAdmin(page, 'author');
  // The home page has rendered its widgets once the profile widget shows the Author's email.
  await expect(page.getByText(ADMIN_ACCOUNTS.author.email)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Reviews due' })).toHaveCount(0);
  await expect(page.getByText('Reviews due', { exact: true })).toHaveCount(0);
});

test('the edit view names the articles and home-page slots that pin this article', async ({ page }) => {
  const target = demoArticle('magnesium-glycinate');
  const recommenders = demoArticles().filter((article) => recommends(article.slug, target.slug));
  expect(recommenders.length, 'demo articles recommend the target').toBeGreaterThan(0);

  await logInToAdmin(page, 'editor');
  await page.goto(`${ARTICLE_LIST}?_q=${encodeURIComponent('Magnesium glycinate')}`);
  await page.getByRole('gridcell', { name: target.title }).click();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(target.title, {
    timeout: 30_000,
  });
  const panel = page.getByRole('list', { name: 'Pinned elsewhere' });
  await expect(panel).toBeVisible({ timeout: 30_000 });
  for (const article of recommenders) {
    await expect(panel.getByRole('link', { name: article.title }).first()).toBeVisible();
  }
  if (homeFeatures(target.slug)) await expect(panel).toContainText('Home page: featured articles');
});

const SEED = path.resolve(__dirname, '../../apps/cms/src/seed/content');
/** Whether a demo article's front matter lists `target` in its "recommended" block. */
const recommends = (slug: string, target: string) => {
  const text = fs.readFileSync(path.join(SEED, 'articles', `${slug}.md`), 'utf8');
  // The block runs from "recommended:" to the next top-level key.
  const block = /^recommended:\n((?:[ -].*\n)*)/m.exec(text)?.[1] ?? '';
  return block.split('\n').some((line) => line.trim() === `- article: ${target}`);
};
const homeFeatures = (slug: string) =>
  new RegExp(`^  - ${slug}$`, 'm').test(fs.readFileSync(path.join(SEED, 'home.yaml'), 'utf8'));

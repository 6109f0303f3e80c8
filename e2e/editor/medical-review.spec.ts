/**
 * Medical review sign-off in the real admin: the demo reviewer (linked to a medical-reviewer
 * author) sees the reviews due and signs off an article from its edit view; an Author gets no
 * sign-off button, and the route refuses the Author's direct call.
 */
import { expect, test, type Page } from '@playwright/test';

import { ADMIN_ACCOUNTS, logInToAdmin } from '../fixtures/admin';
import { editorApi, paragraphs } from '../fixtures/cms-admin-api';
import { CMS_URL } from '../fixtures/env';

const stamp = Date.now().toString(36);
const EDIT_VIEW = `${CMS_URL}/admin/content-manager/collection-types/api::article.article`;
/** The demo reviewer account is linked to this author (apps/cms/src/bootstrap/demo-reviewer.ts). */
const REVIEWER_NAME = 'Amara Okafor';

const day = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
/** Today plus calendar months, the 31st clamped to a shorter month's last day (as the CMS does). */
const inMonths = (months: number) => {
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, Math.min(now.getUTCDate(), last)));
};

const article = async (account: 'editor' | 'author', slug: string) => {
  const api = await editorApi(ADMIN_ACCOUNTS[account]);
  const { documentId } = await api.createArticle({
    title: `Review test ${slug}`,
    slug,
    excerpt: 'Who needs a vitamin D supplement in the darker months, and how much.',
    coverAlt: 'No cover: a test article',
    body: [paragraphs([{ type: 'text', text: 'Sunlight is the main source of vitamin D.' }])],
  });
  return { api, documentId };
};

const openEditView = async (page: Page, documentId: string, title: string) => {
  await page.goto(`${EDIT_VIEW}/${documentId}`);
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title, { timeout: 30_000 });
  const panel = page.getByRole('region', { name: 'Medical review' });
  await expect(panel).toBeVisible({ timeout: 30_000 });
  return panel;
};

test('a reviewer sees the reviews due and signs off an article from its edit view', async ({ page }) => {
  const slug = `sign-off-${stamp}`;
  const { api, documentId } = await article('editor', slug);
  await api.publish(documentId);

  await logInToAdmin(page, 'reviewer');
  await expect(page.getByRole('list', { name: 'Reviews due' })).toBeVisible({ timeout: 30_000 });

  const panel = await openEditView(page, documentId, `Review test ${slug}`);
  await expect(panel.locator('[data-field="lastReviewedAt"]')).toHaveText('never');
  await panel.getByRole('button', { name: 'Sign off review' }).click();
  await expect(panel.locator('[data-field="lastReviewedAt"]')).toHaveText(`${day(new Date())} by ${REVIEWER_NAME}`);
  // No topic: the default interval of 12 months.
  await expect(panel.locator('[data-field="nextReviewDue"]')).toContainText(day(inMonths(12)));

  // Kept: a reload reads the same from the CMS.
  const reloaded = await openEditView(page, documentId, `Review test ${slug}`);
  await expect(reloaded.locator('[data-field="lastReviewedAt"]')).toHaveText(`${day(new Date())} by ${REVIEWER_NAME}`);
});

test('an Author gets no sign-off button, and the route refuses the Author', async ({ page }) => {
  const slug = `no-sign-off-${stamp}`;
  const { documentId } = await article('author', slug);

  await logInToAdmin(page, 'author');
  const panel = await openEditView(page, documentId, `Review test ${slug}`);
  await expect(panel.locator('[data-field="lastReviewedAt"]')).toHaveText('never');
  await expect(panel.getByRole('button', { name: 'Sign off review' })).toHaveCount(0);

  const login = await page.request.post(`${CMS_URL}/admin/login`, { data: ADMIN_ACCOUNTS.author });
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  const refused = await page.request.post(`${CMS_URL}/nourish-editorial/articles/${documentId}/sign-off`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/medical reviewer/);
});

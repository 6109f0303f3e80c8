/**
 * Honest "Updated" dates, as an editor works in the real admin: a typo fix published as "minor"
 * leaves the date readers see alone; a change to the standfirst published as usual moves it.
 */
import { expect, test, type Page } from '@playwright/test';

import { logInToAdmin } from '../fixtures/admin';
import { editorApi, paragraphs } from '../fixtures/cms-admin-api';
import { CMS_URL, SITE_URL } from '../fixtures/env';

const stamp = Date.now().toString(36);
const slug = `update-dates-${stamp}`;
const title = `Iron and tiredness, explaned ${stamp}`;
const fixedTitle = `Iron and tiredness, explained ${stamp}`;
const firstPublishedAt = '2025-06-02T08:00:00.000Z';
const EDIT_VIEW = `${CMS_URL}/admin/content-manager/collection-types/api::article.article`;

const longDate = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);

/** The "Updated" line a reader sees (null when there is none) and the page's title. */
const readerView = async (page: Page) => {
  const reader = await page.context().browser()!.newContext();
  try {
    const tab = await reader.newPage();
    const response = await tab.goto(`${SITE_URL}/articles/${slug}`);
    expect(response?.status()).toBe(200);
    const updated = tab.locator('header dl div', { has: tab.locator('dt', { hasText: /^Updated$/ }) });
    return {
      title: (await tab.locator('h1').textContent())?.trim(),
      updated: (await updated.count()) ? (await updated.locator('dd').textContent())?.trim() : null,
    };
  } finally {
    await reader.close();
  }
};

const publishInAdmin = async (page: Page) => {
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText(/^Published( document)?$/).first()).toBeVisible();
};

test.describe.serial('"Updated" dates in the real admin', () => {
  let page: Page;
  let documentId = '';

  test.beforeAll(async ({ browser }) => {
    const api = await editorApi();
    ({ documentId } = await api.createArticle({
      title,
      slug,
      excerpt: 'Why low iron can leave you tired, and when to ask for a blood test.',
      coverAlt: 'No cover: a test article',
      body: [paragraphs([{ type: 'text', text: 'Iron carries oxygen in the blood.' }])],
      firstPublishedAt,
    }));
    await api.publish(documentId);
    page = await browser.newPage();
    await logInToAdmin(page, 'editor');
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('a typo fix published as "minor" keeps the date readers see', async () => {
    await expect.poll(async () => (await readerView(page)).title, { timeout: 15_000 }).toBe(title);
    expect((await readerView(page)).updated, 'never updated: no "Updated" line').toBeNull();

    await page.goto(`${EDIT_VIEW}/${documentId}`);
    const titleBox = page.getByRole('textbox', { name: 'Title', exact: true });
    await expect(titleBox).toHaveValue(title, { timeout: 30_000 });
    await titleBox.fill(fixedTitle);
    await page.getByRole('combobox', { name: 'This publish is' }).click();
    await page.getByRole('option', { name: 'minor' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(/^Saved( document)?$/).first()).toBeVisible();
    await publishInAdmin(page);

    await expect.poll(async () => (await readerView(page)).title, { timeout: 15_000 }).toBe(fixedTitle);
    expect((await readerView(page)).updated, 'a minor publish moves nothing').toBeNull();
  });

  test('a new standfirst published as usual moves "Updated" to today', async () => {
    await page.goto(`${EDIT_VIEW}/${documentId}`);
    const standfirst = page.getByRole('textbox', { name: 'Standfirst', exact: true });
    await expect(standfirst).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('combobox', { name: 'This publish is' }), 'the kind is back to detect').toHaveText(
      /detect/,
    );
    await standfirst.fill('Low iron is a common cause of tiredness; new guidance changes who should be tested.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(/^Saved( document)?$/).first()).toBeVisible();
    await publishInAdmin(page);

    await expect.poll(async () => (await readerView(page)).updated, { timeout: 15_000 }).toBe(longDate(new Date()));
  });
});

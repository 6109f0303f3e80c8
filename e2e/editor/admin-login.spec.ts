import { expect, test } from '@playwright/test';

import { logInToAdmin } from '../fixtures/admin';
import { CMS_URL } from '../fixtures/env';

test.describe('admin login', () => {
  test('an editor logs in and finds the demo articles in the content manager', async ({ page }) => {
    await logInToAdmin(page, 'editor');
    await page.goto(`${CMS_URL}/admin/content-manager/collection-types/api::article.article?_q=glycinate`);
    await expect(page.getByRole('heading', { name: 'Article' })).toBeVisible();
    await expect(page.getByRole('gridcell', { name: 'magnesium-glycinate' })).toBeVisible();
  });

  test('an author logs in too, with the built-in Author role', async ({ page }) => {
    await logInToAdmin(page, 'author');
    await page.goto(`${CMS_URL}/admin/content-manager/collection-types/api::article.article`);
    await expect(page.getByRole('heading', { name: 'Article' })).toBeVisible();
  });

  test('a wrong password is refused with a message', async ({ page }) => {
    await page.goto(`${CMS_URL}/admin/auth/login`);
    await page.getByRole('textbox', { name: 'Email' }).fill('editor@nourish.local');
    await page.getByRole('textbox', { name: 'Password' }).fill('not-the-password-1A');
    await page.getByRole('button', { name: 'Login' }).click();
    await expect(page.getByText(/invalid credentials/i)).toBeVisible();
    await expect(page).toHaveURL(/auth\/login/);
  });
});

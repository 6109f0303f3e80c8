import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO_ARTICLE, site } from './support';

const pages = {
  home: '/',
  article: `/articles/${DEMO_ARTICLE}`,
  topic: '/topics/sleep',
  author: '/authors/amara-okafor',
  search: '/search?q=magnesium',
  'search (empty)': '/search',
  'not found': '/articles/this-article-does-not-exist',
};

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} colour scheme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, path] of Object.entries(pages)) {
      test(`${name} has no violations`, async ({ page }) => {
        await page.goto(site(path));
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(summary).toEqual([]);
      });
    }
  });
}

test('skip link moves focus to the main content', async ({ page }) => {
  await page.goto(site(`/articles/${DEMO_ARTICLE}`));
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  for (const landmark of ['banner', 'main', 'contentinfo'] as const)
    await expect(page.getByRole(landmark)).toHaveCount(1);
});

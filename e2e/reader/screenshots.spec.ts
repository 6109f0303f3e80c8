import { expect, test } from '@playwright/test';
import { DEMO_ARTICLE, open } from './support';

const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
};

for (const [device, viewport] of Object.entries(viewports)) {
  test.describe(device, () => {
    test.use({ viewport });
    for (const [name, path] of [
      ['home', '/'],
      ['article', `/articles/${DEMO_ARTICLE}`],
    ] as const) {
      test(`${name} screenshot`, async ({ page }, testInfo) => {
        await open(page, path);
        await page.waitForLoadState('networkidle');
        // The screenshot is for people; the layout checks are what can fail: nothing wider than
        // the viewport (no sideways scrolling on a phone), and the main content starts on the first screen.
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, `${path} scrolls sideways at ${viewport.width} px`).toBeLessThanOrEqual(viewport.width);
        await expect(page.locator('main')).toBeInViewport();
        await page.screenshot({ path: testInfo.outputPath(`${name}-${device}.png`), fullPage: true });
      });
    }
  });
}

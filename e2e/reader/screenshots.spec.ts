import { test } from '@playwright/test';
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
        await page.screenshot({ path: testInfo.outputPath(`${name}-${device}.png`), fullPage: true });
      });
    }
  });
}

/**
 * How many requests the site gets from one reader page view because of link prefetching: a
 * headless Chromium opens each page, scrolls it to the end at reading pace and waits for the
 * network to settle; every request carrying `RSC: 1` counts (each is a router fetch of another
 * page's payload; `x-nextjs-cache: MISS` on the answer means the server rendered it).
 *
 *   npx tsx scripts/prefetch-requests.ts /articles/magnesium-glycinate / /topics/sleep
 *
 * Against the e2e servers (E2E_SITE_PORT); start them with `npx tsx scripts/serve.ts`.
 */
import { chromium, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPath } from '@nourish/test-support';

import { SITE_URL } from '../fixtures/env';

async function main(paths: string[]) {
  if (paths.length === 0) throw new Error('usage: prefetch-requests.ts <path>...');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS] });
  try {
    console.log('| page | RSC requests | of them rendered (MISS) |');
    console.log('| --- | --- | --- |');
    for (const path of paths) {
      const context = await browser.newContext({ ...devices['Desktop Chrome'] });
      const page = await context.newPage();
      const rsc: Array<Promise<string>> = [];
      page.on('request', (request) => {
        if (request.headers()['rsc'] !== '1') return;
        rsc.push(request.response().then((response) => response?.headers()['x-nextjs-cache'] ?? 'none'));
      });
      await page.goto(new URL(path, SITE_URL).href, { waitUntil: 'load' });
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
          window.scrollTo(0, y);
          await new Promise((resolve) => setTimeout(resolve, 150));
        }
      });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1000);
      const caches = await Promise.all(rsc);
      console.log(`| ${path} | ${caches.length} | ${caches.filter((c) => c === 'MISS').length} |`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

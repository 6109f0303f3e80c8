import { expect, test, type Request } from '@playwright/test';
import { DEMO_ARTICLE, open } from './support';

/** A router fetch of another page's RSC payload (a prefetch or a client navigation). */
const isRouterFetch = (request: Request) => request.headers()['rsc'] === '1';

test('reading an article to the end prefetches nothing; pointing at a link prefetches that page only', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (isRouterFetch(request)) fetched.push(new URL(request.url()).pathname);
  });
  await open(page, `/articles/${DEMO_ARTICLE}`);

  // Every header, rail, body and footer link passes through the viewport.
  await page.evaluate(async () => {
    for (let y = 0; y <= document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  await page.waitForLoadState('networkidle');
  expect(fetched, 'router fetches caused by scrolling').toEqual([]);

  // Intent: the pointer over a topic in the header prefetches that page (Next sends no prefetch
  // for article links at all), and the click is a client navigation.
  const link = page.getByRole('navigation', { name: 'Topics' }).getByRole('link').first();
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/topics\/[a-z0-9-]+$/);
  const prefetch = page.waitForRequest((request) => isRouterFetch(request) && new URL(request.url()).pathname === href);
  await link.hover();
  await prefetch;
  expect(new Set(fetched), 'only the pointed-at page').toEqual(new Set([href]));

  const name = (await link.textContent())?.trim() ?? '';
  // A full page load would drop this marker.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  expect(await page.evaluate(() => 'sameDocument' in window), 'a client navigation').toBe(true);
});

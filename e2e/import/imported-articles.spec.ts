/**
 * Issue #15 on the rendered site: the HTML fixture corpus (apps/cms/tests/fixtures/import/html,
 * ten article pages shaped like the seed page, arranged ten ways, one page with no article)
 * imported with `pnpm run import --publish` into a fresh CMS while it serves, then read as a
 * reader: every imported article renders with its headings in the old page's order, both rails,
 * its figures loaded; every old URL redirects to the new one; a second run changes nothing.
 * The unit tests (apps/cms/tests/import-html.test.ts, importer.*.test.ts) check the fields.
 */
import fs from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import type { RunReport } from '../../apps/cms/src/importer/report';
import { ROOT } from '../fixtures/env';
import { DATA, IMPORT_SITE_URL, runImport, startImportStack, type ImportStack } from './stack';

test.describe.configure({ mode: 'serial' });

const FIXTURES = path.join(ROOT, 'apps/cms/tests/fixtures/import/html');
const REPORT = path.join(DATA, 'report.json');
const RAIL_LABELS = new Set(['Recommended for you', 'You may also like']);

let stack: ImportStack;
let report: RunReport;

const readReport = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as RunReport;

/** The old page's own H2 headings, in order (rail headings left out). */
const sourceHeadings = (file: string): string[] =>
  [...fs.readFileSync(file, 'utf8').matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)]
    .map((m) => m[1].replace(/&amp;/g, '&').trim())
    .filter((text) => !RAIL_LABELS.has(text.replace(/:$/, '')));

/** The fixture file an item came from: its canonical URL's last path segment names the file. */
const fileOf = (sourceKey: string): string | undefined => {
  const slug = new URL(sourceKey.replace(/^url:/, '')).pathname.split('/').filter(Boolean).pop();
  const file = path.join(FIXTURES, `${slug ?? ''}.html`);
  return fs.existsSync(file) ? file : undefined;
};

test.beforeAll(async () => {
  test.setTimeout(420_000);
  fs.rmSync(DATA, { recursive: true, force: true });
  stack = await startImportStack();
  const run = await runImport([FIXTURES, '--publish', '--report', REPORT]);
  // 2: some item failed (the page with no article), the rest imported.
  expect(run.code, run.output).toBe(2);
  report = readReport(REPORT);
});

test.afterAll(async () => {
  await stack?.stop();
});

test('imports every article page, reports the page with no article, and publishes them', () => {
  expect(report.totals.created, JSON.stringify(report.totals)).toBe(10);
  const failed = report.items.filter((item) => item.status === 'failed');
  expect(failed).toHaveLength(1);
  expect(failed[0]?.reason).toMatch(/no article found/);
  for (const item of report.items.filter((i) => i.status === 'created')) {
    expect(item.path, item.sourceKey).toMatch(/^\/articles\/[a-z0-9-]+$/);
  }
});

test('every imported article renders with its headings in order, both rails and its figures', async ({ page }) => {
  test.setTimeout(180_000);
  const created = report.items.filter((i) => i.status === 'created');
  let withHeadings = 0;
  for (const item of created) {
    const response = await page.goto(`${IMPORT_SITE_URL}${item.path ?? ''}`);
    expect(response?.status(), item.path).toBe(200);
    const rendered = (await page.locator('main h2').allTextContents()).map((t) => t.trim());
    const file = fileOf(item.sourceKey);
    expect(file, `fixture of ${item.sourceKey}`).toBeTruthy();
    const expected = sourceHeadings(file!);
    if (expected.length > 0) withHeadings++;
    // The old page's headings appear in the same order (the page adds its own: rails, references).
    let at = 0;
    for (const heading of rendered) if (heading === expected[at]) at++;
    expect(at, `${item.path}: ${JSON.stringify(expected)} in order within ${JSON.stringify(rendered)}`).toBe(
      expected.length,
    );
    // Every image on the page has loaded (figures and cover through the image optimizer).
    const images = page.locator('main img');
    for (let i = 0; i < (await images.count()); i++) {
      const image = images.nth(i);
      await image.scrollIntoViewIfNeeded();
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
          message: `${item.path}: image ${i} loads`,
        })
        .toBe(true);
    }
  }
  expect(withHeadings, 'pages whose H2 headings were checked').toBeGreaterThanOrEqual(5);
});

test('the seed-shaped page keeps both rails: internal links to the new slugs, external ones as they were', async ({
  page,
}) => {
  const pathOf = (slug: string) =>
    report.items.find((i) => i.sourceKey === `url:https://old.nourish.example/articles/${slug}/`)?.path ??
    report.items.find((i) => i.sourceKey.endsWith(`/articles/${slug}`))?.path;
  const iron = pathOf('iron-and-vitamin-c');
  expect(iron, 'the iron page was imported').toBeTruthy();
  await page.goto(`${IMPORT_SITE_URL}${iron!}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pairing iron with vitamin C');
  const recommended = page.locator('[data-rail="recommended"]');
  await expect(recommended.locator(`a[href="${pathOf('fibre-and-gut-health')!}"]`)).toHaveCount(1);
  await expect(recommended.getByRole('link', { name: 'Iron-rich recipes for every day' })).toHaveAttribute(
    'href',
    'https://example.org/iron-rich-recipes',
  );
  const alsoLike = page.locator('[data-rail="also-like"]');
  for (const slug of ['vitamin-d-winter', 'protein-at-breakfast']) {
    await expect(alsoLike.locator(`a[href="${pathOf(slug)!}"]`), `${slug} pinned`).toHaveCount(1);
  }
  await expect(page.locator('main img[alt="A bowl of lentil salad with peppers"]')).toBeVisible();
  await expect(page.getByText('Lentils and red pepper: iron and vitamin C on one plate.')).toBeVisible();
});

test("every old URL redirects to the article's new address", async ({ request }) => {
  let checked = 0;
  for (const item of report.items.filter((i) => i.status === 'created')) {
    const old = new URL(item.sourceKey.replace(/^url:/, ''));
    if (old.pathname.replace(/\/$/, '') === item.path) continue;
    const response = await request.get(`${IMPORT_SITE_URL}${old.pathname}`, { maxRedirects: 0 });
    expect(response.status(), old.pathname).toBe(308);
    expect(new URL(response.headers().location ?? '', IMPORT_SITE_URL).pathname).toBe(item.path);
    checked++;
  }
  expect(checked, 'old URLs checked').toBeGreaterThan(0);
});

test('a second run of the same import changes nothing', async () => {
  const again = path.join(DATA, 'report-again.json');
  const run = await runImport([FIXTURES, '--publish', '--report', again]);
  expect(run.code, run.output).toBe(2);
  const second = readReport(again);
  expect(second.totals, run.output).toMatchObject({ created: 0, updated: 0, unchanged: 10, failed: 1 });
});

/**
 * The reader-facing "Article history": at the end of the article, newest first, one dated line per
 * update, correction or medical review the CMS shows to readers; corrections also in JSON-LD
 * (schema.org `correction`). An article without history shows no such section.
 */
import { expect, test, type Page } from '@playwright/test';

import { open, STRAPI_URL } from './support';

type Entry = {
  kind: 'published' | 'updated' | 'corrected' | 'reviewed';
  occurredAt: string;
  note: string | null;
  reviewer: { name: string; slug: string; credentials: string | null } | null;
};

const historyFromApi = async (slug: string): Promise<Entry[]> => {
  const response = await fetch(`${STRAPI_URL}/api/articles/by-slug/${slug}`);
  expect(response.status, 'article page API').toBe(200);
  return ((await response.json()) as { data: { history: Entry[] } }).data.history;
};

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(iso),
  );

const LABEL: Record<Exclude<Entry['kind'], 'reviewed'>, string> = {
  published: 'First published',
  updated: 'Updated',
  corrected: 'Corrected',
};

const articleNode = async (page: Page) => {
  const nodes = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
    (text) =>
      JSON.parse(text) as {
        '@type'?: unknown;
        correction?: Array<{ '@type': string; text: string; datePublished: string }>;
      },
  );
  const node = nodes.find((n) => Array.isArray(n['@type']) && n['@type'].includes('MedicalWebPage'));
  expect(node, 'the MedicalWebPage node').toBeTruthy();
  return node;
};

test('an article with history lists it newest first, with dates, after the references', async ({ page }) => {
  const slug = 'vitamin-d-winter';
  const entries = await historyFromApi(slug);
  expect(entries.map((e) => e.kind)).toEqual(['reviewed', 'corrected', 'reviewed', 'published']);
  await open(page, `/articles/${slug}`);

  const section = page.getByRole('region', { name: 'Article history' });
  await expect(section.getByRole('heading', { level: 2, name: 'Article history' })).toBeVisible();
  const rows = section.getByRole('listitem');
  await expect(rows).toHaveCount(entries.length);
  for (const [index, entry] of entries.entries()) {
    const row = rows.nth(index);
    await expect(row.locator('time')).toHaveAttribute('datetime', entry.occurredAt);
    await expect(row.locator('time')).toHaveText(longDate(entry.occurredAt));
    if (entry.kind === 'reviewed') {
      await expect(row).toContainText(`Medically reviewed by ${entry.reviewer?.name}`);
      await expect(row.getByRole('link', { name: new RegExp(entry.reviewer?.name ?? '-') })).toHaveAttribute(
        'href',
        `/authors/${entry.reviewer?.slug}`,
      );
    } else {
      await expect(row).toContainText(LABEL[entry.kind]);
    }
    // The page drops a note that only restates the line ("First published").
    if (entry.note && entry.kind !== 'published') await expect(row).toContainText(entry.note);
  }

  // At the end of the article: after the references, before the disclaimer.
  const order = await page.evaluate(() =>
    ['references-heading', 'history-heading', 'disclaimer-heading'].map(
      (id) => document.getElementById(id)?.getBoundingClientRect().top ?? -1,
    ),
  );
  expect(order[0]).toBeGreaterThan(0);
  expect(order).toEqual([...order].sort((a, b) => a - b));

  const corrections = entries.filter((e) => e.kind === 'corrected');
  expect((await articleNode(page))?.correction).toEqual(
    corrections.map((e) => ({ '@type': 'CorrectionComment', text: e.note, datePublished: e.occurredAt })),
  );
});

test('entries the CMS keeps from readers are not shown', async ({ page }) => {
  // magnesium-glycinate has a hidden typo fix in its demo history.
  const entries = await historyFromApi('magnesium-glycinate');
  expect(entries.map((e) => e.kind)).toEqual(['reviewed', 'updated', 'published']);
  await open(page, '/articles/magnesium-glycinate');
  const section = page.getByRole('region', { name: 'Article history' });
  await expect(section.getByRole('listitem')).toHaveCount(3);
  await expect(section).not.toContainText('Corrected');
  expect((await articleNode(page))?.correction, 'no correction in JSON-LD').toBeUndefined();
});

test('an article with nothing since its first publication shows no history section', async ({ page }) => {
  const slug = 'alcohol-sleep-and-mood';
  // Only the record its first publish wrote: the header's "Published" date says the same.
  expect((await historyFromApi(slug)).map((e) => e.kind)).toEqual(['published']);
  await open(page, `/articles/${slug}`);
  await expect(page.locator('#references-heading')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Article history' })).toHaveCount(0);
  expect((await articleNode(page))?.correction).toBeUndefined();
});

import { expect, test } from '@playwright/test';
import { DEMO_ARTICLE, open, site } from './support';

type Node = Record<string, unknown> & { '@type'?: string | string[] };
const types = (node: Node): string[] => ([] as string[]).concat(node['@type'] ?? []);

test('an article carries MedicalWebPage + Article and BreadcrumbList JSON-LD', async ({ page }) => {
  await open(page, `/articles/${DEMO_ARTICLE}`);
  const raw = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(raw.length).toBeGreaterThan(0);
  for (const text of raw) expect(text, 'no raw < inside JSON-LD').not.toContain('<');
  const nodes = raw.map((text) => JSON.parse(text) as Node);

  const article = nodes.find((node) => types(node).includes('MedicalWebPage') && types(node).includes('Article'));
  expect(article, 'a node typed MedicalWebPage and Article').toBeTruthy();
  if (!article) return;
  const title = (await page.locator('h1').textContent())?.trim();
  expect(article.headline).toBe(title);
  expect(article['@context']).toBe('https://schema.org');

  const author = article.author as Node;
  expect(types(author)).toContain('Person');
  expect(String(author.url)).toMatch(/\/authors\/[a-z0-9-]+$/);
  const reviewer = article.reviewedBy as Node;
  expect(types(reviewer)).toContain('Person');
  expect(String(reviewer.url)).toMatch(/\/authors\/[a-z0-9-]+$/);

  expect(String(article.lastReviewed)).toMatch(/^\d{4}-\d{2}-\d{2}/);
  expect(Number.isNaN(Date.parse(String(article.datePublished)))).toBe(false);
  expect(Number.isNaN(Date.parse(String(article.dateModified)))).toBe(false);
  const citations = article.citation as Node[];
  expect(Array.isArray(citations)).toBe(true);
  expect(citations.length).toBe(await page.locator('#references-heading + ol > li').count());
  expect(types(article.publisher as Node)).toContain('Organization');

  const breadcrumb = nodes.find((node) => types(node).includes('BreadcrumbList'));
  expect(breadcrumb).toBeTruthy();
  const items = (breadcrumb?.itemListElement ?? []) as Node[];
  expect(items.length).toBeGreaterThanOrEqual(2);
  expect(items.map((item) => item.position)).toEqual(items.map((_, index) => index + 1));
  expect(items.at(-1)?.item).toBe(site(`/articles/${DEMO_ARTICLE}`));
});

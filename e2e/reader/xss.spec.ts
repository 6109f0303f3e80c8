import { expect, test } from '@playwright/test';
import {
  editorApi,
  paragraphs,
  type ArticleInput,
  type CreateAttempt,
  type EditorApi,
  type InlineNode,
  type LinkNode,
} from '../fixtures/cms-admin-api';
import { open, SITE_URL } from './support';

const stamp = Date.now();
const slug = `xss-probe-${stamp}`;
const TITLE = `XSS probe ${stamp} <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>`;
const EXCERPT = `Hostile excerpt <svg onload="window.__xss=8"></svg> & "quotes" for ${stamp}`;

/** Each script-capable URL with the words it links; neither the CMS nor the site may turn it into a link. */
const UNSAFE_LINKS: Array<[url: string, label: string]> = [
  ['javascript:window.__xss=3', `plain javascript link ${stamp}`],
  ['JaVaScRiPt:window.__xss=4', `mixed-case javascript link ${stamp}`],
  ['java&#x09;script:window.__xss=5', `entity-tab javascript link ${stamp}`],
  ['&#106;avascript:window.__xss=6', `entity-j javascript link ${stamp}`],
  ['data:text/html,<script>window.__xss=7</script>', `data html link ${stamp}`],
  ['vbscript:window.__xss=9', `vbscript link ${stamp}`],
];
/** URLs the CMS stores but the site's link check refuses: they must render as text too. */
const SITE_REFUSED_LINKS: Array<[url: string, label: string]> = [
  ['ftp://example.org/file.txt', `ftp link ${stamp}`],
  ['/\\evil.example/path', `backslash link ${stamp}`],
];
const SAFE_URL = 'https://example.org';
const SAFE_LABEL = `a normal external link ${stamp}`;

const link = (url: string, text: string): LinkNode => ({ type: 'link', url, children: [{ type: 'text', text }] });

const article = (links: Array<[url: string, label: string]>): ArticleInput => ({
  title: TITLE,
  slug,
  excerpt: EXCERPT,
  coverAlt: 'No cover: a test article',
  body: [
    paragraphs(
      [{ type: 'text', text: 'Links an editor might paste: ' }],
      ...links.map(([url, label]): InlineNode[] => [
        { type: 'text', text: 'Before ' },
        link(url, label),
        { type: 'text', text: ' after.' },
      ]),
      [{ type: 'text', text: 'And a safe one: ' }, link(SAFE_URL, SAFE_LABEL)],
    ),
  ],
});

let api: EditorApi | undefined;
let documentId: string | undefined;
/** What the CMS said to the article with every hostile link in its body. */
let firstAttempt: CreateAttempt | undefined;
/** The links the published probe really carries (the ones the CMS accepted). */
let storedLinks: Array<[url: string, label: string]> = [];

test.beforeAll(async () => {
  api = await editorApi();
  const allLinks = [...UNSAFE_LINKS, ...SITE_REFUSED_LINKS];
  firstAttempt = await api.tryCreateArticle(article(allLinks));
  if (firstAttempt.created) {
    // The CMS let everything through: the site is the only line of defence, and is tested with all of it.
    documentId = firstAttempt.created.documentId;
    storedLinks = allLinks;
  } else {
    // Publish what the CMS does accept, so the page is still probed with the hostile title and the rest.
    const refused = new Set(firstAttempt.errors.map((error) => error.value));
    storedLinks = allLinks.filter(([url]) => !refused.has(url));
    documentId = (await api.createArticle(article(storedLinks))).documentId;
  }
  await api.publish(documentId);
});

test.afterAll(async () => {
  if (api && documentId) await api.remove(documentId);
});

test('the CMS refuses script-capable link URLs in the body, each with a field error', () => {
  expect(firstAttempt, 'the first attempt ran').toBeTruthy();
  if (!firstAttempt) return;
  expect(firstAttempt.status, 'a body with javascript:/data:/vbscript: links is refused').toBe(400);
  expect(firstAttempt.created).toBeNull();
  const refused = firstAttempt.errors.map((error) => error.value);
  for (const [url] of UNSAFE_LINKS) expect(refused, `${url} is refused`).toContain(url);
  for (const error of firstAttempt.errors) expect(error.path.at(-1), 'the error points at a link url').toBe('url');
  // Only the hostile links: the title payload and the safe link are not what was refused.
  expect(refused).not.toContain(SAFE_URL);
  expect(firstAttempt.errors.every((error) => error.path[0] === 'body')).toBe(true);
});

test('a hostile title and hostile body links render as inert text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });

  const response = await page.goto(`/articles/${slug}`);
  expect(response?.status(), 'the published probe renders').toBe(200);
  const html = (await response?.text()) ?? '';
  await page.waitForLoadState('networkidle');

  // Nothing ran.
  expect(dialogs, 'no dialog opened').toEqual([]);
  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss), 'window.__xss').toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('svg[onload]')).toHaveCount(0);
  await expect(page.locator('[onerror], [onload]')).toHaveCount(0);
  const injectedScripts = await page
    .locator('script')
    .evaluateAll((scripts) => scripts.filter((s) => /^\s*window\.__xss/.test(s.textContent ?? '')).length);
  expect(injectedScripts, 'no injected <script> element').toBe(0);
  // Not even in the server HTML (hydration could otherwise be masking it).
  expect(html).not.toContain('<img src=x');
  expect(html).not.toContain('<script>window.__xss');
  expect(html).not.toContain('<svg onload');

  // The payload is shown as text.
  await expect(page.locator('h1')).toHaveCount(1);
  expect(await page.locator('h1').textContent()).toBe(TITLE);
  expect(await page.title()).toContain(TITLE);
  await expect(page.getByText(EXCERPT, { exact: true }).first()).toBeVisible();

  // No link with a script-capable scheme, whatever the case or hidden characters.
  const anchors = await page.locator('a[href]').evaluateAll((links) =>
    links.map((a) => ({
      raw: a.getAttribute('href') ?? '',
      protocol: (a as HTMLAnchorElement).protocol,
      rel: a.getAttribute('rel'),
      inMain: Boolean(a.closest('main')),
    })),
  );
  expect(anchors.length).toBeGreaterThan(0);
  for (const anchor of anchors) {
    // eslint-disable-next-line no-control-regex -- squeezing out control characters, as a browser does
    const squeezed = anchor.raw.replace(/[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\ufeff]/g, '');
    expect(squeezed, `href ${JSON.stringify(anchor.raw)}`).not.toMatch(/^(javascript|data|vbscript):/i);
    expect(
      ['http:', 'https:', 'mailto:', 'tel:'],
      `href ${JSON.stringify(anchor.raw)} resolves to ${anchor.protocol}`,
    ).toContain(anchor.protocol);
  }

  // The refused links keep their words but are no longer links.
  expect(storedLinks.length, 'the probe carries links the site must refuse').toBeGreaterThan(0);
  for (const [url, label] of storedLinks) {
    await expect(
      page.getByRole('paragraph').filter({ hasText: `Before ${label} after.` }),
      `words of ${url}`,
    ).toHaveCount(1);
    await expect(page.getByRole('link', { name: label }), `${url} is not a link`).toHaveCount(0);
  }

  // The safe external link stays, opened without an opener or referrer.
  const safe = page.getByRole('link', { name: SAFE_LABEL, exact: true });
  await expect(safe).toHaveCount(1);
  expect(new URL((await safe.getAttribute('href')) ?? '').href).toBe(new URL(SAFE_URL).href);
  const rel = ((await safe.getAttribute('rel')) ?? '').split(/\s+/);
  expect(rel).toContain('noopener');
  expect(rel).toContain('noreferrer');
  // So does every other external link in the page body.
  for (const anchor of anchors.filter(
    (a) => /^https?:/i.test(a.raw) && new URL(a.raw).origin !== SITE_URL && a.inMain,
  )) {
    expect(anchor.rel ?? '', `rel of ${anchor.raw}`).toMatch(/(^|\s)noopener(\s|$)/);
    expect(anchor.rel ?? '', `rel of ${anchor.raw}`).toMatch(/(^|\s)noreferrer(\s|$)/);
  }

  // Clicking through the article (hydrated) still runs nothing.
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  expect(await page.evaluate(() => (window as Window & { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('the JSON-LD of a hostile title still parses, with < escaped', async ({ page }) => {
  await open(page, `/articles/${slug}`);
  const raw = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(raw.length).toBeGreaterThan(0);
  type Node = Record<string, unknown> & { '@type'?: string | string[] };
  const nodes: Node[] = [];
  for (const text of raw) {
    expect(text, 'no raw < inside JSON-LD').not.toContain('<');
    expect(() => JSON.parse(text) as unknown, 'JSON-LD parses').not.toThrow();
    nodes.push(JSON.parse(text) as Node);
  }
  const types = (node: Node): string[] => ([] as string[]).concat(node['@type'] ?? []);
  const article = nodes.find((node) => types(node).includes('Article'));
  expect(article?.headline, 'the headline is the title, unchanged').toBe(TITLE);
  const breadcrumb = nodes.find((node) => types(node).includes('BreadcrumbList'));
  const crumbs = (breadcrumb?.itemListElement ?? []) as Node[];
  expect(crumbs.at(-1)?.name).toBe(TITLE);
  expect(
    raw.some((text) => text.includes('\\u003c')),
    'the < of the title is escaped as \\u003c',
  ).toBe(true);
});

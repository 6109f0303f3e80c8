import { expect, test, type Page } from '@playwright/test';
import { DEMO_ARTICLE, open, STRAPI_URL } from './support';

type InlineNode = { type: string; text?: string; children?: InlineNode[] };
type ArticleRow = {
  slug: string;
  title: string;
  excerpt: string;
  body?: Array<{ __component?: string; body?: InlineNode[] }>;
};
type ArticleList = { data: ArticleRow[]; meta: { pagination: { total: number } } };

const PAGE_SIZE = 10;

async function cms<T>(path: string): Promise<T> {
  const response = await fetch(`${STRAPI_URL}${path}`);
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

const nodeText = (nodes: InlineNode[] | undefined): string =>
  (nodes ?? []).map((node) => (typeof node.text === 'string' ? node.text : nodeText(node.children))).join(' ');

const bodyText = (article: ArticleRow): string =>
  (article.body ?? []).map((section) => (Array.isArray(section.body) ? nodeText(section.body) : '')).join('\n');

/** Words as the search index tokenises them (letters and digits), lower-cased. */
const words = (text: string): Set<string> =>
  new Set(
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  );

/** Every published article with its rich-text body. */
const allArticles = async (): Promise<ArticleRow[]> => {
  const list = await cms<ArticleList>(
    '/api/articles?populate[body][on][content.rich-text]=true&pagination[pageSize]=100',
  );
  expect(list.data.length, 'the demo content is on one page of 100').toBe(list.meta.pagination.total);
  return list.data;
};

/** The page's own search form (the header has another one). */
const searchForm = (page: Page) => page.getByRole('search', { name: 'Search articles' });

/** Slugs linked from the results list, in order. */
const resultSlugs = async (page: Page): Promise<string[]> => {
  const hrefs = await page
    .locator('section[aria-labelledby="results-heading"] ol > li')
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.replace(/^\/articles\//, ''));
};

test('search finds an article by a word that appears only in its body', async ({ page }) => {
  const articles = await allArticles();
  const target = articles.find((article) => article.slug === DEMO_ARTICLE);
  expect(target, `${DEMO_ARTICLE} is published`).toBeTruthy();
  if (!target) return;

  // Distinctive words of the body: long, and in no other article's body either.
  const elsewhere = new Set(
    articles
      .filter((a) => a.slug !== DEMO_ARTICLE)
      .flatMap((a) => [...words(`${a.title} ${a.excerpt} ${bodyText(a)}`)]),
  );
  const candidates = [...words(bodyText(target))]
    .filter((word) => word.length >= 8 && /^\p{L}+$/u.test(word) && !elsewhere.has(word))
    .sort((a, b) => b.length - a.length || a.localeCompare(b));
  expect(candidates.length, 'the body has distinctive words').toBeGreaterThan(0);

  // The CMS itself confirms that no title or excerpt contains the word.
  let word: string | undefined;
  for (const candidate of candidates.slice(0, 25)) {
    const query = `filters[$or][0][title][$containsi]=${candidate}&filters[$or][1][excerpt][$containsi]=${candidate}`;
    const hits = await cms<ArticleList>(`/api/articles?${query}&fields[0]=slug`);
    if (hits.meta.pagination.total === 0) {
      word = candidate;
      break;
    }
  }
  expect(word, 'a body-only word').toBeTruthy();
  if (!word) return;
  test.info().annotations.push({ type: 'body-only word', description: word });
  expect(`${target.title} ${target.excerpt}`.toLowerCase()).not.toContain(word);
  expect(bodyText(target).toLowerCase()).toContain(word);

  // A reader types it into the search page's form and presses Enter.
  await open(page, '/search');
  const box = searchForm(page).getByRole('searchbox');
  await box.fill(word);
  await box.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === '/search' && url.searchParams.get('q') === word);
  await expect(page.locator('#results-heading')).toContainText(word);
  await expect(searchForm(page).getByRole('searchbox'), 'the form keeps the query').toHaveValue(word);

  const results = page.locator('section[aria-labelledby="results-heading"] ol > li');
  const link = results.getByRole('link', { name: target.title, exact: true });
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('href', `/articles/${DEMO_ARTICLE}`);
  await link.click();
  await expect(page).toHaveURL((url) => url.pathname === `/articles/${DEMO_ARTICLE}`);
  await expect(page.locator('h1')).toHaveText(target.title);
});

test('search results paginate when a common word matches more than one page', async ({ page }) => {
  const articles = await allArticles();
  // The word found in the most articles (ties: the longer word); it must fill more than a page.
  const frequency = new Map<string, Set<string>>();
  for (const article of articles) {
    for (const word of words(`${article.title} ${article.excerpt} ${bodyText(article)}`)) {
      if (word.length < 3 || !/^\p{L}+$/u.test(word)) continue;
      frequency.set(word, (frequency.get(word) ?? new Set()).add(article.slug));
    }
  }
  const [word, containing] = [...frequency.entries()].sort(
    ([a, x], [b, y]) => y.size - x.size || b.length - a.length || a.localeCompare(b),
  )[0] ?? ['', new Set<string>()];
  test.info().annotations.push({ type: 'common word', description: `${word} (${containing.size} articles)` });
  expect(containing.size, `"${word}" appears in more than one page of articles`).toBeGreaterThan(PAGE_SIZE);

  await open(page, '/');
  const header = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox');
  await header.fill(word);
  await header.press('Enter');
  await expect(page).toHaveURL(
    (url) => url.pathname === '/search' && url.searchParams.get('q') === word && !url.searchParams.has('page'),
  );

  const heading = page.locator('#results-heading');
  await expect(heading).toContainText(/\d+ articles match/);
  const total = Number(/(\d+) articles match/.exec((await heading.textContent()) ?? '')?.[1]);
  expect(total, 'every article containing the word is counted').toBeGreaterThanOrEqual(containing.size);
  const pageCount = Math.ceil(total / PAGE_SIZE);
  const pagination = page.getByRole('navigation', { name: 'Pagination' });

  const seen: string[] = [];
  for (let current = 1; current <= pageCount; current += 1) {
    await expect(pagination).toContainText(`Page ${current} of ${pageCount}`);
    const slugs = await resultSlugs(page);
    expect(slugs.length, `page ${current} size`).toBe(
      current < pageCount ? PAGE_SIZE : total - PAGE_SIZE * (pageCount - 1),
    );
    seen.push(...slugs);

    const prev = pagination.getByRole('link', { name: /previous/i });
    const next = pagination.getByRole('link', { name: /next/i });
    await expect(prev).toHaveCount(current > 1 ? 1 : 0);
    await expect(next).toHaveCount(current < pageCount ? 1 : 0);
    if (current < pageCount) {
      await next.click();
      await expect(page).toHaveURL(
        (url) =>
          url.pathname === '/search' &&
          url.searchParams.get('q') === word &&
          url.searchParams.get('page') === String(current + 1),
      );
    }
  }
  expect(new Set(seen).size, 'no article repeats across pages').toBe(seen.length);
  expect(seen.length).toBe(total);
  for (const slug of containing) expect(seen, `${slug} contains "${word}"`).toContain(slug);

  // Previous goes back to the page before, with the same results.
  const lastPage = await resultSlugs(page);
  await pagination.getByRole('link', { name: /previous/i }).click();
  await expect(pagination).toContainText(`Page ${pageCount - 1} of ${pageCount}`);
  const before = await resultSlugs(page);
  expect(before).toEqual(seen.slice(PAGE_SIZE * (pageCount - 2), PAGE_SIZE * (pageCount - 1)));
  expect(before.some((slug) => lastPage.includes(slug))).toBe(false);
});

test('an empty or too-short query shows guidance, not an error', async ({ page }) => {
  const cases: Array<[string, RegExp]> = [
    ['/search', /type a word/i],
    ['/search?q=', /type a word/i],
    ['/search?q=%20%20%20', /type a word/i],
    ['/search?q=a', /at least two characters/i],
    ['/search?q=%20x%20', /at least two characters/i],
  ];
  for (const [path, guidance] of cases) {
    await open(page, path);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('Search');
    await expect(page.getByText(guidance), path).toBeVisible();
    await expect(page.locator('#results-heading'), `${path}: no results list`).toHaveCount(0);
    await expect(
      page.getByText(/temporarily unavailable|something went wrong|error/i),
      `${path}: no error`,
    ).toHaveCount(0);
    await expect(searchForm(page).getByRole('searchbox'), `${path}: the form is there to try again`).toBeVisible();
  }
});

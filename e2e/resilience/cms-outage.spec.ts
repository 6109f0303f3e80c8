/**
 * The site through a CMS outage (issue 11): the CMS is frozen (SIGSTOP), then killed for at least
 * 60 s, then restarted on the same database. Throughout, every page the site rendered before
 * answers 200 from its own cache; a page it never rendered, and search, answer 503 with
 * Retry-After within 3 s; nothing answers 500. Once the CMS is back, a publish goes live without
 * restarting the site. The site's readiness probe follows: not ready while the CMS is frozen
 * (live all along), ready again by itself once it is back.
 */
import { expect, test } from '@playwright/test';

import { editorApi, paragraphs } from '../fixtures/cms-admin-api';
import { CMS_ENV } from '../fixtures/env';
import { RESILIENCE_CMS_URL, RESILIENCE_SITE_URL, startCms, startSite, type Server } from './stack';

test.describe.configure({ mode: 'serial' });

/** The bound for any answer while the CMS is down (the site's CMS timeout is 2 s). */
const ANSWER_WITHIN_MS = 3000;
const KILLED_FOR_MS = 60_000;

let cms: Server;
let site: Server;
/** Addresses the site rendered while the CMS was up. */
const rendered: string[] = [];
/** Real pages (existing slugs) the site never rendered, checked once each while the CMS is down. */
const neverRendered: string[] = [];

type Timed = { status: number; ms: number; body: string; headers: Headers };

const get = async (path: string): Promise<Timed> => {
  const started = performance.now();
  const response = await fetch(`${RESILIENCE_SITE_URL}${path}`, {
    redirect: 'manual',
    signal: AbortSignal.timeout(20_000),
  });
  const body = await response.text();
  return { status: response.status, ms: Math.round(performance.now() - started), body, headers: response.headers };
};

/**
 * A first render while the CMS is up. A CMS just booted on a busy machine can miss the site's 2 s
 * timeout once (that page answers 503, as it should): ask again for up to 30 s.
 */
const render = async (path: string): Promise<Timed> => {
  let answer = await get(path);
  for (const deadline = Date.now() + 30_000; answer.status === 503 && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    answer = await get(path);
  }
  expect(answer.status, `${path} renders`).toBe(200);
  return answer;
};

const slugs = async (collection: string): Promise<string[]> => {
  const response = await fetch(`${RESILIENCE_CMS_URL}/api/${collection}?fields[0]=slug&pagination[pageSize]=50`);
  expect(response.status, `GET /api/${collection}`).toBe(200);
  const body = (await response.json()) as { data: Array<{ slug: string }> };
  return body.data.map((item) => item.slug);
};

const expectUnavailable = (path: string, answer: Timed, message: RegExp) => {
  expect.soft(answer.status, `${path} while the CMS is down`).toBe(503);
  expect.soft(answer.headers.get('retry-after'), `${path} Retry-After`).toMatch(/^\d+$/);
  expect.soft(answer.ms, `${path} answered in ${answer.ms} ms`).toBeLessThan(ANSWER_WITHIN_MS);
  expect.soft(message.test(answer.body), `${path} explains itself (${message})`).toBe(true);
};

const expectStillServed = async (when: string) => {
  for (const path of rendered) {
    const answer = await get(path);
    expect.soft(answer.status, `${path} ${when}`).toBe(200);
    expect.soft(answer.ms, `${path} ${when}: ${answer.ms} ms`).toBeLessThan(ANSWER_WITHIN_MS);
  }
};

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cms = await startCms();
  site = await startSite();
});

test.afterAll(async () => {
  await site?.stop();
  await cms?.stop();
});

test('the site renders and caches every public page type while the CMS is up', async () => {
  const [articles, topics, authors] = await Promise.all([slugs('articles'), slugs('topics'), slugs('authors')]);
  expect(articles.length, 'demo articles').toBeGreaterThan(3);
  expect(topics.length, 'demo topics').toBeGreaterThan(1);
  expect(authors.length, 'demo authors').toBeGreaterThan(1);
  const [article, ...otherArticles] = articles;
  const [topic, ...otherTopics] = topics;
  const [author, ...otherAuthors] = authors;

  const pages = ['/', `/articles/${article}`, `/topics/${topic}`, `/authors/${author}`];
  // Later listing pages: whichever listing has a second page, found from its rel="next" link.
  for (const path of [
    ...pages.slice(2),
    ...otherTopics.map((slug) => `/topics/${slug}`),
    ...otherAuthors.map((slug) => `/authors/${slug}`),
  ]) {
    const next = /<link rel="next" href="([^"]+)"/.exec((await render(path)).body)?.[1];
    if (next) {
      expect(next, 'later pages live in the path').toBe(`${path}/page/2`);
      pages.push(path, next);
      break;
    }
  }
  expect(
    pages.some((path) => path.endsWith('/page/2')),
    'some listing has a second page',
  ).toBe(true);

  for (const path of new Set(pages)) {
    await render(path);
    const again = await get(path);
    expect(again.status, `${path} again`).toBe(200);
    expect.soft(again.headers.get('x-nextjs-cache'), `${path} comes from the site's own cache`).toMatch(/HIT|STALE/);
    expect.soft(again.headers.get('cache-control'), `${path} may be kept by a shared cache`).toMatch(/s-maxage=\d+/);
    rendered.push(path);
  }
  for (const path of ['/feed.xml', '/sitemap.xml', '/sitemaps/pages.xml', '/sitemaps/articles-1.xml', '/robots.txt']) {
    const answer = await render(path);
    expect
      .soft(answer.headers.get('cache-control'), `${path} may be kept by a shared cache`)
      .toMatch(/^public, max-age=[1-9]\d*/);
    rendered.push(path);
  }

  neverRendered.push(
    ...otherArticles.slice(0, 2).map((slug) => `/articles/${slug}`),
    ...otherTopics
      .filter((slug) => !pages.includes(`/topics/${slug}`))
      .slice(0, 1)
      .map((slug) => `/topics/${slug}`),
    // Unknown to the site: only the CMS can say it does not exist.
    `/articles/no-such-article-${Date.now()}`,
    ...otherAuthors
      .filter((slug) => !pages.includes(`/authors/${slug}`))
      .slice(0, 1)
      .map((slug) => `/authors/${slug}`),
  );
  expect(neverRendered.length, 'pages left to try during the outage').toBeGreaterThanOrEqual(4);
});

test('with the CMS frozen, rendered pages stay 200 and the rest answer 503 within 3 s', async () => {
  test.setTimeout(120_000);
  expect(cms.child.kill('SIGSTOP'), 'the CMS is frozen').toBe(true);
  // The freeze is real: the CMS accepts connections but answers nothing.
  await expect(fetch(`${RESILIENCE_CMS_URL}/_health`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();

  // Readiness (apps/web/ops/probes.mjs) says so within its CMS timeout; liveness does not change.
  const ready = await fetch(`${RESILIENCE_SITE_URL}/_ready`, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS + 1000) });
  expect(ready.status, 'the site is not ready while its CMS is frozen').toBe(503);
  const readiness = (await ready.json()) as { checks: { cms: { ok: boolean } } };
  expect(readiness.checks.cms.ok, 'the failing check is the CMS').toBe(false);
  expect((await fetch(`${RESILIENCE_SITE_URL}/_live`)).status, 'the site is still live').toBe(204);

  await expectStillServed('with the CMS frozen');
  for (const path of neverRendered.slice(0, 2)) {
    expectUnavailable(path, await get(path), /not answering at the moment/);
  }
  expectUnavailable('/search?q=magnesium', await get('/search?q=magnesium'), /Search is temporarily unavailable/);
});

test('with the CMS killed for a minute, the same holds and nothing answers 500', async () => {
  test.setTimeout(KILLED_FOR_MS + 120_000);
  expect(cms.child.kill('SIGKILL'), 'the CMS is killed').toBe(true);
  await new Promise((resolve) => cms.child.once('exit', resolve));
  const until = Date.now() + KILLED_FOR_MS;
  let round = 0;
  for (; Date.now() < until || round < 2; round++) {
    await expectStillServed(`with the CMS killed (round ${round + 1})`);
    const path = neverRendered[2 + (round % (neverRendered.length - 2))];
    expectUnavailable(path, await get(path), /not answering at the moment/);
    expectUnavailable('/search?q=iron', await get('/search?q=iron'), /Search is temporarily unavailable/);
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  expect(round, 'probed through the whole minute').toBeGreaterThanOrEqual(2);
});

test('after the CMS returns, a page it could not render renders and a publish goes live without restarting the site', async () => {
  test.setTimeout(300_000);
  const sitePid = site.child.pid;
  cms = await startCms();

  // Ready again by itself, with no restart.
  await expect
    .poll(async () => (await fetch(`${RESILIENCE_SITE_URL}/_ready`)).status, {
      message: 'the site is ready again',
      timeout: 15_000,
    })
    .toBe(200);

  const missed = neverRendered[0];
  await expect
    .poll(async () => (await get(missed)).status, { message: `${missed} once the CMS is back`, timeout: 30_000 })
    .toBe(200);

  const api = await editorApi({ email: CMS_ENV.EDITOR_EMAIL, password: CMS_ENV.EDITOR_PASSWORD }, RESILIENCE_CMS_URL);
  const slug = `after-the-outage-${Date.now()}`;
  const title = `Back after the outage ${Date.now()}`;
  const { documentId } = await api.createArticle({
    title,
    slug,
    excerpt: 'Published once the CMS came back, to show the site picks it up without a restart.',
    coverAlt: 'None',
    body: [paragraphs([{ type: 'text', text: 'The site never restarted.' }])],
  });
  await api.publish(documentId);

  // The home page was rendered (and cached) before the outage: the publish notification expires it.
  await expect
    .poll(async () => (await get('/')).body.includes(title), {
      message: 'the new article on the home page',
      timeout: 15_000,
    })
    .toBe(true);
  expect((await get(`/articles/${slug}`)).status, 'the new article renders').toBe(200);
  expect(site.child.pid, 'the same site process').toBe(sitePid);
  expect(site.child.exitCode, 'the site never stopped').toBeNull();
});

/**
 * Drafts never reach the public, on any route: every public route with every spelling of a draft
 * status, and with a populate of every relation that can reach an article. Two real drafts exist
 * (an unpublished article and a newer draft of a published one), linked from a topic, a writer, a
 * reviewer and the home page's picks, so a leak would show their marker words.
 */
import { expect, test } from '@playwright/test';
import { DRAFT_STATUS_SPELLINGS } from '@nourish/test-support';

import {
  adminSession,
  api,
  createDraftProbes,
  draftOrPrivateLeaks,
  privateLeaks,
  SITE_TOKEN,
  type AdminSession,
  type DraftProbes,
} from './support';

/** Every way to ask Strapi 5 for draft versions: each spelling of `status`, and the other selectors. */
const DRAFT_SELECTORS = [
  ...DRAFT_STATUS_SPELLINGS,
  'publicationState=preview',
  'publicationFilter=never-published',
  'hasPublishedVersion=false',
  'populate[articles][status]=draft',
];

/** Populates that reach articles from each public type, in the spellings Strapi accepts. */
const REACHING_ARTICLES: Record<string, string[]> = {
  '/articles': [
    'populate[recommended][populate][article][fields][0]=title',
    'populate[alsoLikePinned][populate][article]=true',
    'populate[alsoLikeExcluded][populate]=*',
  ],
  '/topics': [
    'populate[articles][fields][0]=title&populate[articles][fields][1]=publishedAt',
    'populate=articles',
    'populate[0]=articles',
    'populate=*',
  ],
  '/authors': [
    'populate[articles][fields][0]=title',
    'populate[reviewedArticles][fields][0]=title',
    'populate=articles,reviewedArticles',
    'populate=*',
  ],
  '/home-page': ['populate[featured][populate][article][fields][0]=title', 'populate[featured][populate]=*'],
  '/site-setting': ['populate[defaultRecommended][populate][article][fields][0]=title', 'populate=*'],
  '/redirects': [''],
};

let admin: AdminSession;
let probes: DraftProbes;
let homeBefore: unknown;

test.beforeAll(async () => {
  admin = await adminSession('editor');
  probes = await createDraftProbes(admin, 'drafts');
  // The home page's featured picks point at both drafts too (restored afterwards).
  const home = await admin.call('GET', admin.cm('api::home-page.home-page', '', true));
  expect(home.status, home.text.slice(0, 200)).toBe(200);
  homeBefore = home.json;
  const picks = [probes.unpublishedId, probes.editedId].map((documentId) => ({
    article: { connect: [{ documentId }] },
  }));
  const updated = await admin.call('PUT', admin.cm('api::home-page.home-page', '', true), { featured: picks });
  expect(updated.status, updated.text.slice(0, 300)).toBe(200);
});

test.afterAll(async () => {
  const featured = (
    (homeBefore as { data?: { featured?: Array<{ article?: { documentId?: string } | null }> } })?.data?.featured ?? []
  ).flatMap((pick) =>
    pick.article?.documentId ? [{ article: { connect: [{ documentId: pick.article.documentId }] } }] : [],
  );
  await admin?.call('PUT', admin.cm('api::home-page.home-page', '', true), { featured });
  await probes?.cleanup();
});

test('the probes are real: the site token sees both drafts, the public sees neither', async () => {
  const draft = await api(`/articles?status=draft&filters[slug][$eq]=${probes.unpublishedSlug}&fields[0]=title`, {
    bearer: SITE_TOKEN,
  });
  expect(draft.status, draft.text.slice(0, 200)).toBe(200);
  expect(draft.text).toContain(probes.markers[0]);
  const edited = await api(`/articles?status=draft&filters[slug][$eq]=${probes.editedSlug}&fields[0]=title`, {
    bearer: SITE_TOKEN,
  });
  expect(edited.text).toContain(probes.markers[1]);
  const published = await api(`/articles?filters[slug][$eq]=${probes.editedSlug}&fields[0]=title`);
  expect(published.status).toBe(200);
  expect((published.json as { data: unknown[] }).data.length, 'the published version is public').toBe(1);
  expect(draftOrPrivateLeaks(published.text, probes)).toEqual([]);
});

test('every public route refuses every draft selector without the site token', async () => {
  const routes = [
    '/articles',
    `/articles/${probes.editedId}`,
    `/articles/${probes.unpublishedId}`,
    `/articles/by-slug/${probes.editedSlug}`,
    `/articles/by-slug/${probes.unpublishedSlug}`,
    `/articles/${probes.editedSlug}/related`,
    '/search?q=probe',
    '/sitemap/articles',
    '/sitemap/articles/1',
    '/authors',
    `/authors?filters[slug][$eq]=${probes.authorSlug}`,
    '/topics',
    `/topics?filters[slug][$eq]=${probes.topicSlug}`,
    '/home-page',
    '/site-setting',
    '/redirects',
  ];
  const failures: string[] = [];
  for (const route of routes) {
    for (const selector of DRAFT_SELECTORS) {
      const url = `${route}${route.includes('?') ? '&' : '?'}${selector}`;
      // The rate-limit exemption header is not a credential: drafts stay closed with it.
      const res = await api(url, { siteHeader: true });
      if (![400, 403].includes(res.status)) failures.push(`${url} answered ${res.status}`);
      const leaks = draftOrPrivateLeaks(res.text, probes);
      if (leaks.length > 0) failures.push(`${url} leaked ${leaks.join(', ')}`);
      if (res.status >= 400) {
        const message = (res.json as { error?: { message?: unknown } } | null)?.error?.message;
        if (typeof message !== 'string' || message.length === 0) failures.push(`${url}: no JSON error message`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test('populating every relation that reaches an article shows published versions only', async () => {
  const failures: string[] = [];
  for (const [route, populates] of Object.entries(REACHING_ARTICLES)) {
    for (const populate of populates) {
      for (const status of ['', 'status=draft&', 'status=published&']) {
        const url = `${route}?${status}${populate}`;
        const res = await api(url, { siteHeader: true });
        if (res.status >= 500) failures.push(`${url} answered ${res.status}`);
        if (status === 'status=draft&' && ![400, 403].includes(res.status))
          failures.push(`${url} answered ${res.status}`);
        const leaks = draftOrPrivateLeaks(res.text, probes);
        if (leaks.length > 0) failures.push(`${url} leaked ${leaks.join(', ')}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test('the site token still reads a draft with the preview populate', async () => {
  const res = await api(
    `/articles/${probes.unpublishedId}?status=draft&populate[topics][fields][0]=slug&populate[author][fields][0]=name&populate[reviewer][fields][0]=name`,
    { bearer: SITE_TOKEN },
  );
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  expect(res.text).toContain(probes.markers[0]);
  // A draft has no publishedAt; what it must not carry is a private field.
  expect(privateLeaks(res.text)).toEqual([]);
});

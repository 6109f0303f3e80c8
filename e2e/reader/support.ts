/**
 * Shared helpers for the reader specs: the site under test and the CMS the specs ask for the
 * expected related-rail order (both started by playwright.config.ts).
 */
import { expect, type Page } from '@playwright/test';

import { CMS_URL as STRAPI_URL, SITE_URL } from '../fixtures/env';

export { SITE_URL, STRAPI_URL };

/** The demo article with every body component, both rails and an external curated pick. */
export const DEMO_ARTICLE = 'magnesium-glycinate';

export const site = (path: string): string => `${SITE_URL}${path}`;

/** Navigates and fails the test on anything but a 2xx document. */
export async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(site(path));
  expect(response?.status(), `GET ${path}`).toBeLessThan(300);
}

type RelatedApi = {
  data: {
    recommended: Array<
      { kind: 'article'; article: { slug: string; title: string } } | { kind: 'external'; url: string; label: string }
    >;
    alsoLike: Array<{ slug: string; title: string }>;
  };
};

/** The CMS's own answer for an article's rails: the order the page must show. */
export async function relatedFromApi(slug: string): Promise<RelatedApi['data']> {
  const response = await fetch(`${STRAPI_URL}/api/articles/${slug}/related?limit=6`);
  expect(response.status, 'related rails API').toBe(200);
  return ((await response.json()) as RelatedApi).data;
}

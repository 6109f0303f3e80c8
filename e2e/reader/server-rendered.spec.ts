import { expect, test } from '@playwright/test';
import { DEMO_ARTICLE, site } from './support';

/** The App Router's inline flight data (the RSC payload React hydrates from), decoded. */
const flightData = (html: string): string =>
  [...html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)]
    .map((m) => JSON.parse(m[1]) as string)
    .join('');

test('an article body reaches the browser as HTML, never as client-component props', async ({ request }) => {
  const response = await request.get(site(`/articles/${DEMO_ARTICLE}`));
  expect(response.status()).toBe(200);
  const html = await response.text();
  const flight = flightData(html);
  expect(flight.length, 'the page carries flight data').toBeGreaterThan(0);
  // Strapi blocks nodes would mean the body was handed to a client component as data.
  expect(flight).not.toMatch(/"type":"(paragraph|heading|list-item|text)"/);
  // The body's headings are in the HTML, with the anchors the table of contents links to.
  const toc = /<nav aria-labelledby="toc-heading"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  const tocTargets = [...toc.matchAll(/<a href="#([a-z0-9-]+)"/g)].map((m) => m[1]);
  expect(tocTargets.length).toBeGreaterThan(1);
  for (const id of tocTargets) expect(html, `heading #${id}`).toMatch(new RegExp(`<h[2-6] id="${id}" tabindex="-1"`));
});

test('no page prints a class name that did not resolve', async ({ request }) => {
  for (const path of ['/', '/topics/sleep', `/articles/${DEMO_ARTICLE}`, '/authors/amara-okafor', '/search?q=sleep']) {
    const response = await request.get(site(path));
    expect(response.status(), path).toBe(200);
    const classes = [...(await response.text()).matchAll(/class="([^"]*)"/g)].map((m) => m[1]);
    expect(classes.length, path).toBeGreaterThan(10);
    // A CSS-module class that is missing from the built CSS is printed as "undefined".
    expect(
      classes.filter((c) => /(^|\s)(undefined|null)(\s|$)/.test(c)),
      path,
    ).toEqual([]);
  }
});

/**
 * What a reader page weighs before compression, and how much of it is the App Router's inline
 * flight data (the RSC payload React hydrates from): the longest demo article, home, a topic page
 * and a search page. Targets (issue #16): HTML at most 60 kB raw, flight data at most 25 % of it.
 *
 *   SITE_URL=http://127.0.0.1:3100 CMS_URL=http://127.0.0.1:1338 pnpm --filter @nourish/bench payload [--check]
 *
 * With --check it exits non-zero when a target is missed.
 */
import { measurePagePayload, type PagePayload } from './probes/page-weight';

const SITE_URL = process.env.SITE_URL ?? 'http://localhost:3000';
const CMS_URL = process.env.CMS_URL ?? 'http://localhost:1337';
const SEARCH = process.env.SEARCH_QUERY ?? 'sleep';
const KB = 1000;
const MAX_HTML = 60 * KB;
const MAX_FLIGHT_SHARE = 0.25;

const cmsList = async (path: string): Promise<string[]> => {
  const res = await fetch(new URL(path, CMS_URL));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return ((await res.json()) as { data: Array<{ slug: string }> }).data.map((item) => item.slug);
};

const main = async () => {
  const [slugs, topics] = await Promise.all([
    cmsList('/api/articles?fields[0]=slug&pagination[pageSize]=100'),
    cmsList('/api/topics?fields[0]=slug&pagination[pageSize]=100'),
  ]);
  if (slugs.length === 0 || topics.length === 0) throw new Error('no published articles or topics');

  // Every article once (this also warms the page cache); keep the largest.
  let longest: PagePayload | null = null;
  for (const slug of slugs) {
    const payload = await measurePagePayload(SITE_URL, `/articles/${slug}`);
    if (!longest || payload.htmlBytes > longest.htmlBytes) longest = payload;
  }
  if (!longest) throw new Error('no article measured');
  const others = ['/', `/topics/${topics[0]}`, `/search?q=${encodeURIComponent(SEARCH)}`];
  // Measured twice: the first request renders and caches, the second is what readers get.
  for (const path of others) await measurePagePayload(SITE_URL, path);
  const pages = [longest, ...(await Promise.all(others.map((path) => measurePagePayload(SITE_URL, path))))];

  console.log(`Page payload, ${SITE_URL} (${new Date().toISOString()})\n`);
  console.log('| page | HTML (raw) | inline flight data | share | |');
  console.log('| --- | --- | --- | --- | --- |');
  let missed = 0;
  for (const page of pages) {
    const share = page.flightBytes / page.htmlBytes;
    const ok = page.htmlBytes <= MAX_HTML && share <= MAX_FLIGHT_SHARE;
    if (!ok) missed++;
    console.log(
      `| ${page.path} | ${(page.htmlBytes / KB).toFixed(1)} kB | ${(page.flightBytes / KB).toFixed(1)} kB | ${(share * 100).toFixed(0)} % | ${ok ? 'met' : 'MISSED'} |`,
    );
  }
  console.log(`\nTargets: HTML <= ${MAX_HTML / KB} kB raw, flight data <= ${MAX_FLIGHT_SHARE * 100} % of the HTML.`);
  if (missed && process.argv.includes('--check')) process.exit(1);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * The edge (Varnish, infra/edge) under load:
 * - measureEdgePages: each page through the edge, next to nginx serving the same bytes, in
 *   alternating rounds so both see the same moments of a busy machine;
 * - measureEdgeMix: a reader-like mix through the edge and the hit ratio Varnish counted for it
 *   (varnishstat MAIN.cache_hit / MAIN.cache_miss, before and after).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';

import type { EdgePage, EdgePageResult, EdgeResult, Encoding } from '../results';
import { measureLoad, measureLoadAlternating, type LoadOptions } from './http-load';
import { serveWithNginx } from './nginx';

/**
 * The bytes a load client gets, undecoded: with no Accept-Encoding the page itself; with
 * `gzip`, what a browser is sent (node:http, unlike fetch, does not decompress).
 */
const fetchRaw = (url: string, encoding: Encoding) =>
  new Promise<{
    body: Buffer;
    contentType: string;
    contentEncoding: string | undefined;
    nextCache: string | undefined;
  }>((resolve, reject) => {
    const headers = encoding === 'gzip' ? { 'accept-encoding': 'gzip' } : {};
    http
      .get(url, { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          if (res.statusCode !== 200) {
            reject(new Error(`${url}: HTTP ${res.statusCode}`));
            return;
          }
          resolve({
            body: Buffer.concat(chunks),
            contentType: res.headers['content-type'] ?? 'text/html',
            contentEncoding: res.headers['content-encoding'],
            nextCache: [res.headers['x-nextjs-cache']].flat()[0],
          });
        });
      })
      .on('error', reject);
  });

/**
 * Waits until the site serves `url` from a current render: not Next's STALE copy (answered while
 * it re-renders in the background) and the same bytes twice. Otherwise the edge could store the
 * stale render and the site answer the new one by the end of the measurement.
 */
const settledOnSite = async (url: string) => {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const first = await fetchRaw(url, 'identity');
    const second = await fetchRaw(url, 'identity');
    if (first.nextCache !== 'STALE' && second.nextCache !== 'STALE' && first.body.equals(second.body)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url}: the site did not settle on one render`);
};

export const varnishVersion = () => {
  // varnishd prints its version on stderr.
  const out = spawnSync('varnishd', ['-V'], { encoding: 'utf8' }).stderr ?? '';
  return /varnish-([\d.]+)/.exec(out)?.[1] ?? 'unknown';
};

/** MAIN.cache_hit and MAIN.cache_miss of the Varnish instance working in `workdir`. */
export const varnishCounters = (workdir: string) => {
  const out = execFileSync(
    'varnishstat',
    ['-n', workdir, '-1', '-j', '-f', 'MAIN.cache_hit', '-f', 'MAIN.cache_miss'],
    {
      encoding: 'utf8',
    },
  );
  const json = JSON.parse(out) as { counters?: Record<string, { value: number }> } & Record<string, unknown>;
  // Varnish 6.5+ nests the counters; older versions list them at the top level.
  const counters = (json.counters ?? json) as Record<string, { value: number } | undefined>;
  const value = (name: string) => {
    const v = counters[name]?.value;
    if (typeof v !== 'number') throw new Error(`varnishstat -n ${workdir} reported no ${name}`);
    return v;
  };
  return { hits: value('MAIN.cache_hit'), misses: value('MAIN.cache_miss') };
};

export async function measureEdgePages(options: {
  siteUrl: string;
  edgeUrl: string;
  pages: Array<{ page: EdgePage; path: string; encoding: Encoding }>;
  load: LoadOptions;
}): Promise<EdgePageResult[]> {
  const results: EdgePageResult[] = [];
  for (const { page, path, encoding } of options.pages) {
    const headers = encoding === 'gzip' ? { 'accept-encoding': 'gzip' } : undefined;
    const load = { ...options.load, headers };
    // The edge's stored copy (from the site's cache) is what nginx serves; with gzip, the
    // compressed bytes it stores.
    await settledOnSite(options.siteUrl + path);
    await fetchRaw(options.edgeUrl + path, encoding);
    const reference = await fetchRaw(options.edgeUrl + path, encoding);
    // Not thrown: a page the edge does not store compressed is reported as not the same bytes.
    const encodedAsAsked = (reference.contentEncoding ?? 'identity') === encoding;
    const nginx = await serveWithNginx(reference.body, reference.contentType, encoding === 'gzip' ? 'gzip' : undefined);
    let nginxLoad, edge;
    try {
      [nginxLoad, edge] = await measureLoadAlternating([`${nginx.url}${path.slice(1)}`, options.edgeUrl + path], load);
    } finally {
      await nginx.stop();
    }
    const site = await fetchRaw(options.siteUrl + path, 'identity');
    const after = await fetchRaw(options.edgeUrl + path, encoding);
    results.push({
      page,
      path,
      encoding,
      bytes: reference.body.length,
      // The edge served the site's page, unchanged during the measurement.
      sameBytes:
        encodedAsAsked &&
        after.body.equals(reference.body) &&
        (encoding === 'gzip' ? gunzipSync(reference.body) : reference.body).equals(site.body),
      nginx: nginxLoad,
      edge,
    });
  }
  return results;
}

/**
 * A reader-like sequence of paths: 15 % the home page, 25 % a topic page, 60 % an article, the
 * articles picked by popularity (Zipf: the n-th most read has 1/n the readers of the first).
 */
export function readerMix(topics: string[], articles: string[], length: number, random = Math.random): string[] {
  if (topics.length === 0 || articles.length === 0) throw new Error('the mix needs topics and articles');
  const weights = articles.map((_, i) => 1 / (i + 1));
  const cumulative: number[] = [];
  weights.reduce((sum, w) => (cumulative.push(sum + w), sum + w), 0);
  const total = cumulative[cumulative.length - 1];
  const pickArticle = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return articles[lo];
  };
  return Array.from({ length }, () => {
    const r = random();
    if (r < 0.15) return '/';
    if (r < 0.4) return `/topics/${topics[Math.floor(random() * topics.length)]}`;
    return `/articles/${pickArticle()}`;
  });
}

/** The mix through the edge after a warm-up with another sequence from the same mix. */
export async function measureEdgeMix(options: {
  edgeUrl: string;
  workdir: string;
  topics: string[];
  articles: string[];
  load: LoadOptions;
}): Promise<EdgeResult['mix']> {
  const { warmupSec = 0, ...load } = options.load;
  const length = 50_000;
  if (warmupSec > 0) {
    await measureLoad(options.edgeUrl, {
      ...load,
      durationSec: warmupSec,
      paths: readerMix(options.topics, options.articles, length),
    });
  }
  const before = varnishCounters(options.workdir);
  const result = await measureLoad(options.edgeUrl, {
    ...load,
    paths: readerMix(options.topics, options.articles, length),
  });
  const after = varnishCounters(options.workdir);
  const hits = after.hits - before.hits;
  const misses = after.misses - before.misses;
  return {
    paths: length,
    articles: options.articles.length,
    load: result,
    hits,
    misses,
    hitRatio: hits + misses > 0 ? hits / (hits + misses) : 0,
  };
}

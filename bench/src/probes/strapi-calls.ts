/**
 * The Strapi calls the site makes, exactly as its client sends them (same query builders; no
 * token, which the site sends only to read drafts): latency for one client, throughput under concurrent load, SQL statements per request,
 * and beside each the hand-written single-query floor through the same driver.
 */
import type { Knex } from 'knex';

import { articleBySlugQuery, articleListQuery, articlePagePath, stringifyQuery } from '@nourish/content';

import { runFloor, type Dialect, type FloorCall } from './floor-queries';
import { measureLoad, measureSequential, type LoadResult, type SequentialResult } from './http-load';

export type CallId = 'article' | 'article-rest' | 'related' | 'listing' | 'search';

export type CallMeasure = {
  call: CallId;
  label: string;
  statements: number;
  single: SequentialResult;
  load: LoadResult;
  floor: SequentialResult;
};

export type CallInputs = { slugs: string[]; topics: string[]; words: string[] };

type CallSpec = {
  call: CallId;
  floor: FloorCall;
  label: string;
  path: (i: CallInputs, n: number) => string;
  floorArg: (i: CallInputs, n: number) => string;
};

const CALLS: CallSpec[] = [
  {
    call: 'article',
    floor: 'article',
    label: 'Article by slug with its populate (the site: /articles/by-slug/:slug)',
    path: (i, n) => `/api${articlePagePath(i.slugs[n % i.slugs.length])}`,
    floorArg: (i, n) => i.slugs[n % i.slugs.length],
  },
  {
    // The generic path the read model replaced, kept in the table to show why.
    call: 'article-rest',
    floor: 'article',
    label: 'The same through the generic REST find + populate',
    path: (i, n) => `/api/articles?${stringifyQuery(articleBySlugQuery(i.slugs[n % i.slugs.length]))}`,
    floorArg: (i, n) => i.slugs[n % i.slugs.length],
  },
  {
    call: 'related',
    floor: 'related',
    label: 'Both related rails',
    path: (i, n) => `/api/articles/${i.slugs[n % i.slugs.length]}/related?limit=6`,
    floorArg: (i, n) => i.slugs[n % i.slugs.length],
  },
  {
    call: 'listing',
    floor: 'listing',
    label: 'Topic listing, page 1 of 12',
    path: (i, n) => `/api/articles?${stringifyQuery(articleListQuery({ topicSlug: i.topics[n % i.topics.length] }, 1, 12))}`,
    floorArg: (i, n) => i.topics[n % i.topics.length],
  },
  {
    call: 'search',
    floor: 'search',
    label: 'Search, page 1 of 10',
    path: (i, n) => `/api/search?${stringifyQuery({ q: i.words[n % i.words.length], page: 1, pageSize: 10 })}`,
    floorArg: (i, n) => i.words[n % i.words.length],
  },
];

const pathsFor = (spec: CallSpec, inputs: CallInputs) => Array.from({ length: 50 }, (_, n) => spec.path(inputs, n));

const fetchOk = async (cmsUrl: string, spec: CallSpec, path: string) => {
  const res = await fetch(cmsUrl + path);
  const body = await res.text();
  if (!res.ok) throw new Error(`${spec.label}: HTTP ${res.status} for ${path}: ${body.slice(0, 300)}`);
  return res;
};

/**
 * SQL statements per request of each call, from a CMS started with SQL_STATEMENT_COUNT=true.
 * The median of five requests: the first use of a connection or role may add a one-off lookup.
 */
export async function countStatements(cmsUrl: string, inputs: CallInputs): Promise<Map<CallId, number>> {
  const counts = new Map<CallId, number>();
  for (const spec of CALLS) {
    const seen: number[] = [];
    for (const path of pathsFor(spec, inputs).slice(0, 5)) {
      seen.push(Number((await fetchOk(cmsUrl, spec, path)).headers.get('x-sql-statements') ?? NaN));
    }
    const median = seen.sort((a, b) => a - b)[2];
    if (!Number.isFinite(median)) throw new Error('the CMS reports no x-sql-statements: is SQL_STATEMENT_COUNT=true set?');
    counts.set(spec.call, median);
  }
  return counts;
}

/** Latency and throughput of each call (from a CMS without the counting, which costs a little). */
export async function measureStrapiCalls(options: {
  cmsUrl: string;
  knex: Knex;
  dialect: Dialect;
  inputs: CallInputs;
  statements: Map<CallId, number>;
  samples: number;
  load: { connections: number; durationSec: number; warmupSec: number };
}): Promise<CallMeasure[]> {
  const results: CallMeasure[] = [];
  for (const spec of CALLS) {
    const paths = pathsFor(spec, options.inputs);
    let n = 0;
    const single = await measureSequential(async () => {
      await fetchOk(options.cmsUrl, spec, paths[n++ % paths.length]);
    }, options.samples);
    const load = await measureLoad(options.cmsUrl, { ...options.load, paths });

    let m = 0;
    const floor = await measureSequential(async () => {
      const rows = await runFloor(options.knex, options.dialect, spec.floor, spec.floorArg(options.inputs, m++));
      if (rows === 0) throw new Error(`the ${spec.floor} floor query found nothing`);
    }, options.samples);

    results.push({ call: spec.call, label: spec.label, statements: options.statements.get(spec.call)!, single, load, floor });
  }
  return results;
}

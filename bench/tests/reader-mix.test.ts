/** The edge probe's reader mix (src/probes/edge.ts): its shares of page types and its popularity skew. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { readerMix } from '../src/probes/edge';

// A seeded generator, so the shares below are the same on every run.
const seeded = (seed: number) => () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};

test('the mix is 15 % home, 25 % topics, 60 % articles, the first articles read most', () => {
  const articles = Array.from({ length: 100 }, (_, i) => `a${i}`);
  const mix = readerMix(['t1', 't2'], articles, 20_000, seeded(7));
  const share = (match: (p: string) => boolean) => mix.filter(match).length / mix.length;
  assert.ok(Math.abs(share((p) => p === '/') - 0.15) < 0.02);
  assert.ok(Math.abs(share((p) => p.startsWith('/topics/')) - 0.25) < 0.02);
  assert.ok(Math.abs(share((p) => p.startsWith('/articles/')) - 0.6) < 0.02);
  const reads = (slug: string) => mix.filter((p) => p === `/articles/${slug}`).length;
  assert.ok(reads('a0') > 10 * reads('a99'), `${reads('a0')} vs ${reads('a99')}`);
  assert.ok(mix.every((p) => /^\/(topics\/t[12]|articles\/a\d+)?$/.test(p)));
});

test('the mix refuses an empty list of topics or articles', () => {
  assert.throws(() => readerMix([], ['a'], 10), /needs topics and articles/);
  assert.throws(() => readerMix(['t'], [], 10), /needs topics and articles/);
});

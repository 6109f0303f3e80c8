/** The framework floor's inputs: the article text it is built with, and the medians of interleaved runs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { RawArticle } from '@nourish/content/schemas';

import { floorArticle } from '../src/floor-article';
import { medianOfRuns, type LighthouseResult } from '../src/probes/lighthouse';

const text = (t: string) => ({ type: 'text' as const, text: t });

test('the floor shows the title, the standfirst and the body text as headings, paragraphs and lists', () => {
  const raw = {
    documentId: 'd',
    title: 'Magnesium glycinate',
    slug: 'magnesium-glycinate',
    excerpt: 'What it does.',
    updatedAt: '2026-01-01T00:00:00.000Z',
    topics: [],
    body: [
      {
        __component: 'content.rich-text',
        id: 1,
        body: [
          { type: 'heading', level: 2, children: [text('Why it matters')] },
          { type: 'paragraph', children: [text('Most '), { type: 'link', url: '/x', children: [text('adults')] }] },
          { type: 'paragraph', children: [text('  ')] },
          {
            type: 'list',
            format: 'ordered',
            children: [
              { type: 'list-item', children: [text('one')] },
              { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('nested')] }] },
            ],
          },
          { type: 'heading', level: 5, children: [text('Deep')] },
          { type: 'image', image: { url: '/uploads/a.jpg' } },
        ],
      },
      { __component: 'content.key-takeaways', id: 2, title: 'In short', items: [{ text: 'Sleep' }] },
      { __component: 'content.pull-quote', id: 3, quote: 'A quote', attribution: null },
    ],
  } as RawArticle;
  assert.deepEqual(floorArticle(raw), {
    title: 'Magnesium glycinate',
    standfirst: 'What it does.',
    blocks: [
      { kind: 'heading', level: 2, text: 'Why it matters' },
      { kind: 'paragraph', text: 'Most adults' },
      { kind: 'list', ordered: true, items: ['one', 'nested'] },
      { kind: 'heading', level: 4, text: 'Deep' },
      { kind: 'paragraph', text: 'In short' },
      { kind: 'list', ordered: false, items: ['Sleep'] },
      { kind: 'paragraph', text: 'A quote' },
    ],
  });
});

const audit = (performance: number, tbtMs: number, url = 'http://127.0.0.1:1/'): LighthouseResult => ({
  url,
  performance,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
  lcpMs: 1000 + tbtMs,
  tbtMs,
  cls: 0,
});

test('medianOfRuns: the median of each figure, with the spread of performance and TBT', () => {
  const m = medianOfRuns([audit(91, 350), audit(78, 900), audit(88, 400)]);
  assert.deepEqual(
    [m.performance, m.tbtMs, m.lcpMs, m.runs, m.performanceRange, m.tbtMsRange],
    [88, 400, 1400, 3, [78, 91], [350, 900]],
  );
  // Even counts take the mean of the middle two.
  assert.equal(medianOfRuns([audit(90, 100), audit(80, 300)]).tbtMs, 200);
});

test('medianOfRuns refuses no runs and runs of different pages', () => {
  assert.throws(() => medianOfRuns([]), /no runs/);
  assert.throws(() => medianOfRuns([audit(90, 1), audit(90, 1, 'http://127.0.0.1:1/x')]), /different URLs/);
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { Article, ArticleHistoryEntry, SiteSettings } from '@nourish/content';

import { articleJsonLd } from '../lib/json-ld';

const seo = { metaTitle: null, metaDescription: null, shareImage: null, canonicalUrl: null, noindex: false };
const settings: SiteSettings = {
  siteName: 'Nourish',
  publisherName: 'Nourish Research',
  copyrightHolder: 'Nourish Research',
  copyrightStartYear: 2024,
  footerLinks: [],
  medicalDisclaimer: null,
  defaultSeo: seo,
};
const reviewer = { name: 'Lena Marsh', slug: 'lena-marsh', credentials: 'RD', roleTitle: null, avatar: null };

const article = (history: ArticleHistoryEntry[]): Article => ({
  documentId: 'doc',
  slug: 'iron',
  title: 'Iron',
  excerpt: 'About iron.',
  cover: null,
  publishedAt: '2025-04-08T08:00:00.000Z',
  updatedAt: '2026-03-03T08:00:00.000Z',
  body: [],
  toc: [],
  readingMinutes: 1,
  author: null,
  reviewer,
  lastReviewedAt: '2026-03-03',
  topics: [],
  references: [],
  seo,
  history,
});

const jsonLd = (history: ArticleHistoryEntry[]) =>
  articleJsonLd({
    article: article(history),
    settings,
    origin: 'https://site.test',
    url: 'https://site.test/a',
    imageUrl: null,
  });

describe('article JSON-LD and the article history', () => {
  test('lists each correction as a schema.org CorrectionComment, newest first as the page does', () => {
    const data = jsonLd([
      { kind: 'reviewed', occurredAt: '2026-03-03T08:00:00.000Z', note: null, reviewer },
      { kind: 'corrected', occurredAt: '2026-03-03T08:00:00.000Z', note: 'Fixed the tea advice.', reviewer: null },
      { kind: 'updated', occurredAt: '2025-09-16T08:00:00.000Z', note: 'Added ferritin.', reviewer: null },
      { kind: 'corrected', occurredAt: '2025-05-01T08:00:00.000Z', note: null, reviewer: null },
      { kind: 'published', occurredAt: '2025-04-08T08:00:00.000Z', note: null, reviewer: null },
    ]);
    assert.deepEqual(data.correction, [
      { '@type': 'CorrectionComment', text: 'Fixed the tea advice.', datePublished: '2026-03-03T08:00:00.000Z' },
      { '@type': 'CorrectionComment', text: 'This article was corrected.', datePublished: '2025-05-01T08:00:00.000Z' },
    ]);
    // Updates and past reviews have no schema.org property: only dateModified and the latest review.
    assert.equal(data.dateModified, '2026-03-03T08:00:00.000Z');
    assert.equal(data.lastReviewed, '2026-03-03');
    assert.equal((data.reviewedBy as { name: string }).name, 'Lena Marsh');
  });

  test('has no correction property without corrections', () => {
    assert.equal('correction' in jsonLd([]), false);
    const updatedOnly = jsonLd([
      { kind: 'updated', occurredAt: '2025-09-16T08:00:00.000Z', note: 'x', reviewer: null },
    ]);
    assert.equal('correction' in updatedOnly, false);
  });
});

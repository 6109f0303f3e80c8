import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { cacheTags, tagsForChange, type ChangeNotification } from '@nourish/content';

import { surrogateKeysFor } from '../lib/edge/surrogate-keys';

const change = (model: ChangeNotification['model'], slugs: string[] = [], referencedBy: string[] = []): string[] =>
  tagsForChange({ model, action: 'publish', documentId: 'doc', slugs, referencedBy, referencedByOverflow: false });

/** Whether a change purges the page at the edge: the page carries one of the change's tags. */
const purges = (tags: string[], path: string): boolean => surrogateKeysFor(path).some((key) => tags.includes(key));

describe('surrogate keys: what a CMS change purges at the edge', () => {
  const pages = [
    '/',
    '/articles/kale',
    '/topics/sleep',
    '/authors/ana-ruiz',
    '/search',
    '/feed.xml',
    '/sitemap.xml',
    '/sitemaps/articles-1.xml',
    '/no/such/page',
  ];

  test('publishing an article purges its page (also its 404), every list and the feed and sitemaps', () => {
    const tags = change('article', ['kale']);
    for (const path of [
      '/articles/kale',
      '/',
      '/topics/sleep',
      '/authors/ana-ruiz',
      '/search',
      '/feed.xml',
      '/sitemap.xml',
      '/sitemaps/articles-1.xml',
    ]) {
      assert.ok(purges(tags, path), path);
    }
    // Every article page's rails read the article lists (tagged `articles`) in Next too.
    assert.ok(purges(tags, '/articles/other'), 'rails');
    assert.ok(
      purges(change('article', ['other'], ['kale']), '/articles/kale'),
      'an article whose rail points at the change',
    );
  });

  test('topics, authors and site settings reach every page that shows them', () => {
    assert.ok(purges(change('topic', ['sleep']), '/topics/sleep'));
    assert.ok(purges(change('topic', ['sleep']), '/articles/kale'), 'topic names in the header and the byline area');
    assert.ok(purges(change('author', ['ana-ruiz']), '/authors/ana-ruiz'));
    assert.ok(purges(change('author', ['ana-ruiz']), '/articles/kale'), 'bylines');
    for (const path of pages.filter((p) => !p.startsWith('/sitemap')))
      assert.ok(purges(change('site-setting'), path), path);
    assert.ok(purges(change('home-page'), '/'));
    assert.ok(!purges(change('home-page'), '/topics/sleep'));
    assert.ok(!purges(change('home-page'), '/articles/kale'));
    assert.ok(purges(change('redirect'), '/articles/old-slug'), 'a new redirect replaces the 404 of its old URL');
  });

  test('only valid slugs become tags: an encoded or odd path names no slug', () => {
    assert.deepEqual(
      surrogateKeysFor('/articles/kale').filter((key) => key.startsWith('article:')),
      [cacheTags.article('kale')],
    );
    for (const path of [
      '/articles/Kale',
      '/articles/a%20b',
      '/articles/%0d%0aX:1',
      '/articles/%E0%A4%A',
      '/topics/..',
    ]) {
      const keys = surrogateKeysFor(path);
      assert.ok(
        keys.every((key) => /^[a-z0-9:-]+$/.test(key)),
        `${path}: ${keys.join(' ')}`,
      );
      assert.ok(!keys.some((key) => /^(article|topic|author):/.test(key)), path);
    }
  });
});

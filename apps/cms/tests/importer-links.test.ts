import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { LinkMap, linkKey, linkKeysOf, redirectFrom, rewriteBlocks } from '../src/importer/links';
import { slugify } from '../src/importer/slugs';
import type { SourceArticle } from '../src/importer/source-article';

const article = (sourceUrls: string[], slug?: string): SourceArticle => ({
  sourceKey: 'test:1',
  sourceUrls,
  title: 'T',
  ...(slug ? { slug } : {}),
  body: [],
  topics: [],
  keyTakeaways: [],
  references: [],
  recommended: [],
  alsoLike: [],
  alsoLikeExcluded: [],
  sourceDraft: false,
});

describe('importer links', () => {
  it('keys a URL by host, path and query: no scheme, www, fragment, tracking or trailing slash', () => {
    assert.equal(linkKey('https://www.Old.example.org/2019/04/oats/?utm_source=x#top'), 'old.example.org/2019/04/oats');
    assert.equal(linkKey('http://old.example.org/2019/04/oats'), 'old.example.org/2019/04/oats');
    assert.equal(linkKey('https://old.example.org/?p=412&utm_medium=mail'), 'old.example.org?p=412');
    assert.equal(linkKey('/articles/oats/'), '/articles/oats');
    assert.equal(linkKey('mailto:someone@example.org'), null);
    assert.equal(linkKey('#section'), null);
    assert.equal(linkKey('//cdn.example.org/x'), null);
  });

  it('knows an article by its old URLs and the slug its source asked for', () => {
    assert.deepEqual(linkKeysOf(article(['https://old.example.org/a/', 'https://old.example.org/?p=4'], 'a')), [
      'old.example.org/a',
      'old.example.org?p=4',
      '/articles/a',
    ]);
  });

  it('redirects from the path and query of an old URL', () => {
    assert.equal(redirectFrom('https://old.example.org/2018/11/myths/'), '/2018/11/myths');
    assert.equal(redirectFrom('https://old.example.org/?p=412'), '/?p=412');
  });

  it('rewrites links to imported articles, in lists too, and lists the others', () => {
    const links = new LinkMap();
    links.add(['old.example.org/a'], { documentId: 'd1', slug: 'new-a' });
    const { blocks, unresolved } = rewriteBlocks(links, [
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: 'https://www.old.example.org/a/', children: [{ type: 'text', text: 'A' }] },
          { type: 'link', url: 'https://elsewhere.example.com/b', children: [{ type: 'text', text: 'B' }] },
          { type: 'link', url: 'mailto:x@example.org', children: [{ type: 'text', text: 'mail' }] },
        ],
      },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'link', url: '/a', children: [{ type: 'text', text: 'c' }] }] },
        ],
      },
    ]);
    const urls = blocks.flatMap((b) =>
      (b.type === 'list' ? b.children.flatMap((i) => i.children) : b.children).flatMap((n) =>
        n.type === 'link' ? [n.url] : [],
      ),
    );
    assert.deepEqual(urls, ['/articles/new-a', 'https://elsewhere.example.com/b', 'mailto:x@example.org', '/a']);
    assert.deepEqual(unresolved, ['https://elsewhere.example.com/b', '/a']);
    const fromOldSite = rewriteBlocks(links, blocks, ['https://old.example.org/2020/other/']);
    assert.deepEqual(fromOldSite.unresolved, ['https://elsewhere.example.com/b'], 'a relative link on the old site');
  });

  it('slugifies titles to lower-case ASCII words', () => {
    assert.equal(slugify('Crème brûlée, in 2024!'), 'creme-brulee-in-2024');
    assert.equal(slugify('***'), 'article');
    assert.equal(slugify('x'.repeat(200)).length, 120);
  });
});

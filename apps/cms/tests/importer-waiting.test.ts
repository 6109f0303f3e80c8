import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { LinkMap, linkKeysOf } from '../src/importer/links';
import type { SourceArticle, SourceEntry } from '../src/importer/source-article';
import { plannedLinkKeys, WaitingArticles, type WaitingArticle } from '../src/importer/waiting-articles';

const OLD = 'https://old.example.org';

/** An article at `${OLD}/<slug>/` whose body links to `bodyLinks` and whose rail recommends `rail`. */
const article = (slug: string, bodyLinks: string[], rail: string[] = []): SourceArticle => ({
  sourceKey: `test:${slug}`,
  sourceUrls: [`${OLD}/${slug}/`],
  title: slug,
  slug,
  body: [
    {
      kind: 'rich-text',
      body: [
        {
          type: 'paragraph',
          children: bodyLinks.map((url) => ({ type: 'link', url, children: [{ type: 'text', text: url }] })),
        },
      ],
    },
  ],
  topics: [],
  keyTakeaways: [],
  references: [],
  recommended: rail.map((url) => ({ url, label: url })),
  alsoLike: [],
  alsoLikeExcluded: [],
  sourceDraft: false,
});

/** Runs `articles` through a room as the run does and returns the order they are written in. */
const writeOrder = (articles: SourceArticle[], planned = articles) => {
  const links = new LinkMap();
  const room = new WaitingArticles(links, new Set(planned.flatMap(linkKeysOf)));
  const order: string[] = [];
  const write = (first: WaitingArticle) => {
    const queue = [first];
    for (let next = queue.shift(); next; next = queue.shift()) {
      order.push(next.article.slug ?? '');
      const keys = linkKeysOf(next.article);
      links.add(keys, { documentId: `doc-${next.article.slug ?? ''}`, slug: next.article.slug ?? '' });
      queue.push(...room.release([...keys, `/articles/${next.article.slug ?? ''}`]));
    }
  };
  articles.forEach((a, position) => {
    const entry = { article: a, warnings: [], position };
    if (!room.hold(entry)) write(entry);
  });
  for (const entry of room.drain()) write(entry);
  return order;
};

describe('importer: articles waiting for the ones they link to', () => {
  it('writes an article after the later articles it links to, by old URL, relative path or rail', () => {
    const order = writeOrder([
      article('a', [`${OLD}/b/`]),
      article('b', ['/c/'], [`${OLD}/d`]),
      article('c', []),
      article('d', []),
    ]);
    assert.deepEqual(order, ['c', 'd', 'b', 'a']);
  });

  it('holds nothing for links to pages outside the source, to itself, or to articles already written', () => {
    const order = writeOrder([
      article('a', []),
      article('b', [`${OLD}/a/`, `${OLD}/b/`, `${OLD}/not-imported/`, 'https://elsewhere.example.com/x']),
      article('c', []),
    ]);
    assert.deepEqual(order, ['a', 'b', 'c']);
  });

  it('writes articles that link to each other as soon as they wait for nothing later', () => {
    // a and b link to each other and both to c: once c is written, a goes first (then b, released by a).
    const order = writeOrder([
      article('a', [`${OLD}/b/`, `${OLD}/c/`]),
      article('b', [`${OLD}/a/`, `${OLD}/c/`]),
      article('c', []),
      article('d', []),
    ]);
    assert.deepEqual(order, ['c', 'a', 'b', 'd']);
  });

  it('writes what still waits at the end, in source order, when a planned target never comes', () => {
    // "gone" is in the plan but never written (it failed): its waiters are written at the end.
    const gone = article('gone', []);
    const order = writeOrder([article('a', [`${OLD}/gone/`]), article('b', [])], [article('a', []), gone]);
    assert.deepEqual(order, ['b', 'a']);
  });

  it('plans from the first `limit` entries of the source, skipping unreadable ones', async () => {
    const list: SourceEntry[] = [
      { ok: true, article: article('a', []), warnings: [] },
      { ok: false, sourceKey: 'test:broken', error: 'bad' },
      { ok: true, article: article('c', []), warnings: [] },
    ];
    async function* entries() {
      for (const entry of list) yield await Promise.resolve(entry);
    }
    assert.deepEqual([...(await plannedLinkKeys(entries(), 2))], ['old.example.org/a', '/articles/a']);
    assert.equal((await plannedLinkKeys(entries())).size, 4);
  });
});

/** The content-API policies' pure parts: populate parsing, depth, the public allow-list, filters. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import fs from 'node:fs';
import path from 'node:path';

import type { Core } from '@strapi/strapi';

import { queryShapeCheck } from '../src/api-policy/query-shape';
import { populateDepth, readPopulate, type PopulateBranch } from '../src/api-policy/populate-tree';
import { assertPublishedOnly } from '../src/api-policy/published-only';
import {
  checkPopulateDepth,
  checkPublicFilters,
  checkPublicPopulate,
  checkPublicTopLevel,
  MAX_POPULATE_DEPTH,
} from '../src/api-policy/query-bounds';
import { siteTokenCheck } from '../src/api-policy/site-token';

const ARTICLE = 'api::article.article';

/** The tree as dotted paths, for readable assertions. */
const paths = (at: PopulateBranch): string[] => [
  ...(at.wildcard ? [`${at.path}.*`] : []),
  ...[...at.children.values(), ...at.fragments.values()].flatMap((next) => [next.path, ...paths(next)]),
];

const publicPopulate = (populate: unknown, uid: string | undefined) =>
  checkPublicPopulate(checkPopulateDepth(populate), uid);

describe('populate parsing', () => {
  it('reads every spelling Strapi accepts into the same tree', () => {
    const expected = ['author', 'author.avatar', 'cover'];
    assert.deepEqual(paths(readPopulate('author.avatar,cover')).sort(), expected);
    assert.deepEqual(paths(readPopulate(['author.avatar', 'cover'])).sort(), expected);
    assert.deepEqual(paths(readPopulate({ author: { populate: { avatar: 'true' } }, cover: true })).sort(), expected);
    assert.deepEqual(paths(readPopulate({ author: { populate: 'avatar' }, cover: '1' })).sort(), expected);
    assert.deepEqual(
      paths(readPopulate({ author: { populate: ['avatar'] }, cover: { fields: ['url'] }, topics: 'false' })).sort(),
      expected,
    );
    assert.deepEqual(paths(readPopulate({ body: { on: { 'content.figure': { populate: { image: true } } } } })), [
      'body',
      'body[content.figure]',
      'body[content.figure].image',
    ]);
  });

  it('marks wildcards wherever they are', () => {
    assert.equal(readPopulate('*').wildcard, true);
    assert.deepEqual(paths(readPopulate(['author.*'])), ['author', 'author.*']);
    assert.deepEqual(paths(readPopulate({ author: { populate: '*' } })), ['author', 'author.*']);
    assert.deepEqual(paths(readPopulate({ '*': 'true' })), ['.*']);
  });

  it('refuses what Strapi could not read as a populate', () => {
    for (const bad of [{ author: 'avatar' }, { author: ['x'] }, [{ a: 1 }], { body: { on: 'x' } }]) {
      assert.throws(() => readPopulate(bad), /Invalid populate/, JSON.stringify(bad));
    }
  });

  it('counts attribute levels, not fragments', () => {
    assert.equal(populateDepth(readPopulate('featured.article.cover')).depth, 3);
    assert.equal(
      populateDepth(readPopulate({ body: { on: { 'content.key-takeaways': { populate: { items: true } } } } })).depth,
      2,
    );
    assert.throws(() => checkPopulateDepth('a.b.c.d.e'), new RegExp(`5 levels deep; at most ${MAX_POPULATE_DEPTH}`));
  });
});

describe('public populate allow-list', () => {
  it("allows the site's article populate", () => {
    publicPopulate(
      {
        cover: { fields: ['url'] },
        author: { fields: ['name'], populate: { avatar: { fields: ['url'] } } },
        body: { on: { 'content.key-takeaways': { fields: ['title'], populate: { items: { fields: ['text'] } } } } },
      },
      ARTICLE,
    );
    publicPopulate({ featured: { populate: { article: { populate: { cover: true } } } } }, 'api::home-page.home-page');
  });

  it('refuses wildcards, paths outside the list, nested options and populates on routes without a type', () => {
    const cases: Array<[unknown, RegExp, string?]> = [
      ['*', /"\*" is not available/],
      [{ topics: { populate: { articles: true } } }, /"topics.articles" is not available/],
      ['author.articles', /"author.articles" is not available/],
      [
        { body: { on: { 'content.figure': { populate: { image: { populate: { related: true } } } } } } },
        /not available/,
      ],
      [{ body: { populate: { items: true } } }, /"body.items" is not available/],
      [{ topics: { filters: { name: 'x' } } }, /option "filters" on "topics"/],
      [{ topics: { sort: 'name' } }, /option "sort"/],
      [{ topics: { count: true } }, /option "count"/],
      ['articles', /nothing can be populated here/, 'api::topic.topic'],
      ['author', /nothing can be populated here/, 'none'],
    ];
    for (const [populate, message, uid] of cases) {
      assert.throws(
        () => publicPopulate(populate, uid === 'none' ? undefined : (uid ?? ARTICLE)),
        message,
        JSON.stringify(populate),
      );
    }
  });
});

describe('public filters and parameters', () => {
  it('bounds operands, depth and values', () => {
    checkPublicFilters({ $or: [{ author: { slug: { $eq: 'x' } } }, { reviewer: { slug: { $eq: 'x' } } }] });
    assert.throws(() => checkPublicFilters({ title: { $containsi: 'a'.repeat(201) } }), /at most 200/);
    assert.throws(() => checkPublicFilters({ a: { b: { c: { d: { e: { f: { $eq: 'x' } } } } } } }), /nest 7 levels/);
    assert.throws(
      () => checkPublicFilters({ slug: { $in: Array.from({ length: 101 }, String) } }),
      /at most 100 values/,
    );
  });

  it('accepts the known top-level keys only, with whole-number paging', () => {
    checkPublicTopLevel({ q: 'magnesium', page: '2', pageSize: '10', filters: {}, status: 'published' }, 100);
    assert.throws(() => checkPublicTopLevel({ locale: 'fr' }, 100), /unknown query parameter "locale"/);
    assert.throws(() => checkPublicTopLevel({ pageSize: '101' }, 100), /up to 100/);
    assert.throws(() => checkPublicTopLevel({ page: ['1', '2'] }, 100), /whole number/);
    assert.throws(() => checkPublicTopLevel({ _q: 'x'.repeat(101) }, 100), /_q/);
  });
});

/** The project's own schemas (content types and components) behind a stand-in for strapi.getModel. */
const schemaModels = () => {
  const src = path.join(__dirname, '..', 'src');
  const models = new Map<string, unknown>();
  for (const api of fs.readdirSync(path.join(src, 'api'))) {
    const file = path.join(src, 'api', api, 'content-types', api, 'schema.json');
    if (fs.existsSync(file)) models.set(`api::${api}.${api}`, JSON.parse(fs.readFileSync(file, 'utf8')));
  }
  for (const group of fs.readdirSync(path.join(src, 'components'))) {
    for (const file of fs.readdirSync(path.join(src, 'components', group))) {
      models.set(
        `${group}.${file.replace(/\.json$/, '')}`,
        JSON.parse(fs.readFileSync(path.join(src, 'components', group, file), 'utf8')),
      );
    }
  }
  models.set('plugin::upload.file', { attributes: { name: { type: 'string' }, url: { type: 'string' } } });
  return { getModel: (uid: string) => models.get(uid) } as unknown as Core.Strapi;
};

describe('filter and sort shapes', () => {
  const shape = queryShapeCheck(schemaModels());
  const check = shape.filters;

  it("accepts the site's filters and Strapi's documented forms", () => {
    check({ slug: { $eq: 'magnesium-glycinate' } }, ARTICLE);
    check({ slug: 'magnesium-glycinate' }, ARTICLE);
    check({ topics: { slug: { $eq: 'sleep' } } }, ARTICLE);
    check({ $or: [{ author: { slug: { $eq: 'x' } } }, { reviewer: { slug: { $eq: 'x' } } }] }, ARTICLE);
    check({ title: { $not: { $containsi: 'x' } }, id: { $in: ['1', '2'] }, cover: { $null: 'true' } }, ARTICLE);
    check({ $and: { 0: { slug: 'a' }, 25: { slug: 'b' } } }, ARTICLE);
    check({ from: { $eq: '/articles/old' } }, 'api::redirect.redirect');
  });

  it('refuses the shapes that made Strapi answer 500, naming the path', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ $eq: '100' }, /filters\[\$eq\]: operator "\$eq" needs a field/],
      [['published'], /expected an object/],
      [{ $in: 'published' }, /needs a field/],
      [{ title: { $eq: { $in: 'x' } } }, /filters\[title\]\[\$eq\]: \$eq takes one value/],
      [{ $not: { $notNull: ['a,b,c'] } }, /needs a field/],
      [{ title: { $in: { a: { b: 'c' } } } }, /takes a value or a list/],
      [{ author: 'x' }, /filters\[author\]: expected an object/],
      [{ body: { $null: 'true' } }, /dynamic zone/],
      [{ nope: 'x' }, /unknown field "nope"/],
      [{ title: { $regexp: '.*' } }, /unknown operator "\$regexp"/],
      [{ $or: 'x' }, /takes a list of conditions/],
    ];
    for (const [filters, message] of cases)
      assert.throws(() => check(filters, ARTICLE), message, JSON.stringify(filters));
  });

  it('accepts sorts on orderable fields in every spelling, and refuses the rest', () => {
    shape.sort(['firstPublishedAt:desc', 'title:asc'], ARTICLE);
    shape.sort('title:ASC,author.name', ARTICLE);
    shape.sort({ author: { name: 'desc' } }, ARTICLE);
    shape.sort({ 0: 'title:asc', 30: 'slug' }, ARTICLE);
    const cases: Array<[unknown, RegExp]> = [
      ['../../etc/passwd', /unknown field ""/],
      ['title:sideways', /field:asc/],
      ['title:asc:desc', /field:asc/],
      ['author', /"author" has no order/],
      ['body', /"body" has no order/],
      ['title.x', /"title" has no fields/],
      ['nope:asc', /unknown field "nope"/],
      [{ title: 'up' }, /expected "asc"/],
      [{ title: { a: 'b' } }, /expected "asc"/],
      [42, /expected field:asc/],
    ];
    for (const [value, message] of cases)
      assert.throws(() => shape.sort(value, ARTICLE), message, JSON.stringify(value));
  });
});

describe('drafts and the site token', () => {
  it('allows only an absent or exactly "published" status, and no draft parameter anywhere', () => {
    assertPublishedOnly({});
    assertPublishedOnly({ status: 'published', populate: { author: true } });
    for (const query of [
      { status: 'draft' },
      { status: 'PUBLISHED' },
      { status: '' },
      { status: ['published'] },
      { publicationFilter: 'modified' },
      { hasPublishedVersion: 'false' },
      { publicationState: 'preview' },
      { populate: { articles: { status: 'draft' } } },
      { filters: { $and: [{ status: 'draft' }] } },
    ]) {
      assert.throws(
        () => assertPublishedOnly(query),
        (e: Error) => e.name === 'ForbiddenError',
        JSON.stringify(query),
      );
    }
  });

  it('recognises exactly the configured Bearer token', () => {
    const isSite = siteTokenCheck('s3cret-token');
    assert.equal(isSite('Bearer s3cret-token'), true);
    assert.equal(isSite('bearer s3cret-token'), true);
    for (const header of [
      undefined,
      '',
      'Bearer',
      'Bearer s3cret-tokeN',
      'Bearer s3cret-token2',
      's3cret-token',
      'Basic s3cret-token',
    ]) {
      assert.equal(isSite(header), false, String(header));
    }
    assert.equal(siteTokenCheck(undefined)('Bearer '), false);
    assert.equal(siteTokenCheck('')('Bearer '), false);
  });
});

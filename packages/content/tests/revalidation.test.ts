import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cacheTags } from '../src/cache-tags';
import { REFERENCED_BY_LIMIT, changeNotification, tagsForChange, type ChangeNotification } from '../src/revalidation';
// The CMS's side of the cap (its image does not ship this package, so the number is mirrored).
import {
  REFERENCED_BY_LIMIT as CMS_REFERENCED_BY_LIMIT,
  capReferencedBy,
} from '../../../apps/cms/src/utils/referenced-by';

type Model = ChangeNotification['model'];
const MODELS: Model[] = ['article', 'author', 'topic', 'site-setting', 'home-page', 'redirect'];

/** A valid notification as notify-site.ts posts it, with overrides. */
const payload = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  model: 'article',
  action: 'publish',
  documentId: 'e31ul2mfq3hzlpne5gjv2pbp',
  slugs: ['magnesium-glycinate'],
  referencedBy: [],
  ...overrides,
});

const parse = (overrides: Record<string, unknown> = {}): ChangeNotification =>
  changeNotification.parse(payload(overrides));
const tagsOf = (overrides: Record<string, unknown> = {}): string[] => tagsForChange(parse(overrides));
const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** Every string-valued tag constant (the tags that take no slug). */
const STATIC_TAGS = new Set<string>(
  Object.values(cacheTags).flatMap((value) => (typeof value === 'string' ? [value] : [])),
);
const SLUG_TAGS = [cacheTags.article, cacheTags.author, cacheTags.topic];

describe('tagsForChange', () => {
  it('an article change tags the article, every article pointing at it, and the article lists', () => {
    const slugs = ['magnesium-glycinate', 'magnesium-glycinate-v2'];
    const referencedBy = ['food-and-mood', 'sleep-hygiene-basics', 'vitamin-d-in-winter'];
    const tags = tagsOf({ model: 'article', slugs, referencedBy });
    assert.deepEqual(sorted(tags), sorted([...[...slugs, ...referencedBy].map(cacheTags.article), cacheTags.articles]));
    // Single-article pages of unrelated articles stay cached.
    assert.equal(tags.includes(cacheTags.articlePages), false);
  });

  it('an article change with no slugs still refreshes the lists', () => {
    assert.deepEqual(tagsOf({ model: 'article', slugs: [], referencedBy: [] }), [cacheTags.articles]);
  });

  it('lists each tag once when a slug is both changed and referencing', () => {
    const tags = tagsOf({ model: 'article', slugs: ['a', 'b'], referencedBy: ['b', 'a', 'c'] });
    assert.equal(new Set(tags).size, tags.length);
    assert.deepEqual(
      sorted(tags),
      sorted([cacheTags.article('a'), cacheTags.article('b'), cacheTags.article('c'), cacheTags.articles]),
    );
  });

  it('an author change tags the author, the author lists, the article lists and every article page (bylines)', () => {
    const slugs = ['amara-okafor', 'lena-marsh'];
    const tags = tagsOf({ model: 'author', slugs, referencedBy: ['food-and-mood'] });
    assert.deepEqual(
      sorted(tags),
      sorted([...slugs.map(cacheTags.author), cacheTags.authors, cacheTags.articles, cacheTags.articlePages]),
    );
    // referencedBy is an article concept: it must not turn into author or article tags here.
    assert.equal(tags.includes(cacheTags.article('food-and-mood')), false);
    assert.equal(tags.includes(cacheTags.author('food-and-mood')), false);
  });

  it('a topic change tags the topic, the topic lists, the article lists and every article page (embedded names)', () => {
    const slugs = ['sleep'];
    const tags = tagsOf({ model: 'topic', slugs, referencedBy: ['food-and-mood'] });
    assert.deepEqual(
      sorted(tags),
      sorted([cacheTags.topic('sleep'), cacheTags.topics, cacheTags.articles, cacheTags.articlePages]),
    );
  });

  const singletons: Array<[Model, string]> = [
    ['site-setting', cacheTags.settings],
    ['home-page', cacheTags.home],
    ['redirect', cacheTags.redirects],
  ];
  for (const [model, tag] of singletons) {
    it(`a ${model} change tags only ${JSON.stringify(tag)}, whatever slugs come with it`, () => {
      assert.deepEqual(tagsOf({ model, slugs: ['magnesium-glycinate'], referencedBy: ['food-and-mood'] }), [tag]);
      assert.deepEqual(tagsOf({ model, slugs: [], referencedBy: [] }), [tag]);
    });
  }

  it('every model maps to a non-empty, distinct set of tags', () => {
    const seen = new Map<string, Model>();
    for (const model of MODELS) {
      const tags = tagsOf({ model, slugs: [], referencedBy: [] });
      assert.ok(tags.length > 0, `${model} yields tags`);
      const key = sorted(tags).join(',');
      assert.equal(seen.get(key), undefined, `${model} and ${seen.get(key)} yield the same tags`);
      seen.set(key, model);
    }
  });
});

describe('referencedBy overflow', () => {
  const slugList = (n: number) => Array.from({ length: n }, (_, i) => `article-${i}`);

  it('the overflow flag adds every article page to the exact tags', () => {
    const referencedBy = slugList(3);
    const tags = tagsOf({ slugs: ['magnesium-glycinate'], referencedBy, referencedByOverflow: true });
    assert.deepEqual(
      sorted(tags),
      sorted([
        cacheTags.article('magnesium-glycinate'),
        ...referencedBy.map(cacheTags.article),
        cacheTags.articles,
        cacheTags.articlePages,
      ]),
    );
  });

  it('a list longer than the limit falls back to every article page too, tagging at most the limit', () => {
    const tags = tagsOf({ slugs: ['magnesium-glycinate'], referencedBy: slugList(5000) });
    assert.ok(tags.includes(cacheTags.articlePages));
    assert.ok(tags.includes(cacheTags.article('magnesium-glycinate')), 'the changed article itself');
    assert.ok(tags.includes(cacheTags.articles));
    assert.equal(tags.filter((tag) => tag.startsWith('article:')).length, 1 + REFERENCED_BY_LIMIT);
  });

  it('a full list without the flag stays exact', () => {
    assert.equal(tagsOf({ referencedBy: slugList(REFERENCED_BY_LIMIT) }).includes(cacheTags.articlePages), false);
  });

  it('the CMS caps at the same number and flags the rest', () => {
    assert.equal(CMS_REFERENCED_BY_LIMIT, REFERENCED_BY_LIMIT);
    assert.deepEqual(capReferencedBy(slugList(3)), { referencedBy: slugList(3), referencedByOverflow: false });
    assert.deepEqual(capReferencedBy(slugList(REFERENCED_BY_LIMIT)), {
      referencedBy: slugList(REFERENCED_BY_LIMIT),
      referencedByOverflow: false,
    });
    const capped = capReferencedBy(slugList(2000));
    assert.equal(capped.referencedBy.length, REFERENCED_BY_LIMIT);
    assert.equal(capped.referencedByOverflow, true);
  });

  it("the CMS's largest possible notification fits the site's 16 KB body limit and refreshes every article page", () => {
    const longest = (i: number) => `${String(i).padStart(3, '0')}-${'a'.repeat(156)}`;
    const referencing = Array.from({ length: 10_000 }, (_, i) => longest(i));
    const body = {
      model: 'article',
      action: 'unpublish',
      documentId: 'd'.repeat(64),
      slugs: [longest(1), longest(2)],
      ...capReferencedBy(referencing),
    };
    assert.ok(Buffer.byteLength(JSON.stringify(body)) < 16 * 1024, `${Buffer.byteLength(JSON.stringify(body))} bytes`);
    const parsed = changeNotification.safeParse(body);
    assert.equal(parsed.success, true);
    assert.ok(tagsForChange(parsed.data).includes(cacheTags.articlePages));
  });
});

describe('changeNotification schema', () => {
  it('accepts what notify-site.ts sends for each model', () => {
    for (const model of MODELS) assert.equal(changeNotification.safeParse(payload({ model })).success, true, model);
    assert.equal(changeNotification.safeParse(payload({ documentId: null })).success, true, 'documentId may be null');
  });

  const badSlugs = [
    '',
    'Magnesium',
    'magnesium glycinate',
    'magnesium_glycinate',
    '-magnesium',
    'magnesium-',
    'magnesium--glycinate',
    '../admin',
    'a/b',
    'articles:all',
    'mágnesium',
    'x'.repeat(161),
    '<script>',
  ];
  for (const bad of badSlugs) {
    it(`rejects the slug ${JSON.stringify(bad.length > 40 ? `${bad.slice(0, 20)}…(${bad.length})` : bad)} in slugs and in referencedBy`, () => {
      assert.equal(changeNotification.safeParse(payload({ slugs: [bad] })).success, false);
      assert.equal(changeNotification.safeParse(payload({ referencedBy: ['food-and-mood', bad] })).success, false);
    });
  }

  it('accepts a slug of exactly 160 characters', () => {
    const long = `${'a'.repeat(79)}-${'b'.repeat(80)}`;
    assert.equal(long.length, 160);
    assert.equal(changeNotification.safeParse(payload({ slugs: [long] })).success, true);
  });

  for (const model of ['user', 'Article', 'api::article.article', '', 'articles', 'upload']) {
    it(`rejects the unknown model ${JSON.stringify(model)}`, () => {
      assert.equal(changeNotification.safeParse(payload({ model })).success, false);
    });
  }

  it('rejects missing or mistyped fields', () => {
    for (const key of ['model', 'action', 'documentId', 'slugs', 'referencedBy']) {
      const body = payload();
      Reflect.deleteProperty(body, key);
      assert.equal(changeNotification.safeParse(body).success, false, `without ${key}`);
    }
    assert.equal(changeNotification.safeParse(payload({ slugs: 'magnesium-glycinate' })).success, false);
    assert.equal(changeNotification.safeParse(payload({ referencedBy: [42] })).success, false);
    assert.equal(changeNotification.safeParse(payload({ documentId: 7 })).success, false);
    assert.equal(changeNotification.safeParse(null).success, false);
    assert.equal(changeNotification.safeParse('model=article').success, false);
  });

  const slugList = (n: number) => Array.from({ length: n }, (_, i) => `article-${i}`);

  it('caps slugs at 10', () => {
    assert.equal(changeNotification.safeParse(payload({ slugs: slugList(10) })).success, true);
    assert.equal(changeNotification.safeParse(payload({ slugs: slugList(11) })).success, false);
  });

  it('never refuses a long referencedBy list (it means "refresh every article page")', () => {
    for (const n of [REFERENCED_BY_LIMIT, REFERENCED_BY_LIMIT + 1, 500, 501, 10_000]) {
      assert.equal(changeNotification.safeParse(payload({ referencedBy: slugList(n) })).success, true, `${n} slugs`);
    }
  });

  it('reads a missing referencedByOverflow as false (notifications from before the flag)', () => {
    assert.equal(parse().referencedByOverflow, false);
    assert.equal(parse({ referencedByOverflow: true }).referencedByOverflow, true);
    assert.equal(changeNotification.safeParse(payload({ referencedByOverflow: 'yes' })).success, false);
  });

  it('caps action and documentId lengths', () => {
    assert.equal(changeNotification.safeParse(payload({ action: 'a'.repeat(40) })).success, true);
    assert.equal(changeNotification.safeParse(payload({ action: 'a'.repeat(41) })).success, false);
    assert.equal(changeNotification.safeParse(payload({ documentId: 'd'.repeat(64) })).success, true);
    assert.equal(changeNotification.safeParse(payload({ documentId: 'd'.repeat(65) })).success, false);
  });
});

describe('tags never echo the payload', () => {
  const hostile = {
    action: 'tag:everything',
    documentId: 'doc-tag-injection',
    tags: ['injected-tag', 'site-settings-evil'],
    tag: 'injected-single',
    paths: ['/'],
  };

  for (const model of MODELS) {
    it(`${model}: every tag is a known constant or a known prefix plus a validated slug`, () => {
      const slugs = ['magnesium-glycinate'];
      const referencedBy = ['food-and-mood'];
      const parsed = changeNotification.parse({ ...payload({ model, slugs, referencedBy }), ...hostile });
      assert.equal('tags' in parsed, false, 'unknown keys are stripped');
      assert.equal('tag' in parsed, false, 'unknown keys are stripped');
      const allowed = new Set([...STATIC_TAGS, ...SLUG_TAGS.flatMap((tag) => [...slugs, ...referencedBy].map(tag))]);
      const tags = tagsForChange(parsed);
      for (const tag of tags) {
        assert.ok(allowed.has(tag), `unexpected tag ${tag}`);
        for (const echoed of [hostile.action, hostile.documentId, ...hostile.tags, hostile.tag, '/']) {
          assert.equal(tag.includes(echoed), false, `${tag} echoes ${echoed}`);
        }
      }
      // The extra keys change nothing.
      assert.deepEqual(tags, tagsOf({ model, slugs, referencedBy }));
    });
  }

  it('the action does not change the tags', () => {
    const actions = ['publish', 'unpublish', 'delete', 'update', 'discardDraft', 'anything-at-all'];
    for (const model of MODELS) {
      const expected = sorted(tagsOf({ model, action: actions[0] }));
      for (const action of actions) assert.deepEqual(sorted(tagsOf({ model, action })), expected, `${model}/${action}`);
    }
  });
});

/**
 * The HTML pages import source: html-to-body on fragments, article-page on every fixture page
 * (tests/fixtures/import/html, our own writing in differently arranged markup), and readHtmlPages
 * over the folder, a URL list served from a local server, and an unreachable URL. No CMS needed.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';

import { readArticlePage } from '../src/importer/html/article-page';
import { decodeHtml } from '../src/importer/html/decode-html';
import { htmlToBody } from '../src/importer/html/html-to-body';
import type { SourceArticle, SourceBodySection, SourceEntry, SourceLink } from '../src/importer/source-article';
import { readHtmlPages } from '../src/importer/sources/html-pages';
import type { Block, InlineNode } from '../src/seed/markdown-to-blocks';
import { found, nth } from './helpers/found';

const FIXTURES = resolve(__dirname, 'fixtures/import/html');
const OLD_SITE = 'https://old.nourish.example';
/** This suite's port block is 9300-9399: a server on the first, nothing ever on the last. */
const SERVER_PORT = Number(process.env.IMPORT_HTML_TEST_PORT ?? 9301);
const CLOSED_PORT = Number(process.env.IMPORT_HTML_CLOSED_PORT ?? 9399);

const inlineText = (nodes: InlineNode[]) =>
  nodes.map((n) => (n.type === 'text' ? n.text : n.children.map((c) => c.text).join(''))).join('');
const blocksOf = (body: SourceBodySection[]): Block[] =>
  body.flatMap((section) => (section.kind === 'rich-text' ? section.body : []));
const headingsOf = (body: SourceBodySection[]) =>
  blocksOf(body).flatMap((b) => (b.type === 'heading' ? [`h${b.level} ${inlineText(b.children)}`] : []));
const figuresOf = (body: SourceBodySection[]) =>
  body.flatMap((s) =>
    s.kind === 'figure' ? [{ file: s.image.src.split('/').pop(), alt: s.image.alt, caption: s.caption }] : [],
  );
const bodyText = (body: SourceBodySection[]) => JSON.stringify(body);

const readFixture = async (name: string): Promise<SourceEntry> => {
  const path = join(FIXTURES, name);
  const url = pathToFileURL(path).href;
  return readArticlePage(await readFile(path, 'utf8'), { url, fileUrl: url });
};
const articleOf = (entry: SourceEntry): { article: SourceArticle; warnings: string[] } => {
  assert.ok(entry.ok, `expected an article, got: ${entry.ok ? '' : entry.error}`);
  return entry;
};
const link = (path: string, label: string): SourceLink => ({ url: `${OLD_SITE}${path}`, label });

type Expected = {
  title: string;
  excerptStart: string;
  author?: string;
  publishedAt?: string;
  updatedAt?: string;
  topics: string[];
  headings: string[];
  recommended: SourceLink[];
  alsoLike: SourceLink[];
  figures: Array<{ file: string | undefined; alt: string; caption: string | undefined }>;
};

const EXPECTED: Record<string, Expected> = {
  'fibre-and-gut-health.html': {
    title: 'Fibre and your gut: a practical guide',
    excerptStart: 'Most adults eat about half the fibre',
    author: 'Priya Raman',
    publishedAt: '2023-04-12T08:30:00.000Z',
    updatedAt: '2024-01-20T10:00:00.000Z',
    topics: ['Digestive health'],
    headings: ['h2 Two kinds of fibre, two jobs', 'h2 What your gut bacteria do with it', 'h2 Easy ways to eat more'],
    recommended: [
      link('/articles/iron-and-vitamin-c', 'Pairing iron with vitamin C'),
      { url: 'https://example.org/fibre-calculator', label: 'A daily fibre calculator' },
      link('/articles/fermented-foods', 'Fermented foods, plainly explained'),
    ],
    alsoLike: [
      link('/articles/whole-grains', 'Whole grains without the guesswork'),
      link('/articles/hydration-myths', 'Five hydration myths'),
    ],
    figures: [],
  },
  'iron-and-vitamin-c.html': {
    title: 'Pairing iron with vitamin C',
    excerptStart: 'Plant iron is harder to absorb.',
    author: 'Tomás Ortega',
    publishedAt: '2022-09-03T06:15:00.000Z',
    updatedAt: '2023-02-11T12:40:00.000Z',
    topics: ['Iron', 'Vitamin C', 'Minerals'],
    headings: ['h2 Why plant iron is harder to absorb', 'h2 How vitamin C helps', 'h3 Good pairs to try'],
    recommended: [
      link('/articles/fibre-and-gut-health', 'Fibre and your gut'),
      { url: 'https://example.org/iron-rich-recipes', label: 'Iron-rich recipes for every day' },
    ],
    alsoLike: [
      link('/articles/vitamin-d-winter', 'Vitamin D in the darker months'),
      link('/articles/protein-at-breakfast', 'Protein at breakfast'),
    ],
    figures: [
      {
        file: 'lentil-salad.jpg',
        alt: 'A bowl of lentil salad with peppers',
        caption: 'Lentils and red pepper: iron and vitamin C on one plate.',
      },
    ],
  },
  'hydration-myths.html': {
    title: 'Five hydration myths',
    excerptStart: 'Water advice is full of round numbers',
    author: 'Jonas Berg',
    publishedAt: '2021-06-30T00:00:00.000Z',
    topics: ['Hydration'],
    headings: [
      'h2 Myth one: everyone needs eight glasses',
      'h2 Myth two: coffee dehydrates you',
      'h2 Myth three: by the time you are thirsty it is too late',
      'h2 Myth four: clear urine is the goal',
      'h2 Myth five: sports drinks beat water',
    ],
    recommended: [
      link('/articles/fibre-and-gut-health', 'Fibre and your gut'),
      link('/articles/salt-and-blood-pressure', 'Salt and blood pressure'),
    ],
    alsoLike: [
      link('/articles/sugar-labels', 'Reading sugar on labels'),
      link('/articles/omega-3-sources', 'Where to find omega-3'),
    ],
    figures: [],
  },
  'omega-3-sources.html': {
    title: 'Where to find omega-3',
    excerptStart: 'Omega-3 fats come in three main forms',
    author: 'Aiko Tanaka',
    publishedAt: '2020-11-05T09:00:00.000Z',
    updatedAt: '2022-03-14T16:20:00.000Z',
    topics: ['Fats and oils'],
    headings: ['h2 The three forms', 'h2 Fish and seafood', 'h2 If you do not eat fish'],
    recommended: [link('/articles/hydration-myths', 'Five hydration myths')],
    alsoLike: [link('/articles/fermented-foods', 'Fermented foods, plainly explained')],
    figures: [],
  },
  'sugar-labels.html': {
    title: 'Reading sugar on labels',
    excerptStart: 'Food labels list sugar in more than one place',
    author: 'Maria Costa',
    publishedAt: '2024-02-02T11:00:00.000Z',
    topics: [],
    headings: ['h2 Total sugar and free sugar', 'h2 Names to look for', 'h2 Traffic-light labels'],
    // The rail's javascript: link is no link at all.
    recommended: [link('/articles/fibre-and-gut-health', 'Fibre and your gut')],
    alsoLike: [link('/articles/hydration-myths', 'Five hydration myths')],
    figures: [],
  },
  'vitamin-d-winter.html': {
    title: 'Vitamin D in the darker months',
    excerptStart: 'From October to March the sun',
    author: 'Ewa Nowak',
    publishedAt: '2023-10-18T07:00:00.000Z',
    topics: ['Vitamins'],
    headings: ['h2 Why levels drop', 'h2 Food sources', 'h2 Who should think about a supplement'],
    recommended: [link('/articles/omega-3-sources', 'Where to find omega-3')],
    alsoLike: [
      link('/articles/iron-and-vitamin-c', 'Pairing iron with vitamin C'),
      { url: 'https://example.org/sunlight-and-skin', label: 'Sunlight and skin' },
    ],
    figures: [
      {
        file: 'winter-walk.jpg',
        alt: 'A person walking on a snowy path in low sunlight',
        caption: 'Short winter days give the skin little chance to make vitamin D.',
      },
      { file: 'eggs.png', alt: 'Two boiled eggs cut in half', caption: undefined },
      { file: 'mushrooms.jpg', alt: '', caption: undefined },
    ],
  },
  'protein-at-breakfast.html': {
    title: 'Protein at breakfast',
    excerptStart: 'Breakfast is often the lowest-protein meal',
    author: 'Samuel Okoye',
    publishedAt: '2022-05-09T06:00:00.000Z',
    topics: ['Meal planning', 'Protein'],
    headings: ['h2 How much is useful', 'h2 Quick options compared', 'h2 A word on powders'],
    recommended: [
      link('/articles/whole-grains', 'Whole grains without the guesswork'),
      link('/articles/fibre-and-gut-health', 'Fibre and your gut'),
    ],
    alsoLike: [link('/articles/omega-3-sources', 'Where to find omega-3')],
    figures: [],
  },
  'fermented-foods.html': {
    title: 'Fermented foods, plainly explained',
    excerptStart: 'Yoghurt, kefir, sauerkraut, kimchi and miso',
    author: 'Inès Dubois',
    publishedAt: '2023-08-21T09:30:00.000Z',
    topics: [],
    headings: ['h2 Live or not?', 'h2 What the studies say', 'h2 Starting out'],
    recommended: [],
    alsoLike: [
      link('/articles/fibre-and-gut-health', 'Fibre and your gut'),
      link('/articles/sugar-labels', 'Reading sugar on labels'),
    ],
    figures: [],
  },
  'salt-and-blood-pressure.html': {
    title: 'Salt and blood pressure',
    excerptStart: 'Most of the salt we eat is already in food',
    publishedAt: '2019-03-25T10:00:00.000Z',
    updatedAt: '2021-09-01T10:00:00.000Z',
    topics: ['Heart health', 'Salt'],
    headings: [
      'h3 How salt raises pressure',
      'h4 A note on sensitivity',
      'h2 Where salt hides',
      'h2 Cutting down without noticing',
    ],
    recommended: [
      link('/articles/sugar-labels', 'Reading sugar on labels'),
      { url: 'https://example.org/low-salt-cooking', label: 'Cooking with less salt' },
    ],
    alsoLike: [
      link('/articles/hydration-myths', 'Five hydration myths'),
      link('/articles/protein-at-breakfast', 'Protein at breakfast'),
    ],
    figures: [],
  },
  'whole-grains.html': {
    title: 'Whole grains without the guesswork',
    excerptStart: '"Multigrain", "brown" and "made with whole grain"',
    author: 'Lucía Herrera',
    publishedAt: '2024-06-14T08:00:00.000Z',
    topics: [],
    headings: ['h2 What counts as whole', 'h2 Reading the label', 'h2 Simple swaps'],
    recommended: [link('/articles/protein-at-breakfast', 'Protein at breakfast')],
    alsoLike: [link('/articles/fibre-and-gut-health', 'Fibre and your gut')],
    // article-page reports what the page says; readHtmlPages drops the missing file (below).
    figures: [
      {
        file: 'missing-bread.jpg',
        alt: 'A sliced wholemeal loaf',
        caption: 'A loaf whose first ingredient is wholemeal flour.',
      },
    ],
  },
};

describe('article pages: every fixture, field by field', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(name, async () => {
      const { article } = articleOf(await readFixture(name));
      const slug = name.replace(/\.html$/, '');
      assert.equal(article.title, expected.title);
      assert.ok(article.excerpt?.startsWith(expected.excerptStart), `excerpt: ${article.excerpt ?? '(none)'}`);
      assert.equal(article.author?.name, expected.author);
      assert.equal(article.publishedAt, expected.publishedAt);
      assert.equal(article.updatedAt, expected.updatedAt);
      assert.deepEqual(
        article.topics.map((t) => t.name),
        expected.topics,
      );
      assert.deepEqual(headingsOf(article.body), expected.headings);
      assert.deepEqual(article.recommended, expected.recommended);
      assert.deepEqual(article.alsoLike, expected.alsoLike);
      assert.deepEqual(figuresOf(article.body), expected.figures);
      assert.equal(article.slug, slug);
      assert.match(article.sourceKey, new RegExp(`^url:${OLD_SITE}/articles/${slug}/?$`));
      assert.deepEqual(article.sourceUrls, [article.sourceKey.slice('url:'.length)]);
      assert.equal(article.sourceDraft, false);

      const text = bodyText(article.body);
      // The title and the standfirst are the article's own fields, not its first body blocks.
      const firstBlock = blocksOf(article.body)[0];
      assert.ok(firstBlock?.type !== 'heading' || inlineText(firstBlock.children) !== article.title);
      for (const absent of ['©', 'Copyright', 'All rights reserved', 'Recommended for you', 'You may also like']) {
        assert.ok(!text.includes(absent), `body holds "${absent}"`);
      }
      // Neither rail is repeated in the body.
      for (const railLink of [...article.recommended, ...article.alsoLike]) {
        assert.ok(!text.includes(railLink.label), `body repeats the rail link "${railLink.label}"`);
      }
      for (const unsafe of [
        '<script',
        'onclick',
        'onload',
        'javascript:',
        'alert(',
        'document.write',
        'facebook.com/tr',
      ]) {
        assert.ok(!JSON.stringify(article).includes(unsafe), `article holds "${unsafe}"`);
      }
      // Images on disk are given as absolute paths next to the page.
      for (const section of article.body) {
        if (section.kind === 'figure')
          assert.equal(section.image.src, join(FIXTURES, 'images', section.image.src.split('/').pop() ?? ''));
      }
    });
  }

  it('a WordPress theme: drop cap paragraph, pull quote with its citation, og:image cover', async () => {
    const { article } = articleOf(await readFixture('iron-and-vitamin-c.html'));
    assert.deepEqual(
      article.body.find((s) => s.kind === 'pull-quote'),
      {
        kind: 'pull-quote',
        quote: 'A glass of juice with a bean chilli does more for your iron than the same meal with a mug of tea.',
        attribution: 'Dr Lena Fischer, dietitian',
      },
    );
    assert.deepEqual(article.cover, {
      src: join(FIXTURES, 'images/citrus.jpg'),
      alt: 'Halved oranges and lemons on a board',
    });
    const list = found(
      blocksOf(article.body).find((b) => b.type === 'list'),
      'list',
    );
    assert.equal(list.children.length, 3);
    assert.ok(!bodyText(article.body).includes('wp:'), 'WordPress block comments are dropped');
  });

  it('an internal link points at the other fixture page by its canonical URL', async () => {
    const { article: fibre } = articleOf(await readFixture('fibre-and-gut-health.html'));
    const { article: iron } = articleOf(await readFixture('iron-and-vitamin-c.html'));
    const links = blocksOf(fibre.body).flatMap((b) =>
      b.type === 'paragraph' ? b.children.filter((n) => n.type === 'link') : [],
    );
    assert.deepEqual(
      links.map((l) => l.url),
      [iron.sourceKey.slice('url:'.length)],
    );
  });

  it('callouts, a table as paragraphs and a quote attribution survive Readability', async () => {
    const { article, warnings } = articleOf(await readFixture('protein-at-breakfast.html'));
    assert.deepEqual(
      article.body.filter((s) => s.kind === 'callout'),
      [
        {
          kind: 'callout',
          variant: 'note',
          body: 'Protein needs rise a little with age, so older adults gain most from spreading it across the day.',
        },
        {
          kind: 'callout',
          variant: 'warning',
          body: 'People with kidney disease should ask their doctor before raising their protein intake.',
        },
      ],
    );
    const paragraphs = blocksOf(article.body).flatMap((b) => (b.type === 'paragraph' ? [inlineText(b.children)] : []));
    assert.ok(paragraphs.includes('Food | Protein'));
    assert.ok(paragraphs.includes('Two eggs | 13 g'));
    assert.ok(warnings.some((w) => w.includes('table')));

    const { article: fermented, warnings: fermentedWarnings } = articleOf(await readFixture('fermented-foods.html'));
    assert.deepEqual(
      fermented.body.find((s) => s.kind === 'pull-quote'),
      {
        kind: 'pull-quote',
        quote: 'I started with a spoon of kefir a day and worked up from there.',
        attribution: 'Hana, a reader in Brno',
      },
    );
    const quote = found(
      blocksOf(fermented.body).find((b) => b.type === 'quote'),
      'plain quote',
    );
    assert.equal(inlineText(quote.children), 'Fermented foods are a tradition first and a treatment second.');
    const list = found(
      blocksOf(fermented.body).find((b) => b.type === 'list'),
      'list',
    );
    assert.deepEqual(
      list.children.map((item) => inlineText(item.children)),
      [
        'Pick one food you already like the taste of.',
        'Plain yoghurt is the gentlest start.',
        'Kimchi suits people who like heat.',
        'Begin with a small portion – a tablespoon or two.',
        'Build up over a couple of weeks.',
      ],
    );
    assert.ok(fermentedWarnings.some((w) => w.includes('nested list')));
    assert.ok(bodyText(fermented.body).includes('Café-style “probiotic” drinks'), 'entities decoded');
  });

  it('a figure without alt text is kept with a warning', async () => {
    const { warnings } = articleOf(await readFixture('vitamin-d-winter.html'));
    assert.ok(
      warnings.some((w) => w.includes('mushrooms.jpg') && w.includes('no alt text')),
      warnings.join('; '),
    );
  });

  it('a byline right under the title is the author, not the standfirst', () => {
    const paragraphs = Array.from(
      { length: 4 },
      (_, i) =>
        `<p>Paragraph ${i + 1} about pulses: cheap, filling and rich in fibre, they suit soups, stews and salads alike.</p>`,
    ).join('');
    const entry = readArticlePage(
      `<html><head><meta name="description" content="Beans, lentils and peas in everyday cooking."></head><body>` +
        `<article><h1>Cooking with pulses</h1><p>By Ann Lee</p>${paragraphs}</article></body></html>`,
      { url: 'https://old.nourish.example/articles/pulses?utm_source=feed' },
    );
    const { article, warnings } = articleOf(entry);
    assert.equal(article.excerpt, 'Beans, lentils and peas in everyday cooking.');
    assert.equal(article.author?.name, 'Ann Lee');
    assert.equal(article.sourceKey, 'url:https://old.nourish.example/articles/pulses?utm_source=feed');
    assert.deepEqual(article.sourceUrls, ['https://old.nourish.example/articles/pulses?utm_source=feed']);
    assert.ok(warnings.includes('no canonical URL in https://old.nourish.example/articles/pulses?utm_source=feed'));
    assert.equal(blocksOf(article.body).length, 4);
  });

  it('without an H1 the title is og:title without the site name', () => {
    const paragraphs = Array.from(
      { length: 4 },
      (_, i) =>
        `<p>Note ${i + 1}: tea drunk with a meal can halve the iron absorbed from beans, grains and greens.</p>`,
    ).join('');
    const entry = readArticlePage(
      '<html><head><meta property="og:title" content="Tea, coffee and iron | Old Nourish">' +
        '<meta property="og:site_name" content="Old Nourish"></head>' +
        `<body><div class="post">${paragraphs}</div></body></html>`,
      { url: 'https://old.nourish.example/articles/tea-and-iron' },
    );
    assert.equal(articleOf(entry).article.title, 'Tea, coffee and iron');
  });

  it('a rail inside the article text is taken out of the body', () => {
    const paragraphs = Array.from(
      { length: 4 },
      (_, i) =>
        `<p>Point ${i + 1}: soaking dried beans overnight shortens their cooking time and makes them gentler on the gut.</p>`,
    ).join('');
    const entry = readArticlePage(
      `<html><body><article><h1>Soaking beans</h1>${paragraphs}<h2>You may also like</h2>` +
        '<p>Read <a href="/articles/pulses">Cooking with pulses, from soups to salads</a> next, a longer guide for anyone cooking for a family on a budget this winter.</p>' +
        '</article></body></html>',
      { url: 'https://old.nourish.example/articles/soaking-beans' },
    );
    const { article } = articleOf(entry);
    assert.deepEqual(article.alsoLike, [link('/articles/pulses', 'Cooking with pulses, from soups to salads')]);
    assert.deepEqual(headingsOf(article.body), []);
    assert.ok(!bodyText(article.body).includes('Cooking with pulses'), bodyText(article.body));
    // The paragraph under the title is the standfirst; the other three are the body.
    assert.ok(article.excerpt?.startsWith('Point 1:'));
    assert.equal(blocksOf(article.body).length, 3);
  });

  it('a page with no article is an error naming the page', async () => {
    const entry = await readFixture('not-found.html');
    const url = pathToFileURL(join(FIXTURES, 'not-found.html')).href;
    assert.deepEqual(entry, { ok: false, sourceKey: `url:${url}`, error: `no article found in ${url}` });
  });
});

describe('html to body', () => {
  const base = 'https://old.nourish.example/articles/here';

  it('clamps headings to H2-H4 and keeps marks and absolute links', () => {
    const { body } = htmlToBody(
      '<h1>One</h1><h3>Three</h3><h6>Six</h6><p>A <strong>bold <em>and italic</em></strong> <code>x = 1</code> <del>old</del> <a href="../other?a=1&amp;b=2">link</a>.</p>',
      base,
    );
    assert.deepEqual(headingsOf(body), ['h2 One', 'h3 Three', 'h4 Six']);
    const para = nth(blocksOf(body), 3, 'block');
    assert.deepEqual(para, {
      type: 'paragraph',
      children: [
        { type: 'text', text: 'A ' },
        { type: 'text', text: 'bold ', bold: true },
        { type: 'text', text: 'and italic', bold: true, italic: true },
        { type: 'text', text: ' ' },
        { type: 'text', text: 'x = 1', code: true },
        { type: 'text', text: ' ' },
        { type: 'text', text: 'old', strikethrough: true },
        { type: 'text', text: ' ' },
        { type: 'link', url: 'https://old.nourish.example/other?a=1&b=2', children: [{ type: 'text', text: 'link' }] },
        { type: 'text', text: '.' },
      ],
    });
  });

  it('drops javascript: and data: links but keeps their text', () => {
    const { body } = htmlToBody(
      '<p><a href="javascript:alert(1)">Click</a> and <a href=" JavaScript:void(0)">more</a> and <a href="data:text/html,hi">data</a></p>',
      base,
    );
    assert.deepEqual(blocksOf(body), [
      { type: 'paragraph', children: [{ type: 'text', text: 'Click and more and data' }] },
    ]);
  });

  it('decodes entities and normalises whitespace, keeping <br> as a line break', () => {
    const { body } = htmlToBody(
      '<p>  Fish &amp; chips&nbsp;&nbsp;are\n\n  &lt;fine&gt; &#8212; <br>  sometimes&hellip; </p>',
      base,
    );
    assert.deepEqual(blocksOf(body), [
      { type: 'paragraph', children: [{ type: 'text', text: 'Fish & chips are <fine> —\nsometimes…' }] },
    ]);
  });

  it('flattens nested lists in order and reports it', () => {
    const { body, warnings } = htmlToBody(
      '<ol><li>First<ul><li>inner a</li><li>inner b<ol><li>deep</li></ol></li></ul></li><li><p>Second</p></li></ol>',
      base,
    );
    const list = nth(blocksOf(body), 0, 'block');
    assert.ok(list.type === 'list', 'a list');
    assert.equal(list.format, 'ordered');
    assert.deepEqual(
      list.children.map((item) => inlineText(item.children)),
      ['First', 'inner a', 'inner b', 'deep', 'Second'],
    );
    assert.deepEqual(warnings, ['2 nested list(s) flattened into their parent']);
  });

  it('drops scripts, styles, iframes, forms, comments, handlers and tracking pixels', () => {
    const { body, warnings } = htmlToBody(
      [
        '<!-- wp:paragraph --><p onclick="steal()">Kept <span style="color:red">text</span></p><!-- /wp:paragraph -->',
        '<script>steal()</script><style>p{}</style><iframe src="https://ads.example.net/x"></iframe>',
        '<form><input name="email"><button>Go</button></form>',
        '<img src="https://www.facebook.com/tr?id=1&ev=PageView" width="1" height="1" alt="">',
        '<img src="https://pixel.wp.com/g.gif?blog=1" alt="">',
        '<img src="/img/beacon.gif" style="width:1px;height:1px" alt="">',
      ].join(''),
      base,
    );
    assert.deepEqual(body, [
      { kind: 'rich-text', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Kept text' }] }] },
    ]);
    assert.deepEqual(warnings, []);
  });

  it('turns images into figures in document order, with captions, credits and alt warnings', () => {
    const { body, warnings } = htmlToBody(
      '<p>Before <img src="/media/a.jpg" alt="Oats in a bowl"> after</p>' +
        '<figure><img data-src="b.png"><figcaption>A plate of beans <span class="credit">Photo: J. Doe</span></figcaption></figure>' +
        '<img src="data:image/png;base64,AAAA" alt="inline">',
      base,
      'file:///srv/pages/here.html',
    );
    assert.deepEqual(body, [
      { kind: 'rich-text', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Before after' }] }] },
      { kind: 'figure', image: { src: '/media/a.jpg', alt: 'Oats in a bowl' } },
      {
        kind: 'figure',
        image: { src: '/srv/pages/b.png', alt: 'A plate of beans' },
        caption: 'A plate of beans',
        credit: 'J. Doe',
      },
    ]);
    assert.equal(warnings.length, 2);
    assert.match(nth(warnings, 0, 'warning'), /b\.png has no alt text; its caption is used/);
    assert.match(nth(warnings, 1, 'warning'), /image dropped/);
  });

  it('quotes: plain, cited (pull quote), WordPress pull quote; asides become callouts', () => {
    const { body } = htmlToBody(
      '<blockquote><p>Plain words.</p><p>Second line.</p></blockquote>' +
        '<blockquote><p>Eat the rainbow.</p><cite>A grandmother</cite></blockquote>' +
        '<figure class="wp-block-pullquote"><blockquote><p>Less, but better.</p></blockquote></figure>' +
        '<aside>Ask a pharmacist about interactions.</aside>' +
        '<div class="disclaimer">This is general information.</div>',
      base,
    );
    assert.deepEqual(body, [
      {
        kind: 'rich-text',
        body: [{ type: 'quote', children: [{ type: 'text', text: 'Plain words.\nSecond line.' }] }],
      },
      { kind: 'pull-quote', quote: 'Eat the rainbow.', attribution: 'A grandmother' },
      { kind: 'pull-quote', quote: 'Less, but better.' },
      { kind: 'callout', variant: 'note', body: 'Ask a pharmacist about interactions.' },
      { kind: 'callout', variant: 'disclaimer', body: 'This is general information.' },
    ]);
  });

  it('reads WordPress classic-editor content: blank-line paragraphs and [caption] shortcodes', () => {
    const { body } = htmlToBody(
      'First paragraph with <strong>bold</strong>\nand a wrapped line.\n\nSecond paragraph.\n \n' +
        '[caption id="attachment_7" align="alignnone" width="300"]<a href="/wp-content/uploads/oats.jpg">' +
        '<img src="/wp-content/uploads/oats-300x200.jpg" alt="Rolled oats" width="300" height="200"></a> Oats, <em>rolled</em>[/caption]' +
        '\n\nLast one.',
      'https://old.nourish.example/2019/05/oats/',
    );
    assert.deepEqual(body, [
      {
        kind: 'rich-text',
        body: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'First paragraph with ' },
              { type: 'text', text: 'bold', bold: true },
              { type: 'text', text: ' and a wrapped line.' },
            ],
          },
          { type: 'paragraph', children: [{ type: 'text', text: 'Second paragraph.' }] },
        ],
      },
      {
        kind: 'figure',
        image: { src: 'https://old.nourish.example/wp-content/uploads/oats-300x200.jpg', alt: 'Rolled oats' },
        caption: 'Oats, rolled',
      },
      { kind: 'rich-text', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Last one.' }] }] },
    ]);
  });

  it('an empty or content-free fragment gives no sections', () => {
    assert.deepEqual(htmlToBody('  <p> </p><script>x()</script><!-- nothing -->', base), { body: [], warnings: [] });
  });
});

describe('decoding a page', () => {
  // "Café – crème" in Windows-1252: é is 0xE9, the en dash 0x96, è 0xE8.
  const cp1252 = (head: string) =>
    Uint8Array.from([
      ...Buffer.from(`${head}<p>Caf`),
      0xe9,
      0x20,
      0x96,
      0x20,
      ...Buffer.from('cr'),
      0xe8,
      ...Buffer.from('me</p>'),
    ]);

  it('uses the charset of the HTTP header, then of the page, else UTF-8', () => {
    assert.equal(decodeHtml(cp1252(''), 'text/html; charset=windows-1252').html, '<p>Café – crème</p>');
    assert.equal(
      decodeHtml(cp1252('<meta charset="windows-1252">')).html,
      '<meta charset="windows-1252"><p>Café – crème</p>',
    );
    assert.ok(
      decodeHtml(cp1252('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')).html.endsWith(
        '<p>Café – crème</p>',
      ),
    );
    assert.equal(decodeHtml(Buffer.from('<p>Café – crème</p>')).html, '<p>Café – crème</p>');
  });

  it('an unknown charset is read as UTF-8 with a warning', () => {
    const decoded = decodeHtml(Buffer.from('<p>Café</p>'), 'text/html; charset=x-martian');
    assert.deepEqual(decoded, { html: '<p>Café</p>', warning: 'unknown charset "x-martian"; read as UTF-8' });
  });
});

describe('readHtmlPages', () => {
  const collect = async (inputs: string[], timeoutMs?: number) => {
    const entries: SourceEntry[] = [];
    for await (const entry of readHtmlPages(inputs, timeoutMs ? { timeoutMs } : {})) entries.push(entry);
    return entries;
  };

  it('reads the folder in name order and goes on past the bad pages', async () => {
    const entries = await collect([FIXTURES]);
    const names = [...Object.keys(EXPECTED), 'not-found.html'].sort();
    assert.equal(entries.length, names.length);
    entries.forEach((entry, i) => {
      const name = nth(names, i, 'name');
      if (name === 'not-found.html') {
        assert.ok(!entry.ok);
        assert.match(entry.error, /^no article found in file:.*not-found\.html$/);
      } else {
        assert.equal(articleOf(entry).article.title, found(EXPECTED[name], name).title);
      }
    });
    // The broken image reference: the figure is left out with a warning, the article kept.
    const grains = articleOf(found(entries[names.indexOf('whole-grains.html')], 'whole-grains'));
    assert.deepEqual(figuresOf(grains.article.body), []);
    assert.ok(grains.warnings.some((w) => w.startsWith('image not found: ') && w.includes('missing-bread.jpg')));
  });

  it('reports a missing input and a file of the wrong kind, then reads the next', async () => {
    const entries = await collect([
      join(FIXTURES, 'nope.html'),
      join(FIXTURES, 'images/eggs.png'),
      join(FIXTURES, 'sugar-labels.html'),
    ]);
    assert.deepEqual(
      entries.map((e) => (e.ok ? e.article.title : e.error.split(':')[0])),
      [
        'no such file or folder',
        'not an .html file, a folder, a .txt list of URLs or a URL',
        'Reading sugar on labels',
      ],
    );
  });

  it('an unreachable URL is a clear error', async () => {
    const url = `http://127.0.0.1:${CLOSED_PORT}/articles/gone`;
    const [entry] = await collect([url], 2000);
    assert.ok(entry && !entry.ok);
    assert.equal(entry.sourceKey, `url:${url}`);
    assert.match(entry.error, new RegExp(`^cannot reach ${url.replace(/\./g, '\\.')}: fetch failed: .*ECONNREFUSED`));
  });

  describe('URLs from a .txt list, served locally', () => {
    let server: Server;
    let dir: string;
    const origin = `http://127.0.0.1:${SERVER_PORT}`;

    before(async () => {
      server = createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (path === '/slow.html') return; // never answers: the timeout must end it
        const type = extname(path) === '.html' ? 'text/html; charset=utf-8' : 'image/png';
        readFile(join(FIXTURES, path))
          .then((bytes) => res.writeHead(200, { 'content-type': type }).end(bytes))
          .catch(() => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'));
      });
      await new Promise<void>((done) => server.listen(SERVER_PORT, '127.0.0.1', done));
      dir = await mkdtemp(join(tmpdir(), 'imphtml-'));
    });
    after(async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await rm(dir, { recursive: true, force: true });
    });

    it('fetches each URL in order, with an error per bad item', async () => {
      const list = join(dir, 'urls.txt');
      await writeFile(
        list,
        [
          '# pages of the old site',
          `${origin}/vitamin-d-winter.html`,
          '',
          `${origin}/missing.html`,
          `${origin}/images/eggs.png`,
          'ftp://old.nourish.example/file',
          `${origin}/slow.html`,
          `${origin}/omega-3-sources.html`,
        ].join('\n'),
      );
      const entries = await collect([list], 1000);
      assert.equal(entries.length, 6);
      const [vitaminD, missing, image, ftp, slow, omega] = entries;
      const page = articleOf(found(vitaminD, 'vitamin D page')).article;
      assert.deepEqual(page.sourceUrls, [`${OLD_SITE}/articles/vitamin-d-winter`, `${origin}/vitamin-d-winter.html`]);
      // Fetched pages' images resolve against the page's URL.
      assert.deepEqual(
        page.body.flatMap((s) => (s.kind === 'figure' ? [s.image.src] : [])),
        [`${origin}/images/winter-walk.jpg`, `${origin}/images/eggs.png`, `${origin}/images/mushrooms.jpg`],
      );
      assert.deepEqual(missing, {
        ok: false,
        sourceKey: `url:${origin}/missing.html`,
        error: `${origin}/missing.html answered 404 Not Found`,
      });
      assert.ok(
        image && !image.ok && image.error === `${origin}/images/eggs.png is not HTML (content-type: image/png)`,
      );
      assert.ok(ftp && !ftp.ok && ftp.error.startsWith('not an http(s) URL in '));
      assert.ok(slow && !slow.ok && slow.error === `${origin}/slow.html did not answer within 1000 ms`);
      assert.equal(articleOf(found(omega, 'omega page')).article.title, 'Where to find omega-3');
    });
  });
});

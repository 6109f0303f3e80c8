/**
 * The WordPress (WXR) source, without a CMS: the fixture export read field by field, what it
 * leaves out, bad items and bad files, and memory that stays bounded on 10,000 posts.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import type { Block } from '../src/seed/markdown-to-blocks';
import { extractLinkLists } from '../src/importer/link-lists';
import type { SourceArticle, SourceEntry } from '../src/importer/source-article';
import { readWxr, type ReadWxrOptions } from '../src/importer/sources/wxr';
import { wpAutop } from '../src/importer/sources/wxr-autop';
import { WxrFileError } from '../src/importer/sources/wxr-records';
import { found } from './helpers/found';
import { generateWxr, WXR_FIXTURE, WXR_FIXTURE_DIR, WXR_FIXTURE_SITE } from './helpers/wxr-generate';

const UPLOADS = path.join(WXR_FIXTURE_DIR, 'wp-content/uploads');
const SITE = WXR_FIXTURE_SITE;

const readAll = async (file: string, options?: ReadWxrOptions) => {
  const entries: SourceEntry[] = [];
  for await (const entry of readWxr(file, options)) entries.push(entry);
  return entries;
};

const articles = (entries: SourceEntry[]) =>
  entries.map((e) => {
    assert.ok(e.ok, `entry ${e.ok ? '' : `${e.sourceKey}: ${e.error}`} should read`);
    return e.article;
  });

const bySlug = (list: SourceArticle[], slug: string) =>
  found(
    list.find((a) => a.slug === slug),
    `article ${slug}`,
  );

const blocksOf = (article: SourceArticle): Block[] =>
  article.body.flatMap((s) => (s.kind === 'rich-text' ? s.body : []));

const textOf = (block: Block) =>
  block.children
    .map((c) =>
      'text' in c
        ? c.text
        : c.type === 'link'
          ? c.children.map((t) => t.text).join('')
          : c.children.map((n) => ('text' in n ? n.text : '')).join(''),
    )
    .join('');

let tmp = '';
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'impwxr-'));
});
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A copy of the fixture with `edit` applied, in the test's own folder. */
const variant = (name: string, edit: (xml: string) => string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, edit(fs.readFileSync(WXR_FIXTURE, 'utf8')));
  return file;
};

describe('WordPress export: the fixture', () => {
  let list: SourceArticle[] = [];
  let entries: SourceEntry[] = [];
  before(async () => {
    entries = await readAll(WXR_FIXTURE, { uploadsDir: UPLOADS });
    list = articles(entries);
  });

  it('yields every post and nothing else: no page, attachment, revision, menu item or binned post', () => {
    assert.equal(list.length, 53);
    const titles = list.map((a) => a.title);
    for (const left of ['About Nourish', 'oats-bowl', 'Menu home link', 'A deleted note about juice cleanses'])
      assert.ok(!titles.includes(left), `${left} must not be imported`);
    assert.ok(!titles.some((t) => t.includes('draft revision')));
    assert.equal(new Set(list.map((a) => a.sourceKey)).size, list.length, 'source keys are unique');
  });

  it('reads a post field by field', () => {
    const oats = bySlug(list, 'oats-and-steady-mornings');
    assert.equal(oats.sourceKey, `wxr:${SITE}/?p=101`);
    assert.deepEqual(oats.sourceUrls, [`${SITE}/2024/01/oats-and-steady-mornings/`, `${SITE}/?p=101`]);
    assert.equal(oats.title, 'Oats and steady mornings');
    assert.equal(
      oats.excerpt,
      'A bowl of oats releases its energy slowly, which is why it keeps many people going until lunch.',
    );
    assert.deepEqual(oats.author, {
      name: 'Maya Lindqvist',
      slug: 'mlindqvist',
      email: 'maya.lindqvist@old.nourish.example',
    });
    assert.deepEqual(oats.topics, [
      { name: 'Nutrition', slug: 'nutrition' },
      { name: 'fibre', slug: 'fibre' },
      { name: 'breakfast', slug: 'breakfast' },
    ]);
    assert.equal(oats.publishedAt, '2024-01-05T08:30:00.000Z');
    assert.equal(oats.updatedAt, '2024-01-05T08:30:00.000Z');
    assert.equal(oats.sourceDraft, false);
    // The featured image (an attachment listed after every post) with its alt text, from the local uploads copy.
    assert.deepEqual(oats.cover, {
      src: path.join(UPLOADS, '2024/01/oats-bowl.jpg'),
      alt: 'A bowl of porridge topped with blueberries',
    });
    assert.ok(fs.existsSync(found(oats.cover, 'cover').src));
    assert.deepEqual(oats.keyTakeaways, [
      'A bowl of oats releases its energy slowly, which is why it keeps many people going until lunch.',
      'Choose rolled or steel-cut oats over sweetened instant packets.',
    ]);
    assert.deepEqual(oats.recommended, [
      { url: `${SITE}/2024/01/why-sleep-debt-adds-up/`, label: 'Why sleep debt adds up' },
      { url: `${SITE}/2024/02/the-case-for-beans/`, label: 'The case for beans' },
      { url: 'https://www.who.int/', label: 'World Health Organization' },
    ]);
    assert.deepEqual(oats.alsoLike, [{ url: `${SITE}/2024/02/caffeine-timing/`, label: 'Caffeine and the clock' }]);
    assert.deepEqual(oats.references, []);
  });

  it('maps the body: H2 sections, the list, the quote, an inline image, and the internal link as the old permalink', () => {
    const oats = bySlug(list, 'oats-and-steady-mornings');
    const headings = blocksOf(oats)
      .filter((b) => b.type === 'heading')
      .map(textOf);
    // The rails and key points moved into their fields: their headings are gone from the body.
    assert.deepEqual(headings, ['What the evidence says', 'Practical tips', 'The bottom line']);
    const lead = found(blocksOf(oats)[0], 'lead paragraph');
    assert.equal(lead.type, 'paragraph');
    assert.ok(
      lead.children.some((c) => c.type === 'link' && c.url === `${SITE}/2024/01/a-beginners-guide-to-lentils/`),
      'the link to another post keeps its old permalink (the writer rewrites it)',
    );
    const list3 = found(
      blocksOf(oats).find((b) => b.type === 'list'),
      'tips list',
    );
    assert.equal(list3.children.length, 3);
    // A blockquote is a quote block or a pull-quote, whichever the HTML mapper makes of it.
    const quoted = (text: string) =>
      oats.body.some((s) =>
        s.kind === 'pull-quote'
          ? s.quote.startsWith(text)
          : s.kind === 'rich-text' && s.body.some((b) => b.type === 'quote' && textOf(b).startsWith(text)),
      );
    assert.ok(quoted('Breakfast does not need'));
    const figure = found(
      oats.body.find((s) => s.kind === 'figure'),
      'inline figure',
    );
    assert.deepEqual(figure.image, {
      src: path.join(UPLOADS, '2024/01/water-glass.jpg'),
      alt: 'A glass of water on a wooden table',
    });
  });

  it('reads the second author, a later modification date, and classic-editor content without <p> tags', () => {
    const lentils = bySlug(list, 'a-beginners-guide-to-lentils');
    assert.deepEqual(lentils.author, {
      name: 'Tomás Reyes',
      slug: 'treyes',
      email: 'tomas.reyes@old.nourish.example',
    });
    assert.ok(lentils.updatedAt && lentils.publishedAt && lentils.updatedAt > lentils.publishedAt);
    const beans = bySlug(list, 'the-case-for-beans'); // written in the classic editor
    const first = found(blocksOf(beans)[0], 'first block');
    assert.equal(first.type, 'paragraph');
    assert.ok(textOf(first).startsWith('Beans are cheap, filling'));
    assert.ok(blocksOf(beans).filter((b) => b.type === 'paragraph').length >= 3);
  });

  it('ignores comments', () => {
    const all = JSON.stringify(entries);
    for (const comment of ['steel-cut oats last month', 'overnight oats', 'eight glasses.', 'perfect for my father'])
      assert.ok(!all.includes(comment), `comment text "${comment}" leaked into the import`);
  });

  it('flags drafts and private posts as source drafts, and a draft has no slug or date', () => {
    const draft = found(
      list.find((a) => a.title === 'Iron-rich foods for vegetarians'),
      'draft',
    );
    assert.equal(draft.sourceDraft, true);
    assert.equal(draft.slug, undefined);
    assert.equal(draft.publishedAt, undefined);
    assert.equal(bySlug(list, 'yoghurt-choices').sourceDraft, true); // private
    assert.equal(list.filter((a) => a.sourceDraft).length, 2);
  });

  it('warns about a featured image missing from the export and one without alt text, and goes on', () => {
    const warnings = entries.flatMap((e) => (e.ok ? e.warnings : []));
    assert.ok(warnings.includes('featured image 999 is not in the export'));
    assert.ok(warnings.includes('featured image 908 has no alt text'));
    assert.equal(bySlug(list, 'nuts-a-handful-a-day').cover, undefined); // 999
    assert.equal(bySlug(list, 'omega-3-from-food').cover, undefined); // no featured image at all
  });

  it('includes pages when asked', async () => {
    const withPages = articles(await readAll(WXR_FIXTURE, { includePages: true }));
    assert.equal(withPages.length, 54);
    const about = bySlug(withPages, 'about-nourish');
    assert.ok(blocksOf(about).some((b) => textOf(b).includes('plain words')));
  });

  it('keeps media URLs as they are without a local uploads copy', async () => {
    const oats = bySlug(articles(await readAll(WXR_FIXTURE)), 'oats-and-steady-mornings');
    assert.equal(oats.cover?.src, `${SITE}/wp-content/uploads/2024/01/oats-bowl.jpg`);
  });
});

describe('WordPress export: bad input', () => {
  it('reports a malformed item with its source key and line, and the rest streams on', async () => {
    const file = variant('bad-items.xml', (xml) =>
      xml
        .replace('<title>The case for beans</title>', '<title></title>')
        .replace(
          /(<wp:post_id>120<\/wp:post_id>[\s\S]*?<wp:status>)<!\[CDATA\[publish\]\]>/,
          '$1<![CDATA[published]]>',
        ),
    );
    const entries = await readAll(file);
    assert.equal(entries.length, 53);
    const failed = entries.filter((e) => !e.ok);
    assert.deepEqual(
      failed.map((e) => e.sourceKey),
      [`wxr:${SITE}/?p=106`, `wxr:${SITE}/?p=120`],
    );
    const errors = failed.map((e) => e.error);
    assert.match(errors[0] ?? '', /^line \d+: the post has no title$/);
    assert.match(errors[1] ?? '', /^line \d+: unknown post status "published"$/);
    assert.equal(entries.filter((e) => e.ok).length, 51);
  });

  it('stops on a truncated file with an error naming the file, line and column', async () => {
    const file = variant('truncated.xml', (xml) => xml.slice(0, Math.floor(xml.length / 2)));
    await assert.rejects(readAll(file), (error: unknown) => {
      assert.ok(error instanceof WxrFileError);
      assert.match(error.message, /truncated\.xml: not a readable WordPress export: .*truncated\.xml:\d+:\d+/);
      return true;
    });
  });

  it('names the line of a fault in the middle of the file', async () => {
    const file = variant('ampersand.xml', (xml) =>
      xml.replace('<title>Naps done right</title>', '<title>Naps & rest</title>'),
    );
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const fault = lines.findIndex((l) => l.includes('Naps & rest'));
    const itemLine = lines.slice(0, fault).lastIndexOf('  <item>') + 1;
    assert.ok(itemLine > 1);
    await assert.rejects(readAll(file), (error: unknown) => {
      assert.ok(error instanceof WxrFileError);
      assert.match(
        error.message,
        new RegExp(`ampersand\\.xml:\\d+:\\d+: .+ \\(in the <item> that starts at line ${itemLine}\\)$`),
      );
      return true;
    });
  });

  it('refuses a file that is not a WordPress export', async () => {
    const file = path.join(tmp, 'page.xml');
    fs.writeFileSync(file, '<?xml version="1.0"?>\n<html><body><p>hello</p></body></html>\n');
    await assert.rejects(
      readAll(file),
      /page\.xml: not a readable WordPress export: line 2: the root element is <html>, not <rss>/,
    );
    await assert.rejects(readAll(path.join(tmp, 'missing.xml')), WxrFileError);
  });
});

describe('WordPress export: 10,000 posts', () => {
  it('streams them with a bounded number of records in flight', async () => {
    const file = path.join(tmp, 'big.xml');
    const generated = await generateWxr({ file, posts: 10_000 });
    assert.ok(generated.bytes > 20 * 2 ** 20, 'the file is large compared with one chunk');
    const stats = { maxBuffered: 0 };
    let count = 0;
    let failed = 0;
    let drafts = 0;
    const slugs = new Set<string>();
    let withSlug = 0;
    for await (const entry of readWxr(file, { stats })) {
      count++;
      if (!entry.ok) failed++;
      else if (entry.article.sourceDraft) drafts++;
      if (entry.ok && entry.article.slug) {
        withSlug++;
        slugs.add(entry.article.slug);
      }
    }
    assert.equal(count, 10_000);
    assert.equal(failed, 0);
    assert.equal(drafts, generated.sourceDrafts);
    assert.ok(drafts > 0);
    assert.equal(slugs.size, withSlug, 'every cloned slug is unique');
    // One 64 kB chunk holds a few dozen records at most: never the file's 10,000.
    assert.ok(stats.maxBuffered > 0 && stats.maxBuffered <= 128, `records in flight: ${stats.maxBuffered}`);
  });
});

describe('link lists and paragraphs', () => {
  const text = (t: string) => ({ type: 'text' as const, text: t });
  it('leaves a "Recommended" list of plain text in the body', () => {
    const blocks: Block[] = [
      { type: 'heading', level: 2, children: [text('Recommended')] },
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('More sleep')] }] },
    ];
    const lists = extractLinkLists([{ kind: 'rich-text', body: blocks }]);
    assert.deepEqual(lists.recommended, []);
    assert.deepEqual(lists.body, [{ kind: 'rich-text', body: blocks }]);
  });

  it('adds paragraph tags to classic-editor content only', () => {
    assert.equal(wpAutop('One\nline\n\n<h2>Two</h2>\n\nThree'), '<p>One<br>\nline</p>\n<h2>Two</h2>\n<p>Three</p>');
    assert.equal(wpAutop('<p>Already</p>\n\nfine'), '<p>Already</p>\n\nfine');
  });
});

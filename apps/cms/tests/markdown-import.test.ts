import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ArticleFileError, parseArticleFile, parseBody } from '../src/seed/article-file';
import { markdownToBlocks } from '../src/seed/markdown-to-blocks';
import { clip } from '../src/seed/run';
import { first, nth } from './helpers/found';

describe('markdown to Strapi blocks', () => {
  it('maps headings (clamped to H2-H4), paragraphs with marks, links, lists and quotes', () => {
    const blocks = markdownToBlocks(
      '# Top\n\nSome **bold** and *italic* with a [link](/articles/x).\n\n#### Deep\n\n###### Deeper\n\n- one\n- two\n\n1. first\n\n> quoted',
    );
    assert.deepEqual(
      blocks.map((b) => (b.type === 'heading' ? `h${b.level}` : b.type)),
      ['h2', 'paragraph', 'h4', 'h4', 'list', 'list', 'quote'],
    );
    const para = nth(blocks, 1, 'block');
    assert.equal(para.type, 'paragraph');
    assert.deepEqual(para.children, [
      { type: 'text', text: 'Some ' },
      { type: 'text', text: 'bold', bold: true },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'italic', italic: true },
      { type: 'text', text: ' with a ' },
      { type: 'link', url: '/articles/x', children: [{ type: 'text', text: 'link' }] },
      { type: 'text', text: '.' },
    ]);
    const [unordered, ordered] = [nth(blocks, 4, 'block'), nth(blocks, 5, 'block')];
    assert.ok(unordered.type === 'list' && unordered.format === 'unordered' && unordered.children.length === 2);
    assert.ok(ordered.type === 'list' && ordered.format === 'ordered');
  });

  it('decodes entities in plain text', () => {
    const para = first(markdownToBlocks('Fish & chips "quoted"'), 'block');
    const inline = para.type === 'paragraph' ? para.children[0] : undefined;
    assert.equal(inline?.type === 'text' && inline.text, 'Fish & chips "quoted"');
  });
});

describe('article files', () => {
  it('turns directives into callouts, pull quotes and figures between rich text', () => {
    const sections = parseBody(
      't.md',
      'Lead.\n\n:::warning\nCareful now.\n:::\n\nMiddle.\n\n:::pullquote\nSaid well.\n— A. Person\n:::\n\n:::figure hue=40\nA caption\ncredit: Us\n:::\n',
    );
    assert.deepEqual(
      sections.map((s) => s.kind),
      ['rich-text', 'callout', 'rich-text', 'pull-quote', 'figure'],
    );
    assert.deepEqual(sections[1], { kind: 'callout', variant: 'warning', body: 'Careful now.' });
    assert.deepEqual(sections[3], { kind: 'pull-quote', quote: 'Said well.', attribution: 'A. Person' });
    assert.deepEqual(sections[4], { kind: 'figure', hue: 40, caption: 'A caption', credit: 'Us' });
  });

  it('rejects unclosed or unknown directives and missing front matter with the file name', () => {
    assert.throws(
      () => parseBody('a.md', ':::note\nnever closed'),
      /a\.md: directive ":::note" on line 1 is never closed/,
    );
    assert.throws(() => parseBody('b.md', ':::shout\nx\n:::'), /b\.md: unknown directive/);
    assert.throws(
      () => parseArticleFile('c.md', '---\ntitle: x\n---\nbody'),
      (e: unknown) => e instanceof ArticleFileError && /missing front matter: slug/.test(String(e)),
    );
  });
});

describe('article history in front matter', () => {
  const file = (history: string) =>
    `---\ntitle: T\nslug: t\nexcerpt: E\nauthor: a\ntopics: [x]\npublishedAt: 2025-03-11\ncover: { alt: A, hue: 1 }\nhistory:\n${history}---\nBody`;

  it('reads entries oldest first, with hidden ones marked and reviewers only on reviews', () => {
    const article = parseArticleFile(
      'h.md',
      file(
        '  - { kind: corrected, date: 2025-03-12, note: "Typo.", show: false }\n' +
          '  - { kind: reviewed, date: "2025-06-01", reviewer: lena-marsh }\n',
      ),
    );
    assert.deepEqual(article.history, [
      { kind: 'corrected', date: '2025-03-12', note: 'Typo.', show: false },
      { kind: 'reviewed', date: '2025-06-01', reviewer: 'lena-marsh', show: true },
    ]);
    assert.deepEqual(parseArticleFile('n.md', file('').replace('history:\n', '')).history, []);
  });

  it('rejects entries the seed could not record, naming the file and the entry', () => {
    const rejects = (history: string, message: RegExp) =>
      assert.throws(
        () => parseArticleFile('h.md', file(history)),
        (e: unknown) => e instanceof ArticleFileError && /^h\.md: /.test(e.message) && message.test(e.message),
      );
    rejects('  - { kind: retracted, date: 2025-04-01 }\n', /history entry 1: kind must be one of/);
    rejects('  - { kind: updated, date: 1 April 2025 }\n', /history entry 1: date must be YYYY-MM-DD/);
    rejects('  - { kind: updated, date: 2025-01-01 }\n', /before publishedAt/);
    rejects('  - { kind: published, date: 2025-03-11 }\n', /recorded by the publish itself/);
    rejects('  - { kind: reviewed, date: 2025-04-01 }\n', /a reviewer is given for reviewed entries/);
    rejects('  - { kind: updated, date: 2025-04-01, reviewer: x }\n', /a reviewer is given for reviewed entries/);
    rejects(`  - { kind: updated, date: 2025-04-01, note: "${'x'.repeat(201)}" }\n`, /longer than 200/);
    rejects('  - { kind: updated, date: 2025-04-01, when: now }\n', /unknown keys: when/);
    rejects('  - { kind: updated, date: 2025-04-01, show: "no" }\n', /show must be true or false/);
    rejects(
      '  - { kind: updated, date: 2025-05-01 }\n  - { kind: updated, date: 2025-04-01 }\n',
      /history entry 2: entries are listed oldest first/,
    );
    assert.throws(() => parseArticleFile('h.md', file('  oops\n')), /h\.md: history must be a list/);
  });
});

describe('metadata clipping', () => {
  it('cuts at a word boundary and marks the cut', () => {
    assert.equal(clip('Short title', 70), 'Short title');
    const clipped = clip('Magnesium glycinate: what it is, how it is absorbed and who it may help', 40);
    assert.ok(clipped.length <= 40, clipped);
    assert.equal(clipped, 'Magnesium glycinate: what it is, how it…');
  });
});

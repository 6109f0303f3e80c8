/**
 * The importer on one database kind: the CLI on the Markdown fixture (and a run killed and
 * resumed), then the CMS loaded in this process to read what was written and to run the
 * importer again (unchanged, dry run, changed file, broken files, --publish).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';

import { createStrapi, type Core } from '@strapi/strapi';

import { drainOwnDeliveries } from '../../src/importer/outbox-drain';
import { Progress } from '../../src/importer/progress';
import type { RunReport } from '../../src/importer/report';
import { runImport } from '../../src/importer/run-import';
import { readMarkdown } from '../../src/importer/sources/markdown';
import type { Block } from '../../src/seed/markdown-to-blocks';
import { APP_DIR, EXAMPLE_ENV } from '../helpers/cms-server';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../helpers/databases';
import { found } from '../helpers/found';
import { runCli, startCli } from './cli-process';
import { copyFixture, writeBatch } from './fixture-files';

const ARTICLE = 'api::article.article';
const BATCH = 12;

type Media = { id: number; name: string };
type Link = { type: string; url?: string; children?: Link[] };
type BodyItem =
  | { __component: 'content.rich-text'; body: Block[] }
  | { __component: 'content.key-takeaways'; items: Array<{ text: string }> }
  | { __component: 'content.callout'; variant: string; body: string }
  | { __component: 'content.pull-quote'; quote: string; attribution: string | null }
  | { __component: 'content.figure'; image: Media; alt: string; caption: string | null; credit: string | null };
type StoredArticle = {
  documentId: string;
  slug: string;
  title: string;
  excerpt: string;
  coverAlt: string;
  publishedAt: string | null;
  firstPublishedAt: string | null;
  contentUpdatedAt: string | null;
  cover: Media | null;
  body: BodyItem[];
  author: { slug: string; name: string } | null;
  topics: Array<{ slug: string }>;
  recommended: Array<{ article: { documentId: string } | null; url: string | null; label: string | null }>;
  alsoLikePinned: Array<{ article: { documentId: string } | null }>;
  alsoLikeExcluded: Array<{ article: { documentId: string } | null }>;
  references: Array<{ title: string }>;
};

const TABLES = ['articles', 'authors', 'topics', 'redirects', 'files', 'import_records'];

/** Row counts and last update times of the tables an import writes: equal snapshots, nothing written. */
const snapshot = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await knex(table).select<Array<{ n: unknown; at: unknown }>>(
      knex.raw('count(*) as n'),
      knex.raw('max(updated_at) as at'),
    );
    out[table] = `${String(row?.n)} @ ${String(row?.at instanceof Date ? row.at.toISOString() : row?.at)}`;
  }
  for (const table of [
    'components_content_rich_texts',
    'components_content_figures',
    'components_related_recommended_items',
  ]) {
    const [row] = await knex(table).select<Array<{ n: unknown }>>(knex.raw('count(*) as n'));
    out[table] = String(row?.n);
  }
  return out;
};

const links = (blocks: Block[]): string[] =>
  (blocks as unknown as Link[]).flatMap((b) => [
    ...(b.type === 'link' && b.url ? [b.url] : []),
    ...links((b.children ?? []) as unknown as Block[]),
  ]);

const silent = () =>
  new Progress(
    new Writable({
      write: (_chunk, _enc, done) => {
        done();
      },
    }),
  );

export const describeImporter = (kind: DatabaseKind): void => {
  void describe(`importer on ${kind}`, { timeout: 600_000 }, () => {
    let db: TestDatabase;
    let dir: string;
    let batchDir: string;
    let strapi: Core.Strapi | undefined;
    let killedAfter = 0;

    const cms = () => found(strapi, 'the CMS loaded in-process');
    const importDir = (options: { dryRun?: boolean; publish?: boolean; limit?: number } = {}): Promise<RunReport> =>
      runImport(cms(), readMarkdown(dir), {
        dryRun: options.dryRun ?? false,
        publish: options.publish ?? false,
        ...(options.limit ? { limit: options.limit } : {}),
        progress: silent(),
      });
    const article = async (slug: string, status: 'draft' | 'published' = 'draft') =>
      found(
        (await cms()
          .documents(ARTICLE)
          .findFirst({
            filters: { slug },
            status,
            populate: {
              cover: true,
              body: { populate: '*' },
              author: true,
              topics: true,
              references: true,
              recommended: { populate: ['article'] },
              alsoLikePinned: { populate: ['article'] },
              alsoLikeExcluded: { populate: ['article'] },
            },
          } as never)) as unknown as StoredArticle | null,
        `${status} article ${slug}`,
      );
    const status = (report: RunReport, key: string) =>
      found(
        report.items.find((i) => i.sourceKey === key),
        key,
      );

    before(async () => {
      db = await createTestDatabase(kind);
      dir = await copyFixture();
      batchDir = await writeBatch(BATCH);
    });

    after(async () => {
      if (strapi) await drainOwnDeliveries(strapi);
      await strapi?.destroy();
      await db.drop();
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rm(batchDir, { recursive: true, force: true });
    });

    it('imports the Markdown fixture from the command line', async () => {
      const { code, output, report } = await runCli(db.env, dir);
      assert.equal(code, 0, output);
      const r = found(report, 'the JSON report');
      assert.deepEqual(r.totals, { created: 3, updated: 0, unchanged: 0, skipped: 0, failed: 0 }, output);
      assert.match(output, /created\s+md:morning-oats\.md -> \/articles\/morning-oats/);
      assert.match(output, /3 created, 0 updated, 0 unchanged, 0 skipped, 0 failed/);
    });

    it('finishes a run killed half-way with --resume, without duplicates', async () => {
      const run = startCli(db.env, [batchDir]);
      // Kill it once it has written a few articles (each line is printed after its commit).
      while ((run.output().match(/^created /gm) ?? []).length < 3) {
        const exited = await Promise.race([run.exit.then(() => true), new Promise((r) => setTimeout(r, 50, false))]);
        assert.equal(exited, false, `the CLI ended before it could be killed:\n${run.output()}`);
      }
      run.child.kill('SIGKILL');
      await run.exit;
      killedAfter = (run.output().match(/^created /gm) ?? []).length;
      assert.ok(killedAfter < BATCH, `killed before the end (${String(killedAfter)} of ${String(BATCH)} written)`);

      const { code, output, report } = await runCli(db.env, batchDir, ['--resume']);
      assert.equal(code, 0, output);
      const r = found(report, 'the JSON report');
      assert.equal(r.totals.failed, 0, output);
      assert.equal(r.totals.skipped, killedAfter, 'the items the killed run finished are skipped');
      assert.equal(r.totals.created + r.totals.unchanged + r.totals.skipped, BATCH, output);
    });

    it('(loads the CMS in this process for the checks below)', async () => {
      Object.assign(process.env, EXAMPLE_ENV, db.env, {
        CRON_ENABLED: 'false',
        SEED_DEMO_CONTENT: 'false',
        SITE_URL: 'http://127.0.0.1:9',
      });
      strapi = createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist') });
      strapi.log.level = 'error';
      await strapi.load();
    });

    it('wrote the resumed batch once each', async () => {
      const batch = await cms()
        .db.query(ARTICLE)
        .count({ where: { slug: { $startsWith: 'pantry-note-' }, publishedAt: null } });
      assert.equal(batch, BATCH);
      const records = await cms()
        .db.query('api::import-record.import-record')
        .count({ where: { sourceKey: { $startsWith: 'md:batch-' } } });
      assert.equal(records, BATCH);
    });

    it('maps every field: body blocks, figure, alt text, dates, references', async () => {
      const oats = await article('morning-oats');
      assert.equal(oats.title, 'Overnight oats without the sugar rush');
      assert.equal(oats.publishedAt, null, 'a draft without --publish');
      assert.equal(oats.coverAlt, 'A ceramic bowl of soaked oats on a wooden table');
      assert.deepEqual(
        oats.body.map((b) => b.__component),
        ['content.key-takeaways', 'content.rich-text', 'content.figure', 'content.rich-text'],
      );
      const figure = oats.body.find((b) => b.__component === 'content.figure');
      assert.ok(figure?.__component === 'content.figure');
      assert.equal(figure.alt, 'Oats, berries and seeds layered in a bowl');
      assert.equal(figure.caption, 'The same bowl, topped with berries and pumpkin seeds.');
      assert.equal(figure.credit, 'Nourish test kitchen');
      assert.deepEqual(
        oats.references.map((r) => r.title),
        ['Whole grains and everyday meals'],
      );
      assert.equal(oats.firstPublishedAt, '2019-04-02T08:00:00.000Z', "the source's publication date");
      assert.equal(oats.contentUpdatedAt, '2021-06-15T08:00:00.000Z', "the source's last update");
      const walks = await article('evening-walks');
      assert.deepEqual(
        walks.body.map((b) => b.__component),
        ['content.rich-text', 'content.callout', 'content.pull-quote'],
      );
      const quote = walks.body[2];
      assert.ok(quote?.__component === 'content.pull-quote');
      assert.equal(quote.attribution, 'A reader in our comments');
    });

    it('uploads an image once, however many times it is used', async () => {
      const oats = await article('morning-oats');
      const myths = await article('hydration-myths');
      const figure = oats.body.find((b) => b.__component === 'content.figure');
      assert.ok(figure?.__component === 'content.figure');
      const cover = found(oats.cover, 'cover');
      assert.equal(figure.image.id, cover.id, 'the figure reuses the cover upload');
      assert.equal(found(myths.cover, 'cover').id, cover.id, 'another article reuses it too');
      assert.equal(
        await cms()
          .db.query('plugin::upload.file')
          .count({ where: { name: 'bowl.png' } }),
        1,
      );
    });

    it('rewrites links between imported articles, both directions, and fills the rails', async () => {
      const oats = await article('morning-oats');
      const walks = await article('evening-walks');
      const myths = await article('hydration-myths');
      const bodyLinks = (a: StoredArticle) =>
        a.body.flatMap((b) => (b.__component === 'content.rich-text' ? links(b.body) : []));
      assert.deepEqual(bodyLinks(oats), ['/articles/evening-walks', '/articles/hydration-myths']);
      assert.deepEqual(
        bodyLinks(walks),
        ['/articles/morning-oats', 'https://old.example.org/2023/02/late-addition/'],
        'a link to an article imported after it is rewritten; one to nothing imported is kept',
      );
      assert.deepEqual(bodyLinks(myths), ['/articles/morning-oats']);
      assert.deepEqual(
        oats.recommended.map((r) => r.article?.documentId ?? r.url),
        [walks.documentId, 'https://example.com/fibre-guide'],
      );
      assert.equal(oats.recommended[1]?.label, 'A plain guide to fibre');
      assert.deepEqual(
        oats.alsoLikePinned.map((p) => p.article?.documentId),
        [myths.documentId],
      );
      assert.deepEqual(
        oats.alsoLikeExcluded.map((p) => p.article?.documentId),
        [walks.documentId],
        'alsoLike.exclude becomes an exclusion of the imported article',
      );
    });

    it('turns old URLs into redirects and matches or creates authors and topics', async () => {
      const redirects = (await cms()
        .db.query('api::redirect.redirect')
        .findMany({ select: ['from', 'to'], orderBy: { from: 'asc' } })) as Array<{ from: string; to: string }>;
      assert.deepEqual(redirects, [
        { from: '/2018/11/hydration-myths', to: '/articles/hydration-myths' },
        { from: '/2019/04/morning-oats', to: '/articles/morning-oats' },
        { from: '/?p=412', to: '/articles/hydration-myths' },
      ]);
      const oats = await article('morning-oats');
      assert.deepEqual(oats.author, { ...oats.author, slug: 'nadia-kerr', name: 'Nadia Kerr' });
      assert.deepEqual(
        oats.topics.map((t) => t.slug),
        ['nutrition-basics'],
      );
      const authors = (await cms()
        .db.query('api::author.author')
        .findMany({ select: ['slug'] })) as Array<{
        slug: string;
      }>;
      assert.deepEqual(authors.map((a) => a.slug).sort(), ['nadia-kerr', 'omar-feld'], 'one author per slug');
      assert.equal(await cms().db.query('api::topic.topic').count({}), 2);
    });

    it('a second run reports everything unchanged and writes nothing', async () => {
      const before = await snapshot(cms());
      const report = await importDir();
      assert.deepEqual(report.totals, { created: 0, updated: 0, unchanged: 3, skipped: 0, failed: 0 });
      assert.deepEqual(await snapshot(cms()), before);
    });

    it('--dry-run says what would change and writes nothing', async () => {
      const file = path.join(dir, 'hydration-myths.md');
      await fs.writeFile(
        file,
        (await fs.readFile(file, 'utf8')).replace('Three hydration myths', 'Four hydration myths'),
      );
      const before = await snapshot(cms());
      const report = await importDir({ dryRun: true });
      assert.equal(status(report, 'md:hydration-myths.md').status, 'updated');
      assert.equal(report.totals.unchanged, 2);
      const limited = await importDir({ dryRun: true, limit: 2 });
      assert.deepEqual(
        limited.items.map((i) => i.sourceKey),
        ['md:evening-walks.md', 'md:hydration-myths.md'],
        '--limit 2: the first two files',
      );
      assert.deepEqual(await snapshot(cms()), before);
    });

    it('a changed file is updated in place, the others are unchanged', async () => {
      const myths = await article('hydration-myths');
      const report = await importDir();
      assert.deepEqual(report.totals, { created: 0, updated: 1, unchanged: 2, skipped: 0, failed: 0 });
      const updated = await article('hydration-myths');
      assert.equal(updated.documentId, myths.documentId);
      assert.equal(updated.title, 'Four hydration myths that will not go away');
    });

    it('a broken file fails with its reason while the others import', async () => {
      await fs.writeFile(path.join(dir, 'no-title.md'), '---\nslug: no-title\nexcerpt: "x"\n---\nText.\n');
      const missing = (await fs.readFile(path.join(dir, 'evening-walks.md'), 'utf8'))
        .replace('slug: evening-walks', 'slug: missing-image')
        .replace('  hue: 240', '  src: images/not-there.png');
      await fs.writeFile(path.join(dir, 'missing-image.md'), missing);
      await fs.writeFile(
        path.join(dir, 'late-addition.md'),
        '---\ntitle: "A late addition"\nslug: late-addition\nexcerpt: "Written after the first import."\nauthor: omar-feld\ntopics: [nutrition-basics]\npublishedAt: 2023-02-01\noldUrls: ["https://old.example.org/2023/02/late-addition/"]\ncover:\n  alt: "Generated pattern"\n  hue: 90\n---\nA new piece.\n',
      );
      const report = await importDir();
      assert.equal(status(report, 'md:no-title.md').status, 'failed');
      assert.match(status(report, 'md:no-title.md').reason ?? '', /missing front matter: title/);
      assert.equal(status(report, 'md:missing-image.md').status, 'failed');
      assert.match(status(report, 'md:missing-image.md').reason ?? '', /image not found: images\/not-there\.png/);
      assert.equal(status(report, 'md:late-addition.md').status, 'created');
      // Unchanged itself, but its link to the new article is now resolved: rewritten in place.
      assert.equal(status(report, 'md:evening-walks.md').status, 'updated');
      assert.equal(report.totals.unchanged, 2);
      const walks = await article('evening-walks');
      assert.ok(
        walks.body.some(
          (b) => b.__component === 'content.rich-text' && links(b.body).includes('/articles/late-addition'),
        ),
        'the old link now leads to the new article',
      );
      assert.equal(
        await cms()
          .db.query(ARTICLE)
          .count({ where: { slug: 'missing-image' } }),
        0,
      );
    });

    it('--publish publishes, but a health article without a reviewer stays a draft with a warning', async () => {
      await fs.rm(path.join(dir, 'no-title.md'));
      await fs.rm(path.join(dir, 'missing-image.md'));
      await cms()
        .db.query('api::topic.topic')
        .update({ where: { slug: 'sleep-health' }, data: { healthTopic: true } });
      const report = await importDir({ publish: true });
      assert.equal(report.totals.failed, 0);
      const walks = status(report, 'md:evening-walks.md');
      assert.ok(
        walks.warnings.some((w) => /left as a draft: health topic \(Sleep Health\) needs a medical reviewer/.test(w)),
        JSON.stringify(walks),
      );
      assert.equal((await article('morning-oats', 'published')).slug, 'morning-oats');
      const live = await cms()
        .documents(ARTICLE)
        .findFirst({ filters: { slug: 'evening-walks' }, status: 'published' });
      assert.equal(live, null);
      const again = await importDir({ publish: true });
      assert.equal(again.totals.unchanged, 4, 'publishing again changes nothing');
    });
  });
};

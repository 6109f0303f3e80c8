/** The demo content is data: check it is complete and consistent before any CMS boots. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';

import { readArticleFiles, readYaml } from '../src/seed/run';
import { APP_DIR } from './helpers/cms-server';
import { first } from './helpers/found';

const DIR = path.join(APP_DIR, 'src/seed/content');

describe('demo content', async () => {
  const articles = await readArticleFiles(DIR);
  const topics = await readYaml<Array<{ slug: string; health: boolean }>>(DIR, 'topics.yaml');
  const authors = await readYaml<Array<{ slug: string; medicalReviewer?: boolean }>>(DIR, 'authors.yaml');
  const slugs = new Set(articles.map((a) => a.slug));

  it('has enough articles, topics, authors and reviewers for full rails', () => {
    assert.ok(articles.length >= 24, `${articles.length} articles`);
    assert.ok(topics.length >= 6, `${topics.length} topics`);
    assert.ok(authors.length >= 4);
    assert.ok(authors.filter((a) => a.medicalReviewer).length >= 2);
    for (const topic of topics) {
      assert.ok(
        articles.filter((a) => a.topics.includes(topic.slug)).length >= 3,
        `topic ${topic.slug} has 3+ articles`,
      );
    }
  });

  it('has realistic dates: some articles updated after publication, none in the future', () => {
    const today = new Date().toISOString().slice(0, 10);
    const updated = articles.filter((a) => a.updatedAt && a.updatedAt > a.publishedAt);
    assert.ok(updated.length >= 5 && updated.length < articles.length, `${updated.length} updated articles`);
    for (const a of articles) {
      assert.ok(
        a.publishedAt <= today && (a.updatedAt ?? a.publishedAt) <= today,
        `${a.slug}: dates not in the future`,
      );
    }
  });

  it('links only to things that exist', () => {
    const topicSlugs = new Set(topics.map((t) => t.slug));
    const authorSlugs = new Set(authors.map((a) => a.slug));
    for (const a of articles) {
      assert.ok(authorSlugs.has(a.author), `${a.slug}: author ${a.author}`);
      if (a.reviewer) assert.ok(authorSlugs.has(a.reviewer), `${a.slug}: reviewer ${a.reviewer}`);
      for (const t of a.topics) assert.ok(topicSlugs.has(t), `${a.slug}: topic ${t}`);
      for (const r of a.recommended)
        if ('article' in r) assert.ok(slugs.has(r.article), `${a.slug}: recommends ${r.article}`);
      for (const s of [...a.alsoLike.pin, ...a.alsoLike.exclude]) assert.ok(slugs.has(s), `${a.slug}: also-like ${s}`);
      assert.ok(a.recommended.length > 0, `${a.slug} has a curated rail`);
    }
  });

  it('gives every health article a medical reviewer other than its author', () => {
    const health = new Set(topics.filter((t) => t.health).map((t) => t.slug));
    const reviewers = new Set(authors.filter((a) => a.medicalReviewer).map((a) => a.slug));
    for (const a of articles.filter((x) => x.topics.some((t) => health.has(t)))) {
      assert.ok(a.reviewer && reviewers.has(a.reviewer) && a.reviewer !== a.author, `${a.slug} needs a reviewer`);
    }
  });

  it('gives a realistic subset an article history that agrees with its dates and reviewer', () => {
    const withHistory = articles.filter((a) => a.history.length > 0);
    assert.ok(withHistory.length >= 6 && withHistory.length < articles.length, `${withHistory.length} with history`);
    const kinds = new Set(withHistory.flatMap((a) => a.history.map((entry) => entry.kind)));
    assert.deepEqual([...kinds].sort(), ['corrected', 'reviewed', 'updated']);
    const reviewers = new Set(authors.filter((a) => a.medicalReviewer).map((a) => a.slug));
    for (const a of withHistory) {
      const shown = a.history.filter((entry) => entry.show);
      const changes = shown.filter((entry) => entry.kind === 'updated' || entry.kind === 'corrected');
      assert.equal(changes.at(-1)?.date, a.updatedAt, `${a.slug}: the last update shown is its "Updated" date`);
      const reviews = shown.filter((entry) => entry.kind === 'reviewed');
      assert.equal(reviews.at(-1)?.date, a.lastReviewedAt, `${a.slug}: the last review is lastReviewedAt`);
      assert.equal(reviews.at(-1)?.reviewer, a.reviewer, `${a.slug}: by the article's reviewer`);
      for (const review of reviews) assert.ok(reviewers.has(review.reviewer ?? ''), `${a.slug}: a medical reviewer`);
    }
  });

  it('has a magnesium glycinate article shaped like the sketch: rail, lead, five H2 sections', () => {
    const mg = articles.find((a) => a.slug === 'magnesium-glycinate');
    assert.ok(mg);
    assert.ok(mg.recommended.some((r) => 'article' in r) && mg.recommended.some((r) => 'url' in r));
    const blocks = mg.body.flatMap((s) => (s.kind === 'rich-text' ? s.body : []));
    assert.equal(first(blocks, 'body block').type, 'paragraph', 'it opens with a lead');
    assert.equal(blocks.filter((b) => b.type === 'heading' && b.level === 2).length, 5);
  });
});

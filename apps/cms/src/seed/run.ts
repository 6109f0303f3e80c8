/**
 * Idempotent demo seed. Content lives as data in ./content (YAML + Markdown articles); this runner
 * only turns it into documents. Anything that already exists (matched by slug, or by file name for
 * images) is left untouched, so running it again changes nothing.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Core, UID } from '@strapi/strapi';
import YAML from 'yaml';

import { parseArticleFile, type ArticleFile, type BodySection, type RecommendedSpec } from './article-file';
import { renderArtwork } from './generated-image';

type TopicSpec = { slug: string; name: string; description: string; health: boolean };
type AuthorSpec = {
  slug: string;
  name: string;
  credentials?: string;
  roleTitle?: string;
  bio?: string;
  links?: Array<{ label: string; url: string }>;
  medicalReviewer?: boolean;
};
type SiteSpec = {
  siteName: string;
  publisherName: string;
  copyrightHolder: string;
  copyrightStartYear: number;
  footerLinks: Array<{ label: string; url: string }>;
  medicalDisclaimer: string;
  defaultSeo: { metaTitle: string; metaDescription: string };
  defaultRecommended: RecommendedSpec[];
};
type HomeSpec = { featured: string[]; topicSections: Array<{ topic: string; heading: string }> };

export const contentDir = (strapi: Core.Strapi) => path.join(strapi.dirs.app.src, 'seed', 'content');

export const readYaml = async <T>(dir: string, name: string): Promise<T> =>
  YAML.parse(await fs.readFile(path.join(dir, name), 'utf8')) as T;

export const readArticleFiles = async (dir: string): Promise<ArticleFile[]> => {
  const files = (await fs.readdir(path.join(dir, 'articles'))).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(
    files.map(async (f) => parseArticleFile(f, await fs.readFile(path.join(dir, 'articles', f), 'utf8'))),
  );
};

const uploadArtwork = async (strapi: Core.Strapi, name: string, hue: number, alt: string, size?: [number, number]) => {
  const existing = (await strapi.db.query('plugin::upload.file').findOne({ where: { name }, select: ['id'] })) as {
    id: number;
  } | null;
  if (existing) return existing.id;
  const tmp = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'seed-')), name);
  const buffer = await renderArtwork(hue, name, ...(size ?? []));
  await fs.writeFile(tmp, buffer);
  try {
    // One file in, one file out.
    const [file] = await strapi
      .plugin('upload')
      .service<{ upload(input: unknown): Promise<[{ id: number }]> }>('upload')
      .upload({
        data: { fileInfo: { name, alternativeText: alt, caption: '' } },
        files: { filepath: tmp, originalFilename: name, mimetype: 'image/webp', size: buffer.length },
      });
    return file.id;
  } finally {
    await fs.rm(path.dirname(tmp), { recursive: true, force: true });
  }
};

const bySlug = async (strapi: Core.Strapi, uid: UID.ContentType, slug: string) =>
  strapi.db.query(uid).findOne({ where: { slug }, select: ['id', 'documentId'] }) as Promise<{
    id: number;
    documentId: string;
  } | null>;

const pick = (documentId: string) => ({ article: documentId, targetDocumentId: documentId });

export const seedDemoContent = async (strapi: Core.Strapi, dir = contentDir(strapi)) => {
  const started = Date.now();
  const topics = await readYaml<TopicSpec[]>(dir, 'topics.yaml');
  const authors = await readYaml<AuthorSpec[]>(dir, 'authors.yaml');
  const site = await readYaml<SiteSpec>(dir, 'site.yaml');
  const home = await readYaml<HomeSpec>(dir, 'home.yaml');
  const articles = await readArticleFiles(dir);

  const topicIds = new Map<string, string>();
  for (const topic of topics) {
    const found = await bySlug(strapi, 'api::topic.topic', topic.slug);
    const doc =
      found ??
      (await strapi.documents('api::topic.topic').create({
        data: { name: topic.name, slug: topic.slug, description: topic.description, healthTopic: topic.health },
      }));
    topicIds.set(topic.slug, doc.documentId);
  }

  const authorIds = new Map<string, string>();
  for (const author of authors) {
    const found = await bySlug(strapi, 'api::author.author', author.slug);
    if (found) {
      authorIds.set(author.slug, found.documentId);
      continue;
    }
    const avatar = await uploadArtwork(
      strapi,
      `avatar-${author.slug}.webp`,
      author.slug.length * 37,
      `Portrait placeholder for ${author.name}`,
      [400, 400],
    );
    const doc = await strapi.documents('api::author.author').create({
      data: {
        name: author.name,
        slug: author.slug,
        credentials: author.credentials,
        roleTitle: author.roleTitle,
        bio: author.bio,
        medicalReviewer: Boolean(author.medicalReviewer),
        links: author.links ?? [],
        avatar,
      },
    });
    authorIds.set(author.slug, doc.documentId);
  }

  // Pass 1: every missing article as a draft, without its related picks (their targets may not exist yet).
  const articleIds = new Map<string, string>();
  const created: ArticleFile[] = [];
  for (const article of articles) {
    const found = await bySlug(strapi, 'api::article.article', article.slug);
    if (found) {
      articleIds.set(article.slug, found.documentId);
      continue;
    }
    const cover = await uploadArtwork(strapi, `cover-${article.slug}.webp`, article.cover.hue, article.cover.alt);
    const body = await Promise.all(article.body.map((section, i) => bodyComponent(strapi, article, section, i)));
    const doc = await strapi.documents('api::article.article').create({
      data: {
        title: article.title,
        slug: article.slug,
        excerpt: article.excerpt,
        cover,
        coverAlt: article.cover.alt,
        body: withKeyTakeaways(article.keyTakeaways, body),
        author: need(authorIds, article.author, article.slug),
        reviewer: article.reviewer ? need(authorIds, article.reviewer, article.slug) : null,
        topics: article.topics.map((t) => need(topicIds, t, article.slug)),
        firstPublishedAt: new Date(`${article.publishedAt}T08:00:00.000Z`).toISOString(),
        contentUpdatedAt: new Date(`${article.updatedAt ?? article.publishedAt}T08:00:00.000Z`).toISOString(),
        lastReviewedAt: article.lastReviewedAt,
        nextReviewDue: article.nextReviewDue,
        references: article.references,
        seo: { metaTitle: clip(article.title, 70), metaDescription: clip(article.excerpt, 170), noindex: false },
      } as never,
    });
    articleIds.set(article.slug, doc.documentId);
    created.push(article);
  }

  // Pass 2: related picks, then publish.
  for (const article of created) {
    const documentId = articleIds.get(article.slug);
    if (!documentId) throw new Error(`Seed: article ${article.slug} was not created in pass 1`);
    await strapi.documents('api::article.article').update({
      documentId,
      data: {
        recommended: article.recommended.map((item) => recommendedItem(articleIds, item, article.slug)),
        alsoLikePinned: article.alsoLike.pin.map((slug) => pick(need(articleIds, slug, article.slug))),
        alsoLikeExcluded: article.alsoLike.exclude.map((slug) => pick(need(articleIds, slug, article.slug))),
      } as never,
    });
    await strapi.documents('api::article.article').publish({ documentId });
  }

  const historyCreated = await seedHistory(strapi, articles, articleIds, authorIds);

  if (!(await strapi.db.query('api::site-setting.site-setting').findOne({ select: ['id'] }))) {
    await strapi.documents('api::site-setting.site-setting').create({
      data: {
        siteName: site.siteName,
        publisherName: site.publisherName,
        copyrightHolder: site.copyrightHolder,
        copyrightStartYear: site.copyrightStartYear,
        footerLinks: site.footerLinks,
        medicalDisclaimer: site.medicalDisclaimer,
        defaultSeo: { ...site.defaultSeo, noindex: false },
        defaultRecommended: site.defaultRecommended.map((item) => recommendedItem(articleIds, item, 'site.yaml')),
      } as never,
    });
  }

  if (!(await strapi.db.query('api::home-page.home-page').findOne({ select: ['id'] }))) {
    await strapi.documents('api::home-page.home-page').create({
      data: {
        featured: home.featured.map((slug) => pick(need(articleIds, slug, 'home.yaml'))),
        topicSections: home.topicSections.map((s) => ({
          heading: s.heading,
          topic: need(topicIds, s.topic, 'home.yaml'),
          limit: 4,
        })),
      } as never,
    });
  }

  strapi.log.info(
    `Demo content ready: ${created.length} new of ${articles.length} articles, ${historyCreated} history entries (${Date.now() - started} ms)`,
  );
  return { created: created.length, total: articles.length };
};

/** Seeded entries are dated like the articles' own dates, at 08:00 UTC. */
const atSeedTime = (day: string) => new Date(`${day}T08:00:00.000Z`).toISOString();

/**
 * Each front-matter history entry once: an entry already there (same article, kind and time) is
 * left alone, so re-seeding adds nothing and entries editors record later are untouched.
 */
const seedHistory = async (
  strapi: Core.Strapi,
  articles: ArticleFile[],
  articleIds: Map<string, string>,
  authorIds: Map<string, string>,
) => {
  const uid = 'api::article-history.article-history';
  let createdCount = 0;
  for (const article of articles) {
    const articleDocumentId = need(articleIds, article.slug, article.slug);
    for (const entry of article.history) {
      const occurredAt = atSeedTime(entry.date);
      const found = (await strapi.db
        .query(uid)
        .findOne({ where: { articleDocumentId, kind: entry.kind, occurredAt }, select: ['id'] })) as {
        id: number;
      } | null;
      if (found) continue;
      await strapi.documents(uid).create({
        data: {
          articleDocumentId,
          kind: entry.kind,
          occurredAt,
          note: entry.note ?? null,
          reviewer: entry.reviewer ? need(authorIds, entry.reviewer, `${article.slug} history`) : null,
          recordedBy: 'demo seed',
          showToReaders: entry.show,
        } as never,
      });
      createdCount++;
    }
  }
  return createdCount;
};

/** Shortens at a word boundary with an ellipsis, for metadata fields with length limits. */
/** An article body with its key takeaways first, as the page shows them (none: the body as is). */
export const withKeyTakeaways = <T>(keyTakeaways: string[], body: T[]) => [
  ...(keyTakeaways.length
    ? [{ __component: 'content.key-takeaways', title: 'Key takeaways', items: keyTakeaways.map((text) => ({ text })) }]
    : []),
  ...body,
];

export const clip = (text: string, max: number) => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const boundary = /\s/.test(text.charAt(max - 1)) ? cut.length : cut.lastIndexOf(' ');
  return `${cut.slice(0, Math.max(boundary, max / 2)).replace(/[\s,;:.-]+$/, '')}…`;
};

const need = (ids: Map<string, string>, slug: string, where: string) => {
  const id = ids.get(slug);
  if (!id) throw new Error(`Seed: "${slug}" referenced from ${where} does not exist`);
  return id;
};

const recommendedItem = (ids: Map<string, string>, item: RecommendedSpec, where: string) =>
  'article' in item ? pick(need(ids, item.article, where)) : { url: item.url, label: item.label };

const bodyComponent = async (strapi: Core.Strapi, article: ArticleFile, section: BodySection, index: number) => {
  switch (section.kind) {
    case 'rich-text':
      return { __component: 'content.rich-text', body: section.body };
    case 'callout':
      return { __component: 'content.callout', variant: section.variant, body: section.body };
    case 'pull-quote':
      return { __component: 'content.pull-quote', quote: section.quote, attribution: section.attribution };
    case 'figure': {
      const alt = section.caption || `Illustration for ${article.title}`;
      const image = await uploadArtwork(strapi, `figure-${article.slug}-${index}.webp`, section.hue, alt, [1200, 675]);
      return { __component: 'content.figure', image, alt, caption: section.caption, credit: section.credit };
    }
  }
};

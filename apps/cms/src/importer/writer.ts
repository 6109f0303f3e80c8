/**
 * One SourceArticle -> the CMS's documents, through the Document Service so the CMS's own rules
 * apply (publish rules, slug redirects, search rows, site notifications). Images are uploaded
 * first (deduplicated, so a failure later only leaves a reusable upload); then the article, its
 * new authors and topics, its Redirects and its import record are written in one transaction, so
 * a failure or a kill leaves the previous state. Publishing, when asked, is a separate step: a
 * refusal by the publish rules leaves the saved draft and is a warning.
 */
import { createHash } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { clip, withKeyTakeaways } from '../seed/run';
import type { Block } from '../seed/markdown-to-blocks';
import { inTransaction } from '../utils/db-connection';
import { findRecord, saveRecord, type ImportRecord, type PendingLink } from './import-records';
import { articlePath, linkKey, linkKeysOf, redirectFrom, rewriteBlocks, type LinkMap } from './links';
import { loadImage, type LoadedImage, type MediaLibrary } from './media';
import { authorId, healthTopicNames, isMedicalReviewer, topicIds } from './people-and-topics';
import type { ItemResult } from './report';
import { freeArticleSlug } from './slugs';
import type { ImageSource, SourceArticle, SourceBodySection } from './source-article';

const ARTICLE = 'api::article.article';
const REDIRECT = 'api::redirect.redirect';

export type WriteOptions = { dryRun: boolean; publish: boolean };

export type WriterContext = { strapi: Core.Strapi; media: MediaLibrary; links: LinkMap };

/** What a written article left unresolved, for the run to retry once more targets exist. */
export type WriteOutcome = { result: ItemResult; pending: PendingLink[] };

/** Changes when the source item or the wish to publish it changes; nothing else. */
export const sourceHash = (article: SourceArticle, publish: boolean) =>
  createHash('sha256')
    .update(JSON.stringify({ article, publish: publish && !article.sourceDraft }))
    .digest('hex');

const plainText = (blocks: Block[]) =>
  blocks
    .flatMap((b) => (b.type === 'list' ? b.children.flatMap((i) => i.children) : b.children))
    .map((n) => (n.type === 'text' ? n.text : n.children.map((c) => c.text).join('')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

const excerptOf = (article: SourceArticle) => {
  if (article.excerpt?.trim()) return clip(article.excerpt.trim(), 300);
  const firstText = article.body.find((s) => s.kind === 'rich-text');
  const text = firstText?.kind === 'rich-text' ? plainText(firstText.body) : '';
  return clip(text || article.title, 300);
};

const isoDateTime = (value: string | undefined) => {
  if (!value) return undefined;
  const date = new Date(value.length === 10 ? `${value}T08:00:00.000Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

const pendingResolvable = (record: ImportRecord, links: LinkMap) => {
  // Relative links are read against the article's old URLs (kept as keys: host and path).
  const bases = (record.linkKeys ?? []).filter((k) => !k.startsWith('/')).map((k) => `https://${k}`);
  return (record.pendingLinks ?? []).some((p) => links.resolve(p.url, bases) !== undefined);
};

const targetExists = async (strapi: Core.Strapi, documentId: string) =>
  Boolean(await strapi.db.query(ARTICLE).findOne({ where: { documentId }, select: ['id'] }));

/**
 * Every image of the article not uploaded yet in this run, loaded (so a missing one fails the item
 * before anything is written).
 */
const loadImages = async (article: SourceArticle, media: MediaLibrary) => {
  const sources: ImageSource[] = [
    ...(article.cover ? [article.cover] : []),
    ...article.body.flatMap((s) => (s.kind === 'figure' ? [s.image] : [])),
  ];
  const loaded = new Map<string, LoadedImage>();
  for (const source of sources) {
    if (loaded.has(source.src) || media.uploadedSource(source.src) !== undefined) continue;
    loaded.set(source.src, await loadImage(source));
  }
  return loaded;
};

const upsertRedirect = async (strapi: Core.Strapi, from: string, to: string, warnings: string[]) => {
  if (from === to) return;
  const existing = (await strapi.db.query(REDIRECT).findOne({ where: { from }, select: ['documentId', 'to'] })) as {
    documentId: string;
    to: string;
  } | null;
  if (existing?.to === to) return;
  if (existing) {
    warnings.push(`redirect ${from} pointed at ${existing.to}; now at ${to}`);
    await strapi.documents(REDIRECT).update({ documentId: existing.documentId, data: { to } as never });
    return;
  }
  await strapi.documents(REDIRECT).create({ data: { from, to, permanent: true, origin: 'manual' } as never });
};

export const writeArticle = async (
  ctx: WriterContext,
  article: SourceArticle,
  sourceWarnings: string[],
  options: WriteOptions,
): Promise<WriteOutcome> => {
  const { strapi, links, media } = ctx;
  const warnings = [...sourceWarnings];
  const hash = sourceHash(article, options.publish);
  const record = await findRecord(strapi, article.sourceKey);
  const existingId = record && (await targetExists(strapi, record.targetDocumentId)) ? record.targetDocumentId : null;
  if (record && existingId && record.sourceHash === hash && !pendingResolvable(record, links)) {
    if (record.slug) links.add(record.linkKeys ?? [], { documentId: existingId, slug: record.slug });
    return {
      result: {
        sourceKey: article.sourceKey,
        status: 'unchanged',
        documentId: existingId,
        ...(record.slug ? { path: articlePath(record.slug) } : {}),
        warnings: [],
      },
      // Its targets may come later in this run: the run retries it then.
      pending: record.pendingLinks ?? [],
    };
  }
  const status = existingId ? 'updated' : 'created';

  const images = await loadImages(article, media);
  if (options.dryRun) return { result: { sourceKey: article.sourceKey, status, warnings }, pending: [] };

  const uploadIds = new Map<string, number>();
  for (const [src, image] of images) {
    const alt = (article.cover?.src === src ? article.cover.alt : undefined) ?? article.title;
    uploadIds.set(src, await media.uploadSource(src, image, alt));
  }
  const uploadOf = (source: ImageSource) => {
    const id = uploadIds.get(source.src) ?? media.uploadedSource(source.src);
    if (id === undefined) throw new Error(`image ${source.src} was not uploaded`);
    return id;
  };

  const pending: PendingLink[] = [];
  const body = article.body.map((section: SourceBodySection) => {
    switch (section.kind) {
      case 'rich-text': {
        const { blocks, unresolved } = rewriteBlocks(links, section.body, article.sourceUrls);
        pending.push(...unresolved.map((url) => ({ url, rail: 'body' as const })));
        return { __component: 'content.rich-text', body: blocks };
      }
      case 'callout':
        return { __component: 'content.callout', variant: section.variant, body: section.body };
      case 'pull-quote':
        return {
          __component: 'content.pull-quote',
          quote: section.quote,
          ...(section.attribution ? { attribution: section.attribution } : {}),
        };
      case 'figure':
        return {
          __component: 'content.figure',
          image: uploadOf(section.image),
          alt: clip(section.image.alt || article.title, 200),
          ...(section.caption ? { caption: clip(section.caption, 300) } : {}),
          ...(section.credit ? { credit: clip(section.credit, 120) } : {}),
        };
    }
  });

  type RecommendedItem = { article: string; targetDocumentId: string } | { url: string; label: string };
  const recommended = article.recommended.flatMap((link): RecommendedItem[] => {
    const target = links.resolve(link.url, article.sourceUrls);
    if (target) return [{ article: target.documentId, targetDocumentId: target.documentId }];
    if (linkKey(link.url) !== null) pending.push({ url: link.url, rail: 'recommended' });
    if (!/^https?:\/\/\S+$/i.test(link.url)) {
      // A site path with no imported article behind it cannot be an external item.
      warnings.push(`recommended link ${link.url} is not an imported article nor a web address; left out`);
      return [];
    }
    return [{ url: link.url, label: clip(link.label || new URL(link.url).hostname, 120) }];
  });
  const alsoLikePinned = article.alsoLike.flatMap((link) => {
    const target = links.resolve(link.url, article.sourceUrls);
    if (target) return [{ article: target.documentId, targetDocumentId: target.documentId }];
    if (linkKey(link.url) !== null) pending.push({ url: link.url, rail: 'alsoLike' });
    warnings.push(`"You may also like" link ${link.url} is not an imported article; not pinned`);
    return [];
  });
  const alsoLikeExcluded = article.alsoLikeExcluded.flatMap((link) => {
    const target = links.resolve(link.url, article.sourceUrls);
    if (target) return [{ article: target.documentId, targetDocumentId: target.documentId }];
    if (linkKey(link.url) !== null) pending.push({ url: link.url, rail: 'alsoLikeExcluded' });
    warnings.push(`"You may also like" exclusion ${link.url} is not an imported article; not excluded`);
    return [];
  });
  if (!article.cover) warnings.push('no cover image: add one before publishing');

  const created: string[] = [];
  const written = await inTransaction(strapi, async () => {
    const author = article.author ? await authorId(strapi, article.author, (w) => created.push(w)) : null;
    const reviewer = article.reviewer ? await authorId(strapi, article.reviewer, (w) => created.push(w)) : null;
    const topics = await topicIds(strapi, article.topics, (w) => created.push(w));
    const slug = await freeArticleSlug(strapi, article.slug ?? article.title, existingId ?? undefined);
    if (article.slug && slug !== article.slug) warnings.push(`slug "${article.slug}" is taken; imported as "${slug}"`);
    const publishedAt = isoDateTime(article.publishedAt);
    const data = {
      title: clip(article.title, 160),
      slug,
      excerpt: excerptOf(article),
      cover: article.cover ? uploadOf(article.cover) : null,
      coverAlt: clip(article.cover?.alt || article.title, 200),
      body: withKeyTakeaways(article.keyTakeaways, body),
      author,
      reviewer,
      topics,
      ...(publishedAt ? { firstPublishedAt: publishedAt } : {}),
      ...(publishedAt ? { contentUpdatedAt: isoDateTime(article.updatedAt) ?? publishedAt } : {}),
      references: article.references,
      recommended,
      alsoLikePinned,
      alsoLikeExcluded,
      seo: { metaTitle: clip(article.title, 70), metaDescription: clip(excerptOf(article), 170), noindex: false },
    };
    const doc = existingId
      ? await strapi.documents(ARTICLE).update({ documentId: existingId, data: data as never })
      : await strapi.documents(ARTICLE).create({ data: data as never });
    if (!doc) throw new Error(`article ${existingId ?? ''} disappeared while it was written`);
    for (const url of article.sourceUrls) {
      const from = redirectFrom(url);
      if (from) await upsertRedirect(strapi, from, articlePath(slug), warnings);
      else warnings.push(`old URL ${url} has no path; no redirect`);
    }
    const linkKeys = linkKeysOf(article);
    await saveRecord(strapi, {
      sourceKey: article.sourceKey,
      kind: 'article',
      targetDocumentId: doc.documentId,
      sourceHash: hash,
      slug,
      linkKeys,
      pendingLinks: pending,
    });
    return { documentId: doc.documentId, slug, linkKeys, topics, reviewer };
  });
  warnings.push(...created.map((what) => `created ${what}`));
  links.add(written.linkKeys, { documentId: written.documentId, slug: written.slug });

  if (options.publish && article.sourceDraft) warnings.push('a draft in the source: left as a draft');
  if (options.publish && !article.sourceDraft) {
    const refusal = await publishRefusal(strapi, written.topics, written.reviewer);
    if (refusal) warnings.push(`left as a draft: ${refusal}`);
    else {
      try {
        await strapi.documents(ARTICLE).publish({ documentId: written.documentId });
      } catch (error) {
        warnings.push(`left as a draft: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return {
    result: {
      sourceKey: article.sourceKey,
      status,
      documentId: written.documentId,
      path: articlePath(written.slug),
      warnings,
    },
    pending,
  };
};

/** The publish rules' reviewer requirement, checked first so the usual refusal reads plainly. */
const publishRefusal = async (strapi: Core.Strapi, topics: string[], reviewer: string | null) => {
  const health = await healthTopicNames(strapi, topics);
  if (health.length === 0) return null;
  if (!reviewer)
    return `health topic (${health.join(', ')}) needs a medical reviewer; add one and publish in the admin`;
  if (!(await isMedicalReviewer(strapi, reviewer))) {
    return `health topic (${health.join(', ')}): the reviewer is not marked medical reviewer`;
  }
  return null;
};

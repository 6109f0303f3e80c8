/**
 * The "Updated" date readers see (`contentUpdatedAt`: page, JSON-LD dateModified, sitemap lastmod)
 * moves only on a substantive update. Strapi's own `updatedAt` is the time of the last database
 * write, which a typo fix, a rail reorder or a re-seed moves too; for health content a wrong
 * "Updated" date is a trust defect.
 *
 * On publish, the draft's `updateKind` decides: `substantive` and `minor` are the editor's word;
 * `detect` (the default) compares what readers read (title, standfirst, body, references) with the
 * version being replaced; `correction` is substantive and needs a `changeNote`. The kind and the
 * note are reset for the next publish. A first publish keeps a date the editor or an import set,
 * else takes the first publication time.
 *
 * Each substantive publish is kept in the article's history (`published` the first time, then
 * `updated` or `corrected`, with the change note), and one in a health topic whose content differs
 * from what a reviewer last signed off flags the article for a new medical review. Publishing is
 * never blocked by it: an urgent correction goes out and the review follows.
 */
import { createHash } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { recordHistory } from '../utils/article-history';

const ARTICLE = 'api::article.article';
const HISTORY = 'api::article-history.article-history';
export type UpdateKind = 'detect' | 'substantive' | 'minor' | 'correction';

/** Fields whose change is a substantive update. SEO, rails, review dates and topics are not. */
const CONTENT_FIELDS = ['title', 'excerpt', 'body', 'references'] as const;
/** Row bookkeeping that differs between a draft and its published copy without any edit. */
const BOOKKEEPING = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale']);

type ArticleVersion = Record<string, unknown> & { id: number };

/** The reader-facing content only, without row bookkeeping, in a stable form to compare. */
export const readerContent = (version: Record<string, unknown>): string => {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => !BOOKKEEPING.has(key))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, inner]) => [key, strip(inner)]),
      );
    }
    return value;
  };
  return JSON.stringify(CONTENT_FIELDS.map((field) => strip(version[field] ?? null)));
};

/** A fingerprint of the reader-facing content, kept with a sign-off to tell what was reviewed. */
export const contentHash = (version: Record<string, unknown>) =>
  createHash('sha256').update(readerContent(version)).digest('hex');

/** Whether a publish moves the "Updated" date. */
export const isSubstantive = (kind: UpdateKind, draft: Record<string, unknown>, published: Record<string, unknown>) =>
  kind === 'substantive' ||
  kind === 'correction' ||
  (kind === 'detect' && readerContent(draft) !== readerContent(published));

const DEFAULT_UPDATE_NOTE = 'Updated';
const FIRST_PUBLISHED_NOTE = 'First published';

/** The history record a publish writes, or null (a minor publish, or a re-publish after unpublishing). */
const historyKind = (kind: UpdateKind, firstPublish: boolean, substantive: boolean) => {
  if (firstPublish) return 'published' as const;
  if (!substantive) return null;
  return kind === 'correction' ? ('corrected' as const) : ('updated' as const);
};

/** A health-topic article whose content differs from what a reviewer last signed off. */
const needsReview = (draft: ArticleVersion) => {
  const topics = (draft.topics ?? []) as Array<{ healthTopic: boolean }>;
  // What a reviewer signed off is kept as a hash: publishing that very content needs no new review.
  return topics.some((t) => t.healthTopic) && contentHash(draft) !== draft.reviewedContentHash;
};

export const loadVersion = (strapi: Core.Strapi, documentId: string, status: 'draft' | 'published') => {
  // Every body component one level deep: rich text, takeaway items, figure images, callouts.
  const body = strapi.contentType(ARTICLE).attributes.body as unknown as { components: string[] };
  return strapi.documents(ARTICLE).findOne({
    documentId,
    status,
    populate: {
      body: { on: Object.fromEntries(body.components.map((uid) => [uid, { populate: '*' }])) },
      references: true,
      // Whether a substantive publish needs a new medical review (read with the version, not again).
      topics: { fields: ['healthTopic'] },
    },
  } as never) as Promise<ArticleVersion | null>;
};

export const registerContentUpdatedAt = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE || context.action !== 'publish') return next();
    const documentId = (context.params as { documentId?: string }).documentId;
    if (!documentId) return next();
    const draft = await loadVersion(strapi, documentId, 'draft');
    if (!draft) return next();
    const published = await loadVersion(strapi, documentId, 'published');
    const kind = (draft.updateKind as UpdateKind | null) ?? 'detect';
    const note = typeof draft.changeNote === 'string' && draft.changeNote.trim() ? draft.changeNote.trim() : null;
    if (kind === 'correction' && !note) {
      throw new errors.ValidationError('A correction needs a change note: say in one line what was corrected', {
        errors: [{ path: ['changeNote'], message: 'Required when publishing a correction' }],
      });
    }
    const current = draft.contentUpdatedAt as string | null;
    const firstPublished = draft.firstPublishedAt as string | null;
    const now = new Date().toISOString();
    const substantive = published !== null && isSubstantive(kind, draft, published);
    // Otherwise the draft's date: the last one published, or one the editor corrected by hand.
    const contentUpdatedAt = substantive ? now : (current ?? firstPublished ?? now);
    // A first publish has no history yet; a re-publish after unpublishing has (and no version to compare).
    const firstPublish =
      !published && (await strapi.db.query(HISTORY).count({ where: { articleDocumentId: documentId } })) === 0;
    const history = historyKind(kind, firstPublish, substantive);
    if (history) {
      await recordHistory(strapi, {
        articleDocumentId: documentId,
        kind: history,
        // The first publication is dated by firstPublishedAt (an imported article's real date).
        occurredAt: history === 'published' ? (firstPublished ?? now) : now,
        note: note ?? (history === 'published' ? FIRST_PUBLISHED_NOTE : DEFAULT_UPDATE_NOTE),
      });
    }
    const reviewRequired = substantive && needsReview(draft) ? { reviewRequired: true } : {};
    // On the draft, so the publish copies it (and the kind's and note's reset) into the published version.
    await strapi.db.query(ARTICLE).update({
      where: { id: draft.id },
      data: { contentUpdatedAt, updateKind: 'detect', changeNote: null, ...reviewRequired },
    });
    return next();
  });
};

/**
 * Rules that apply when an article is published:
 * - `firstPublishedAt` is stamped once, so re-publishing a fix does not make an old article "new"
 *   (and an admin save does not clear it: see updateKeepingFirstPublished);
 * - an article in a health topic needs a medical reviewer and a coherent review schedule;
 * - saves never write the review-required flag or the reviewed-content fingerprint.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const ARTICLE = 'api::article.article';

type DraftRow = {
  id: number;
  firstPublishedAt: string | null;
  lastReviewedAt: string | null;
  nextReviewDue: string | null;
  reviewer: { id: number; name: string; medicalReviewer: boolean } | null;
  topics: Array<{ healthTopic: boolean; name: string }>;
};

export const checkPublishable = (draft: DraftRow) => {
  const health = draft.topics.filter((t) => t.healthTopic);
  if (health.length > 0 && !draft.reviewer) {
    throw new errors.ValidationError(
      `A medical reviewer is required before publishing an article in ${health.map((t) => t.name).join(', ')}`,
      { errors: [{ path: ['reviewer'], message: 'A medical reviewer is required for health topics' }] },
    );
  }
  if (health.length > 0 && draft.reviewer && !draft.reviewer.medicalReviewer) {
    throw new errors.ValidationError(`${draft.reviewer.name} is not a medical reviewer`, {
      errors: [{ path: ['reviewer'], message: 'Choose an author marked as a medical reviewer' }],
    });
  }
  if (draft.lastReviewedAt && draft.nextReviewDue && draft.nextReviewDue <= draft.lastReviewedAt) {
    throw new errors.ValidationError('The next review date must be after the last reviewed date', {
      errors: [{ path: ['nextReviewDue'], message: 'Must be after the last reviewed date' }],
    });
  }
};

/** Review dates are checked on every save too, so the editor sees the field error before publishing. */
const checkReviewDates = async (
  strapi: Core.Strapi,
  params: { documentId?: string; data?: Record<string, unknown> },
) => {
  const data = params.data ?? {};
  if (!('lastReviewedAt' in data) && !('nextReviewDue' in data)) return;
  const current = params.documentId
    ? ((await strapi.db.query(ARTICLE).findOne({
        where: { documentId: params.documentId, publishedAt: null },
        select: ['lastReviewedAt', 'nextReviewDue'],
      })) as Pick<DraftRow, 'lastReviewedAt' | 'nextReviewDue'> | null)
    : null;
  const last = ('lastReviewedAt' in data ? data.lastReviewedAt : current?.lastReviewedAt) as string | null | undefined;
  const next = ('nextReviewDue' in data ? data.nextReviewDue : current?.nextReviewDue) as string | null | undefined;
  if (last && next && next <= last) {
    throw new errors.ValidationError('The next review date must be after the last reviewed date', {
      errors: [{ path: ['nextReviewDue'], message: 'Must be after the last reviewed date' }],
    });
  }
};

/**
 * Strapi 5.54 reserves `firstPublishedAt` for an experimental feature of its own and, flag or not,
 * sets it to null in every document-service update that carries it. The admin sends it back on
 * every save, so each edit would make the next publish stamp a new "Published" date. We take it
 * out of the update and write a value the editor set ourselves (a correction); clearing it keeps
 * the stamped date, since it is set once.
 */
const updateKeepingFirstPublished = async <T>(
  strapi: Core.Strapi,
  params: { documentId?: string; data?: Record<string, unknown> },
  next: () => Promise<T>,
): Promise<T> => {
  if (!params.data || !('firstPublishedAt' in params.data)) return next();
  const { firstPublishedAt: wanted, ...data } = params.data;
  params.data = data;
  const result = await next();
  if (wanted && params.documentId) {
    await strapi.db
      .query(ARTICLE)
      .updateMany({ where: { documentId: params.documentId, publishedAt: null }, data: { firstPublishedAt: wanted } });
  }
  return result;
};

/**
 * Written only by the publish (content-updated-at) and the sign-off, never by a save: the admin's
 * form sends back what it loaded, which would undo a sign-off made meanwhile, or let a save clear
 * the review-required flag.
 */
const SERVER_OWNED = ['reviewRequired', 'reviewedContentHash'] as const;

const dropServerOwned = (params: { data?: Record<string, unknown> }) => {
  if (!params.data) return;
  params.data = Object.fromEntries(
    Object.entries(params.data).filter(([key]) => !(SERVER_OWNED as readonly string[]).includes(key)),
  );
};

export const registerPublishRules = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    if (context.uid === ARTICLE && (context.action === 'create' || context.action === 'update')) {
      dropServerOwned(context.params);
      await checkReviewDates(strapi, context.params);
      if (context.action === 'update') {
        return updateKeepingFirstPublished<Awaited<ReturnType<typeof next>>>(strapi, context.params, () => next());
      }
      return next();
    }
    if (context.uid !== ARTICLE || context.action !== 'publish') return next();
    const documentId = (context.params as { documentId?: string }).documentId;
    const draft = (await strapi.db.query(ARTICLE).findOne({
      where: { documentId, publishedAt: null },
      select: ['id', 'firstPublishedAt', 'lastReviewedAt', 'nextReviewDue'],
      populate: {
        reviewer: { select: ['id', 'name', 'medicalReviewer'] },
        topics: { select: ['healthTopic', 'name'] },
      },
    })) as DraftRow | null;
    if (draft) {
      checkPublishable(draft);
      if (!draft.firstPublishedAt) {
        await strapi.db.query(ARTICLE).update({ where: { id: draft.id }, data: { firstPublishedAt: new Date() } });
      }
    }
    return next();
  });
};

/**
 * Medical review sign-off. A reviewer is an admin user linked to an Author marked
 * `medicalReviewer` (the author's private `adminEmail`; a Super Admin without that link is not a
 * reviewer). Not a relation to `admin::user`: tried on 5.54, the content manager's picker lists
 * admin users by first name only to Super Admins (the three demo accounts all read "Demo") and by
 * bare id to Editors, so the link could not be chosen reliably; an email is what admins know. Signing off records who and when on the draft and, if live, on the published
 * version (review fields only), schedules the next review by the topics' interval, clears the
 * review-required flag, keeps a `reviewed` history record and tells the site, in one transaction.
 */
import type { Core } from '@strapi/strapi';

import { contentHash, loadVersion } from '../../../document-middlewares/content-updated-at';
import { notifySite } from '../../../document-middlewares/notify-site';
import { recordHistory } from '../../../utils/article-history';
import { inTransaction } from '../../../utils/db-connection';
import { addMonths, reviewIntervalMonths, utcToday } from '../../../utils/review-schedule';
import { isoDate } from '../../../utils/sql-dates';

const ARTICLE = 'api::article.article';
const AUTHOR = 'api::author.author';

export type ReviewState = {
  lastReviewedAt: string | null;
  nextReviewDue: string | null;
  reviewer: string | null;
  reviewRequired: boolean;
  /** Whether the admin asking may sign off (a linked medical reviewer). */
  canSignOff: boolean;
  intervalMonths: number;
};

/** Why a sign-off was refused, with the HTTP status the route answers. */
export class SignOffRefused extends Error {
  constructor(
    readonly status: 403 | 404,
    message: string,
  ) {
    super(message);
  }
}

type Reviewer = { id: number; documentId: string; name: string };
type DraftRow = {
  id: number;
  lastReviewedAt: unknown;
  nextReviewDue: unknown;
  reviewRequired: boolean | null;
  reviewer: { name: string } | null;
  topics: Array<{ reviewIntervalMonths: number | null }>;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reviewerFor = async (adminEmail: string): Promise<Reviewer | null> =>
    (await strapi.db.query(AUTHOR).findOne({
      where: { adminEmail: { $eqi: adminEmail.trim() }, medicalReviewer: true },
      select: ['id', 'documentId', 'name'],
    })) as Reviewer | null;

  const draftOf = async (documentId: string) =>
    (await strapi.db.query(ARTICLE).findOne({
      where: { documentId, publishedAt: null },
      select: ['id', 'lastReviewedAt', 'nextReviewDue', 'reviewRequired'],
      populate: { reviewer: { select: ['name'] }, topics: { select: ['reviewIntervalMonths'] } },
    })) as DraftRow | null;

  return {
    reviewerFor,

    /** What the edit view's "Medical review" panel shows, or null for an unknown article. */
    async state(documentId: string, adminEmail: string): Promise<ReviewState | null> {
      const draft = await draftOf(documentId);
      if (!draft) return null;
      return {
        lastReviewedAt: isoDate(draft.lastReviewedAt),
        nextReviewDue: isoDate(draft.nextReviewDue),
        reviewer: draft.reviewer?.name ?? null,
        reviewRequired: draft.reviewRequired === true,
        canSignOff: (await reviewerFor(adminEmail)) !== null,
        intervalMonths: reviewIntervalMonths(draft.topics),
      };
    },

    async signOff(documentId: string, adminEmail: string, today = utcToday()): Promise<ReviewState> {
      const reviewer = await reviewerFor(adminEmail);
      if (!reviewer) {
        throw new SignOffRefused(
          403,
          'Only medical reviewers can sign off a review: your admin account is not linked to an author marked as a medical reviewer',
        );
      }
      return inTransaction(strapi, async () => {
        const draft = await draftOf(documentId);
        if (!draft) throw new SignOffRefused(404, 'No such article');
        const intervalMonths = reviewIntervalMonths(draft.topics);
        const review = {
          reviewer: reviewer.id,
          lastReviewedAt: today,
          nextReviewDue: addMonths(today, intervalMonths),
        };
        const version = await loadVersion(strapi, documentId, 'draft');
        await strapi.db.query(ARTICLE).update({
          where: { id: draft.id },
          data: { ...review, reviewRequired: false, reviewedContentHash: version ? contentHash(version) : null },
        });
        // Review fields only: the live content (and its firstPublishedAt) stays as published.
        const published = (await strapi.db.query(ARTICLE).findOne({
          where: { documentId, publishedAt: { $notNull: true } },
          select: ['id', 'slug'],
        })) as { id: number; slug: string } | null;
        if (published) {
          await strapi.db
            .query(ARTICLE)
            .update({ where: { id: published.id }, data: { ...review, reviewRequired: false } });
        }
        await recordHistory(strapi, {
          articleDocumentId: documentId,
          kind: 'reviewed',
          occurredAt: new Date().toISOString(),
          note: `Medically reviewed by ${reviewer.name}`,
          reviewer: reviewer.documentId,
          recordedBy: adminEmail,
        });
        if (published) {
          await notifySite(strapi, {
            model: 'article',
            action: 'review',
            documentId,
            slugs: [published.slug],
            referencedBy: [],
            referencedByOverflow: false,
          });
        }
        return {
          lastReviewedAt: review.lastReviewedAt,
          nextReviewDue: review.nextReviewDue,
          reviewer: reviewer.name,
          reviewRequired: false,
          canSignOff: true,
          intervalMonths,
        };
      });
    },
  };
};

/**
 * Live articles whose medical review is overdue or due within the window, soonest first, with
 * their reviewer: the editors' and reviewers' work list on the admin home page. Articles flagged
 * for a new review after a substantive update come first, whatever their due date. The plan is
 * the draft's `nextReviewDue` (what editors edit); one statement over two partial indexes.
 */
import type { Core } from '@strapi/strapi';

import { addDays, utcToday } from '../../../utils/review-schedule';
import { isoDate } from '../../../utils/sql-dates';

export const DUE_WITHIN_DAYS = 30;
const LIMIT = 50;

export type ReviewDue = {
  documentId: string;
  title: string;
  nextReviewDue: string;
  overdue: boolean;
  reviewer: string | null;
  /** A substantive update was published after the last sign-off. */
  reviewRequired: boolean;
};

type Row = {
  document_id: string;
  title: string;
  next_review_due: unknown;
  review_required: unknown;
  reviewer: string | null;
};

const SQL = `
  SELECT a.document_id, a.title, a.next_review_due, a.review_required,
         (SELECT au.name FROM articles_reviewer_lnk l JOIN authors au ON au.id = l.author_id
           WHERE l.article_id = a.id ORDER BY au.id LIMIT 1) AS reviewer
    FROM articles a
   WHERE a.published_at IS NULL
     AND ((a.next_review_due IS NOT NULL AND a.next_review_due <= :until) OR a.review_required = true)
     AND EXISTS (SELECT 1 FROM articles p WHERE p.document_id = a.document_id AND p.published_at IS NOT NULL)
   ORDER BY CASE WHEN a.review_required = true THEN 0 ELSE 1 END, a.next_review_due, a.id
   LIMIT ${LIMIT}`;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(today = utcToday()): Promise<ReviewDue[]> {
    const result: unknown = await strapi.db.connection.raw(SQL, { until: addDays(today, DUE_WITHIN_DAYS) });
    // PostgreSQL answers { rows }, SQLite (better-sqlite3) the rows themselves.
    const rows = (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
    return rows.map((row) => {
      const nextReviewDue = isoDate(row.next_review_due) ?? '';
      return {
        documentId: row.document_id,
        title: row.title,
        nextReviewDue,
        overdue: nextReviewDue !== '' && nextReviewDue < today,
        reviewer: row.reviewer,
        // PostgreSQL answers a boolean, SQLite 0 or 1.
        reviewRequired: row.review_required === true || row.review_required === 1,
      };
    });
  },
});

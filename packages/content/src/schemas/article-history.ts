/**
 * An article's history as readers see it (`api::article-history.article-history` records with
 * `showToReaders`), embedded in `GET /api/articles/by-slug/:slug` newest first. Who recorded an
 * entry is private to the CMS and never part of the contract.
 */
import { z } from 'zod';
import { isoDateTime } from './shared';

/** What the read model sends of each entry, as a REST selection (the contract test checks it against the CMS model). */
export const articleHistorySelection = {
  fields: ['kind', 'occurredAt', 'note'],
  populate: { reviewer: { fields: ['name', 'slug', 'credentials'] } },
};

export const ARTICLE_HISTORY_KINDS = ['published', 'updated', 'corrected', 'reviewed'] as const;

/** The reviewer of a `reviewed` entry, by name only (the byline shows the avatar). */
export const historyReviewerSchema = z.object({
  name: z.string().min(1),
  slug: z.string().min(1),
  credentials: z.string().nullable().optional(),
});
export type RawHistoryReviewer = z.output<typeof historyReviewerSchema>;

export const historyEntrySchema = z.object({
  kind: z.enum(ARTICLE_HISTORY_KINDS),
  occurredAt: isoDateTime,
  note: z.string().nullable().optional(),
  reviewer: historyReviewerSchema.nullable().optional(),
});
export type RawHistoryEntry = z.output<typeof historyEntrySchema>;

/**
 * Writes one `article-history` record (a publish, update, correction or medical review), in the
 * caller's transaction: the document service joins it.
 */
import type { Core } from '@strapi/strapi';

export const HISTORY = 'api::article-history.article-history';

export type HistoryKind = 'published' | 'updated' | 'corrected' | 'reviewed';

export type HistoryEntry = {
  articleDocumentId: string;
  kind: HistoryKind;
  occurredAt: string;
  note: string | null;
  /** The reviewing author's documentId (a `reviewed` record). */
  reviewer?: string | null;
  recordedBy?: string | null;
};

export const recordHistory = (strapi: Core.Strapi, entry: HistoryEntry) =>
  strapi.documents(HISTORY).create({
    data: {
      articleDocumentId: entry.articleDocumentId,
      kind: entry.kind,
      occurredAt: entry.occurredAt,
      note: entry.note,
      reviewer: entry.reviewer ?? null,
      recordedBy: entry.recordedBy ?? null,
      showToReaders: true,
    },
  } as never);

/**
 * The optional `history:` list of an article file: the dated updates, corrections and reviews the
 * demo seed records as `api::article-history` entries. Checked here so a slip in the demo content
 * fails with the file and entry named, not as a database error mid-seed.
 */
import type { HistoryKind as RecordedKind } from '../utils/article-history';

/** `published` is not among them: the first publish records it (content-updated-at middleware). */
export const HISTORY_KINDS = ['updated', 'corrected', 'reviewed'] as const satisfies readonly RecordedKind[];
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export type HistorySpec = {
  kind: HistoryKind;
  /** YYYY-MM-DD */
  date: string;
  note?: string;
  /** Author slug; required for (and only for) `reviewed`. */
  reviewer?: string;
  /** False: kept for editors, not shown to readers (e.g. a typo fix). */
  show: boolean;
};

/** The schema's `note` length. */
const NOTE_MAX = 200;
const KEYS = new Set(['kind', 'date', 'note', 'reviewer', 'show']);

const isKind = (value: unknown): value is HistoryKind => HISTORY_KINDS.some((kind) => kind === value);

/** YAML reads an unquoted date as a Date, a quoted one as a string. */
const dayOf = (value: unknown): string | null => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) {
    return value;
  }
  return null;
};

/**
 * `raw` is the front matter's `history` value; `publishedAt` the article's. Throws a message naming
 * the entry (1-based) for anything the seed could not record faithfully.
 */
export const parseHistory = (raw: unknown, publishedAt: string): HistorySpec[] => {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new Error('history must be a list of entries');
  const entries = raw.map((item: unknown, index): HistorySpec => {
    const where = `history entry ${index + 1}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new Error(`${where} must be a map with kind and date`);
    }
    const entry = item as Record<string, unknown>;
    const unknown = Object.keys(entry).filter((key) => !KEYS.has(key));
    if (unknown.length) throw new Error(`${where} has unknown keys: ${unknown.join(', ')}`);
    if (entry.kind === 'published') {
      throw new Error(`${where}: the first publication is recorded by the publish itself; list later events only`);
    }
    if (!isKind(entry.kind)) {
      throw new Error(`${where}: kind must be one of ${HISTORY_KINDS.join(', ')}, got ${JSON.stringify(entry.kind)}`);
    }
    const date = dayOf(entry.date);
    if (!date) throw new Error(`${where}: date must be YYYY-MM-DD, got ${JSON.stringify(entry.date)}`);
    if (date < publishedAt) throw new Error(`${where}: ${date} is before publishedAt ${publishedAt}`);
    if (entry.note !== undefined && (typeof entry.note !== 'string' || entry.note.trim() === '')) {
      throw new Error(`${where}: note must be non-empty text`);
    }
    if (typeof entry.note === 'string' && entry.note.length > NOTE_MAX) {
      throw new Error(`${where}: note is longer than ${NOTE_MAX} characters`);
    }
    if ((entry.kind === 'reviewed') !== (entry.reviewer !== undefined)) {
      throw new Error(`${where}: a reviewer is given for reviewed entries, and only for them`);
    }
    if (entry.reviewer !== undefined && (typeof entry.reviewer !== 'string' || !entry.reviewer)) {
      throw new Error(`${where}: reviewer must be an author slug`);
    }
    if (entry.show !== undefined && typeof entry.show !== 'boolean') {
      throw new Error(`${where}: show must be true or false`);
    }
    return {
      kind: entry.kind,
      date,
      ...(typeof entry.note === 'string' ? { note: entry.note.trim() } : {}),
      ...(typeof entry.reviewer === 'string' ? { reviewer: entry.reviewer } : {}),
      show: entry.show !== false,
    };
  });
  entries.forEach((entry, index) => {
    const previous = entries[index - 1];
    if (previous && entry.date < previous.date) {
      throw new Error(
        `history entry ${index + 1}: entries are listed oldest first (${entry.date} after ${previous.date})`,
      );
    }
  });
  return entries;
};

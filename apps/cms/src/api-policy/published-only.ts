/**
 * Strapi 5 reads drafts whenever `status` is anything but exactly "published" (including in every
 * populated relation), and `publicationFilter` / `hasPublishedVersion` pick draft cohorts. Without
 * the site's token none of that is allowed: a 403 that says so, before any query runs.
 */
import { errors } from '@strapi/utils';

/** Parameters that select drafts or draft cohorts; `publicationState` is Strapi 4's spelling. */
export const DRAFT_SELECTING_PARAMS = new Set([
  'status',
  'publicationFilter',
  'hasPublishedVersion',
  'publicationState',
]);

const forbidden = (param: string, message: string) =>
  new errors.ForbiddenError(`${message} Drafts are only available to the reader site's API token.`, { param });

/** The path of the first draft-selecting key below `value`, if any. */
const findDraftParam = (value: unknown, path: string): string | null => {
  if (value === null || typeof value !== 'object') return null;
  for (const [key, sub] of Object.entries(value)) {
    const at = `${path}[${key}]`;
    if (DRAFT_SELECTING_PARAMS.has(key)) return at;
    const found = findDraftParam(sub, at);
    if (found) return found;
  }
  return null;
};

export const assertPublishedOnly = (query: Record<string, unknown>) => {
  for (const [key, value] of Object.entries(query)) {
    if (key === 'status') {
      if (value !== 'published') throw forbidden('status', 'status must be absent or exactly "published".');
      continue;
    }
    if (DRAFT_SELECTING_PARAMS.has(key)) throw forbidden(key, `"${key}" is not available.`);
    const nested = findDraftParam(value, key);
    if (nested) throw forbidden(nested, `"${nested}" is not available.`);
  }
};

/**
 * The shape of content-API queries: how deep anybody may populate, and what the public (no site
 * token) may ask for at all. Each rule throws a ValidationError (400) that names the offending
 * parameter and what is allowed; all of them are in-memory checks of the parsed query string.
 */
import { errors } from '@strapi/utils';

import { populateDepth, readPopulate, type PopulateBranch } from './populate-tree';
import { allowedPaths, PUBLIC_POPULATE, type AllowedPopulate } from './public-populate';

/** Attribute levels one request may populate, for everybody; the site's deepest is 3 (featured.article.cover). */
export const MAX_POPULATE_DEPTH = 4;
/** Keys along one filter path (`$or.0.author.slug.$eq` is 5, the site's deepest). */
export const MAX_FILTER_DEPTH = 6;
/** Values in one request's filters. */
export const MAX_FILTER_VALUES = 100;
/** Characters of one filter operand (`$containsi` on a long string scans every row slowly). */
export const MAX_FILTER_STRING = 200;
/** Characters of Strapi's `_q` full-text parameter. */
export const MAX_FULL_TEXT_QUERY = 100;

/** Top-level parameters the public may send: Strapi's reads plus our routes' own (q, page, pageSize, limit). */
export const PUBLIC_QUERY_KEYS = new Set([
  'filters',
  'fields',
  'populate',
  'sort',
  'pagination',
  'status',
  '_q',
  'q',
  'page',
  'pageSize',
  'limit',
]);
/** Options the public may give a populated attribute; the rest (filters, sort, count, paging) stay server-side. */
export const PUBLIC_POPULATE_OPTIONS = new Set(['fields', 'populate', 'on']);

// Own keys only: `populate[constructor]` must not find Object.prototype.constructor.
const own = (allowed: AllowedPopulate, key: string): AllowedPopulate | undefined =>
  Object.prototype.hasOwnProperty.call(allowed, key) ? allowed[key] : undefined;

const refuse = (param: string, message: string) => new errors.ValidationError(message, { param });

/** Reads `populate` and refuses anything deeper than MAX_POPULATE_DEPTH, whoever asks. */
export const checkPopulateDepth = (populate: unknown): PopulateBranch => {
  const tree = readPopulate(populate);
  const { depth, path } = populateDepth(tree);
  if (depth > MAX_POPULATE_DEPTH) {
    throw refuse('populate', `populate "${path}" is ${depth} levels deep; at most ${MAX_POPULATE_DEPTH} are allowed`);
  }
  return tree;
};

/** Walks the requested populate alongside the allow-list of `uid` (none for routes without one). */
export const checkPublicPopulate = (tree: PopulateBranch, uid: string | undefined) => {
  const root = uid ? PUBLIC_POPULATE[uid] : undefined;
  const allowedText = () => {
    const paths = root ? allowedPaths(root) : [];
    return paths.length ? `allowed: ${paths.join(', ')}` : 'nothing can be populated here';
  };
  const walk = (at: PopulateBranch, allowed: AllowedPopulate) => {
    if (at.wildcard) {
      throw refuse(
        'populate',
        `populate "*"${at.path ? ` under "${at.path}"` : ''} is not available without the site token: name what you need (${allowedText()})`,
      );
    }
    for (const option of at.options) {
      if (!PUBLIC_POPULATE_OPTIONS.has(option)) {
        throw refuse(
          'populate',
          `populate option "${option}" on "${at.path}" is not available without the site token; use ${[...PUBLIC_POPULATE_OPTIONS].join(', ')}`,
        );
      }
    }
    for (const [key, next] of at.children) {
      const below = own(allowed, key);
      if (!below || key.includes('.')) {
        throw refuse('populate', `populate "${next.path}" is not available without the site token (${allowedText()})`);
      }
      walk(next, below);
    }
    for (const [component, next] of at.fragments) {
      const below = own(allowed, component);
      if (!below || !component.includes('.')) {
        throw refuse('populate', `populate "${next.path}" is not available without the site token (${allowedText()})`);
      }
      walk(next, below);
    }
  };
  walk(tree, root ?? {});
};

/** Filter operands stay short, paths shallow and values few. */
export const checkPublicFilters = (filters: unknown) => {
  let values = 0;
  const walk = (value: unknown, path: string[]) => {
    if (path.length > MAX_FILTER_DEPTH) {
      throw refuse(
        'filters',
        `filters "${path.join('.')}" nest ${path.length} levels; at most ${MAX_FILTER_DEPTH} are allowed`,
      );
    }
    if (value !== null && typeof value === 'object') {
      for (const [key, sub] of Object.entries(value)) walk(sub, [...path, key]);
      return;
    }
    values += 1;
    if (values > MAX_FILTER_VALUES) throw refuse('filters', `filters may hold at most ${MAX_FILTER_VALUES} values`);
    if (typeof value === 'string' && value.length > MAX_FILTER_STRING) {
      throw refuse(
        'filters',
        `filters "${path.join('.')}" is ${value.length} characters; at most ${MAX_FILTER_STRING} are allowed`,
      );
    }
  };
  walk(filters, []);
};

/** The public's top level: known keys only, a short `_q`, whole-number paging within `maxLimit`. */
export const checkPublicTopLevel = (query: Record<string, unknown>, maxLimit: number) => {
  for (const key of Object.keys(query)) {
    if (!PUBLIC_QUERY_KEYS.has(key)) {
      throw refuse(key, `unknown query parameter "${key}"; allowed: ${[...PUBLIC_QUERY_KEYS].join(', ')}`);
    }
  }
  const q = query._q;
  if (q !== undefined && (typeof q !== 'string' || q.length > MAX_FULL_TEXT_QUERY)) {
    throw refuse('_q', `_q must be one string of at most ${MAX_FULL_TEXT_QUERY} characters`);
  }
  for (const [key, max] of [
    ['page', undefined],
    ['pageSize', maxLimit],
    ['limit', maxLimit],
  ] as const) {
    const value = query[key];
    if (value === undefined) continue;
    if (
      typeof value !== 'string' ||
      !/^\d{1,9}$/.test(value) ||
      Number(value) < 1 ||
      (max !== undefined && Number(value) > max)
    ) {
      throw refuse(key, `${key} must be a whole number from 1${max !== undefined ? ` up to ${max}` : ''}`);
    }
  }
};

/**
 * The grammar of `filters` and `sort`, checked against the content type before Strapi reads them.
 * Strapi answers a malformed shape with a 500 (`filters[$eq]=1`, `filters[]=x`,
 * `filters[title][$eq][$in]=x`, `sort=../../etc/passwd`: the security fuzz found a dozen), so
 * every caller, the site token included, gets a 400 that names the offending path instead.
 *
 *   condition  := { attribute: value | $and/$or: [condition] | $not: condition }
 *   value      := scalar | operators | condition of the relation's (component's, media's) model
 *   operators  := { $eq..: scalar | $in/$notIn/$between: scalar | [scalar] | $not: operators | $and/$or: [operators] }
 *   sort       := "path[:asc|:desc][,...]" | [sort] | { attribute: "asc" | "desc" | sort of the relation }
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { modelOf, targetOf, type Model } from './schema-model';

const SCALAR_OPERATORS = new Set([
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$null',
  '$notNull',
]);
const LIST_OPERATORS = new Set(['$in', '$notIn', '$between']);
const LOGICAL = new Set(['$and', '$or']);
/** Every model has these besides its attributes. */
const BUILT_IN_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale']);

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};
const isScalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
/** qs turns `[0]..[20]` into arrays and larger indexes into objects with numeric keys: both are lists. */
const listOf = (value: unknown): unknown[] | null =>
  Array.isArray(value)
    ? value
    : isPlain(value) && Object.keys(value).every((k) => /^\d+$/.test(k))
      ? Object.values(value)
      : null;

const refuse = (path: string[], message: string, param = 'filters') =>
  new errors.ValidationError(`${param}${path.map((p) => `[${p}]`).join('')}: ${message}`, { param });

const DIRECTION = /^(asc|desc)$/i;

export const queryShapeCheck = (strapi: Core.Strapi) => {
  const models = new Map<string, Model | undefined>();
  const model = (uid: string) => {
    if (!models.has(uid)) models.set(uid, modelOf(strapi, uid));
    return models.get(uid);
  };

  const operators = (value: Plain, path: string[]) => {
    for (const [op, operand] of Object.entries(value)) {
      const at = [...path, op];
      if (SCALAR_OPERATORS.has(op)) {
        if (!isScalar(operand)) throw refuse(at, `${op} takes one value`);
      } else if (LIST_OPERATORS.has(op)) {
        const list = listOf(operand);
        if (!isScalar(operand) && !(list && list.every(isScalar)))
          throw refuse(at, `${op} takes a value or a list of values`);
      } else if (op === '$not') {
        if (!isPlain(operand)) throw refuse(at, '$not takes operators');
        operators(operand, at);
      } else if (LOGICAL.has(op)) {
        const list = listOf(operand);
        if (!list) throw refuse(at, `${op} takes a list`);
        list.forEach((item, i) => {
          if (!isPlain(item)) throw refuse([...at, String(i)], 'expected operators');
          operators(item, [...at, String(i)]);
        });
      } else {
        throw refuse(at, `unknown operator "${op}"`);
      }
    }
  };

  const condition = (value: unknown, uid: string, path: string[], nested: boolean) => {
    if (!isPlain(value)) throw refuse(path, 'expected an object of fields and operators');
    const schema = model(uid);
    for (const [key, sub] of Object.entries(value)) {
      const at = [...path, key];
      if (LOGICAL.has(key)) {
        const list = listOf(sub);
        if (!list) throw refuse(at, `${key} takes a list of conditions`);
        list.forEach((item, i) => condition(item, uid, [...at, String(i)], nested));
      } else if (key === '$not') {
        condition(sub, uid, at, nested);
      } else if (nested && (key === '$null' || key === '$notNull')) {
        if (!isScalar(sub)) throw refuse(at, `${key} takes one value`);
      } else if (key.startsWith('$')) {
        throw refuse(at, `operator "${key}" needs a field before it`);
      } else {
        const attribute = schema?.attributes[key];
        const target = attribute ? targetOf(attribute) : undefined;
        if (target) {
          condition(sub, target, at, true);
        } else if (attribute?.type === 'dynamiczone') {
          throw refuse(at, 'a dynamic zone cannot be filtered');
        } else if (attribute || BUILT_IN_FIELDS.has(key)) {
          if (isPlain(sub) && Object.keys(sub).every((k) => k.startsWith('$'))) operators(sub, at);
          else if (!isScalar(sub)) throw refuse(at, 'expected a value or operators');
        } else {
          throw refuse(at, `unknown field "${key}"`);
        }
      }
    }
  };

  /** A dotted path of attributes from `uid`, ending on a field that has an order. */
  const sortPath = (segments: string[], uid: string, at: string[]) => {
    const [key, ...rest] = segments;
    const attribute = key === undefined ? undefined : model(uid)?.attributes[key];
    const target = attribute ? targetOf(attribute) : undefined;
    if (key === undefined || (!attribute && !BUILT_IN_FIELDS.has(key)))
      throw refuse(at, `unknown field "${key ?? ''}"`, 'sort');
    if (rest.length === 0) {
      if (target || attribute?.type === 'dynamiczone')
        throw refuse(at, `"${key}" has no order; name one of its fields`, 'sort');
      return;
    }
    if (!target) throw refuse(at, `"${key}" has no fields to sort by`, 'sort');
    sortPath(rest, target, at);
  };

  const sort = (value: unknown, uid: string, at: string[]) => {
    if (typeof value === 'string') {
      for (const item of value.split(',')) {
        const [path = '', direction, ...extra] = item.trim().split(':');
        if (extra.length > 0 || (direction !== undefined && !DIRECTION.test(direction))) {
          throw refuse(at, `"${item}" must be field or field:asc / field:desc`, 'sort');
        }
        sortPath(path.split('.'), uid, at);
      }
      return;
    }
    const list = listOf(value);
    if (list) {
      list.forEach((item, i) => sort(item, uid, [...at, String(i)]));
      return;
    }
    if (!isPlain(value)) throw refuse(at, 'expected field:asc, a list, or an object of fields', 'sort');
    for (const [key, order] of Object.entries(value)) {
      const attribute = model(uid)?.attributes[key];
      const target = attribute ? targetOf(attribute) : undefined;
      if (typeof order === 'string' && DIRECTION.test(order)) sortPath([key], uid, [...at, key]);
      else if (target && isPlain(order)) sort(order, target, [...at, key]);
      else throw refuse([...at, key], 'expected "asc", "desc" or the related fields', 'sort');
    }
  };

  return {
    /** Throws a 400 ValidationError when `filters` is not a well-formed condition on `uid`. */
    filters: (filters: unknown, uid: string) => condition(filters, uid, [], false),
    /** Throws a 400 ValidationError when `sort` does not name orderable fields of `uid`. */
    sort: (value: unknown, uid: string) => sort(value, uid, []),
  };
};

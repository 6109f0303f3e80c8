/**
 * Compares the CMS's content model (apps/cms/src/api/<api>/content-types/<type>/schema.json and
 * src/components/<category>/<name>.json) with the zod schemas of this package, along the site's own
 * queries: for every field and relation a query asks for, and every key a zod schema expects.
 * Returns one line per drift, naming the field; an empty list means the two agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

import type { StrapiQuery } from '../src/client';

export type StrapiAttribute = {
  type: string;
  required?: boolean;
  default?: unknown;
  private?: boolean;
  relation?: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
  components?: string[];
  multiple?: boolean;
  enum?: string[];
};
export type StrapiModel = { attributes: Record<string, StrapiAttribute> };
/** Content types by uid (`api::article.article`) and components by uid (`content.figure`). */
export type StrapiModels = Record<string, StrapiModel>;

export const CMS_DIR = new URL('../../../apps/cms/src/', import.meta.url).pathname;

const readJson = (file: string): StrapiModel => JSON.parse(readFileSync(file, 'utf8')) as StrapiModel;
const dirs = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

/** Every content type and component schema of the CMS. */
export const readStrapiModels = (cmsSrc = CMS_DIR): StrapiModels => {
  const models: StrapiModels = {};
  for (const api of dirs(path.join(cmsSrc, 'api'))) {
    const typesDir = path.join(cmsSrc, 'api', api, 'content-types');
    for (const type of dirs(typesDir))
      models[`api::${api}.${type}`] = readJson(path.join(typesDir, type, 'schema.json'));
  }
  for (const category of dirs(path.join(cmsSrc, 'components'))) {
    for (const file of readdirSync(path.join(cmsSrc, 'components', category)).filter((f) => f.endsWith('.json'))) {
      models[`${category}.${file.replace(/\.json$/, '')}`] = readJson(path.join(cmsSrc, 'components', category, file));
    }
  }
  return models;
};

/** Fields Strapi adds to every document or component: not in schema.json. */
const SYSTEM_FIELDS: Record<string, StrapiAttribute> = {
  id: { type: 'integer', required: true },
  documentId: { type: 'string', required: true },
  createdAt: { type: 'datetime', required: true },
  updatedAt: { type: 'datetime', required: true },
  publishedAt: { type: 'datetime' },
  __component: { type: 'string', required: true },
};
/** Keys a response carries whatever the query asks: they need not be requested. */
const ALWAYS_SENT = new Set(['id', 'documentId', '__component']);
const SCALAR_TYPES = new Set([
  'string',
  'text',
  'richtext',
  'email',
  'uid',
  'password',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'time',
  'timestamp',
  'enumeration',
  'json',
  'blocks',
]);
const TO_ONE = new Set(['oneToOne', 'manyToOne', 'morphToOne']);

type Selection = { fields?: readonly string[]; populate?: Record<string, unknown>; on?: Record<string, unknown> };
const asSelection = (value: unknown): Selection => (value && typeof value === 'object' ? value : {});

/** A zod schema without its optional/nullable wrappers, and whether null (or absence) is allowed. */
const unwrap = (schema: z.ZodType): { inner: z.ZodType; nullable: boolean } => {
  let inner: z.ZodType = schema;
  let nullable = false;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
      nullable = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      inner = inner.unwrap() as z.ZodType;
    } else {
      return { inner, nullable };
    }
  }
};

/** What a zod schema expects, in the CMS's words. */
const zodKind = (schema: z.ZodType): string => {
  if (schema instanceof z.ZodString) return 'string';
  if (schema instanceof z.ZodStringFormat)
    return schema.format === 'datetime' ? 'datetime' : schema.format === 'date' ? 'date' : 'string';
  if (schema instanceof z.ZodNumber) return 'number';
  if (schema instanceof z.ZodBoolean) return 'boolean';
  if (schema instanceof z.ZodEnum) return 'enumeration';
  if (schema instanceof z.ZodLiteral)
    return [...schema.values].every((v) => typeof v === 'string') ? 'string' : 'number';
  if (schema instanceof z.ZodObject) return 'object';
  if (schema instanceof z.ZodArray) {
    const element = unwrap(schema.element as z.ZodType).inner;
    if (element instanceof z.ZodDiscriminatedUnion)
      return element._zod.def.discriminator === '__component' ? 'dynamiczone' : 'blocks';
    if (element instanceof z.ZodUnion) return 'blocks';
    return element instanceof z.ZodObject ? 'object[]' : `${zodKind(element)}[]`;
  }
  return schema.constructor.name;
};

/** What a Strapi attribute sends, in the same words. */
const strapiKind = (attribute: StrapiAttribute): string => {
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'email':
    case 'uid':
    case 'time':
      return 'string';
    case 'integer':
    case 'float':
    case 'decimal':
      return 'number';
    case 'timestamp':
      return 'datetime';
    case 'media':
      return attribute.multiple ? 'object[]' : 'object';
    case 'relation':
      return TO_ONE.has(attribute.relation ?? '') ? 'object' : 'object[]';
    case 'component':
      return attribute.repeatable ? 'object[]' : 'object';
    default:
      return attribute.type;
  }
};

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Drift between the model `uid` as `selection` reads it and the zod object `schema` that validates
 * what comes back. `at` names the place in messages (`article.author.avatar`).
 */
export const contractDrift = (
  models: StrapiModels,
  uid: string,
  schema: z.ZodObject,
  selection: StrapiQuery,
  at: string,
): string[] => {
  const model = models[uid];
  if (!model) return [`${at}: the CMS has no model ${uid}`];
  const problems: string[] = [];
  const attributeOf = (key: string): StrapiAttribute | undefined => model.attributes[key] ?? SYSTEM_FIELDS[key];
  const { fields, populate = {} } = asSelection(selection);
  // Without `fields` Strapi sends every scalar attribute.
  const requested =
    fields ??
    Object.entries(model.attributes)
      .filter(([, a]) => SCALAR_TYPES.has(a.type) && !a.private)
      .map(([k]) => k);
  const asked = new Set([...requested, ...Object.keys(populate)]);
  const shape = schema.shape as Record<string, z.ZodType>;

  for (const key of asked) {
    const attribute = attributeOf(key);
    if (!attribute) problems.push(`${at}.${key}: the site's query asks for it, the CMS (${uid}) has no such attribute`);
    else if (attribute.private)
      problems.push(`${at}.${key}: the site's query asks for it, the CMS (${uid}) keeps it private`);
    if (!(key in shape)) problems.push(`${at}.${key}: the site's query reads it from the CMS, the zod schema lacks it`);
  }

  for (const [key, zodField] of Object.entries(shape)) {
    const attribute = attributeOf(key);
    if (!attribute) {
      problems.push(`${at}.${key}: in the zod schema, the CMS (${uid}) has no such attribute`);
      continue;
    }
    if (!asked.has(key) && !ALWAYS_SENT.has(key))
      problems.push(`${at}.${key}: in the zod schema, the site's query does not ask for it`);
    const { inner, nullable } = unwrap(zodField);
    const expected = strapiKind(attribute);
    const actual = zodKind(inner);
    if (expected !== actual) {
      problems.push(`${at}.${key}: the CMS sends ${attribute.type} (${expected}), the zod schema expects ${actual}`);
      continue;
    }
    // A value the CMS may leave empty must be allowed to be null.
    const alwaysSet = attribute.required === true || attribute.default !== undefined || expected.endsWith('[]');
    if (!alwaysSet && !nullable)
      problems.push(`${at}.${key}: optional in the CMS, required (not nullable) in the zod schema`);

    if (attribute.type === 'enumeration' && inner instanceof z.ZodEnum) {
      const values = inner.options.map(String);
      if (!sameSet(values, attribute.enum ?? [])) {
        problems.push(
          `${at}.${key}: the CMS allows [${(attribute.enum ?? []).join(', ')}], the zod schema [${values.join(', ')}]`,
        );
      }
    }
    const below = asSelection(populate[key]);
    const element = (s: z.ZodType) => unwrap(s instanceof z.ZodArray ? (s.element as z.ZodType) : s).inner;
    if (attribute.type === 'media') {
      problems.push(
        ...contractDrift(models, 'plugin::upload.file', element(inner) as z.ZodObject, below, `${at}.${key}`),
      );
    } else if (attribute.type === 'relation' || attribute.type === 'component') {
      const target = attribute.type === 'relation' ? attribute.target : attribute.component;
      problems.push(...contractDrift(models, target ?? '?', element(inner) as z.ZodObject, below, `${at}.${key}`));
    } else if (attribute.type === 'dynamiczone') {
      const union = element(inner);
      const options = union instanceof z.ZodDiscriminatedUnion ? (union.options as z.ZodObject[]) : [];
      const byUid = new Map(options.map((o) => [String((o.shape.__component as z.ZodLiteral).value), o]));
      const fragments = (below.on ?? {}) as Record<string, StrapiQuery>;
      for (const component of attribute.components ?? []) {
        if (!byUid.has(component)) problems.push(`${at}.${key}: the CMS allows ${component}, the zod schema lacks it`);
        if (!(component in fragments))
          problems.push(`${at}.${key}: the CMS allows ${component}, the site's query does not populate it`);
      }
      for (const [component, option] of byUid) {
        if (!(attribute.components ?? []).includes(component))
          problems.push(`${at}.${key}: the zod schema expects ${component}, the CMS does not allow it`);
        else
          problems.push(
            ...contractDrift(models, component, option, fragments[component] ?? {}, `${at}.${key}[${component}]`),
          );
      }
    }
  }
  return problems;
};

/** Strapi's upload plugin's file, as far as the site reads it (the plugin's schema is not in this repository). */
export const UPLOAD_FILE_MODEL: StrapiModel = {
  attributes: {
    name: { type: 'string', required: true },
    alternativeText: { type: 'string' },
    caption: { type: 'string' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    url: { type: 'string', required: true },
    mime: { type: 'string', required: true },
  },
};

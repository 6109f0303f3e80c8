/**
 * The importer's memory between runs: one `api::import-record.import-record` per imported article
 * (keyed by its sourceKey) and per uploaded image (keyed by `sha256:<hex>` of its bytes). A record
 * says where the item went and the hash of what was imported, so a second run updates only what
 * changed and never duplicates. The type has no routes: nothing outside the CMS reads it.
 */
import type { Core } from '@strapi/strapi';

export const IMPORT_RECORD = 'api::import-record.import-record';

/** A link of an imported article whose target was not imported (yet): retried at each run's end. */
export type PendingLink = { url: string; rail: 'body' | 'recommended' | 'alsoLike' | 'alsoLikeExcluded' };

export type ImportRecord = {
  documentId: string;
  sourceKey: string;
  kind: 'article' | 'media';
  targetDocumentId: string;
  sourceHash: string;
  slug: string | null;
  /** Normalised URLs that lead to this article (old URLs, `/articles/<wanted slug>`). */
  linkKeys: string[] | null;
  pendingLinks: PendingLink[] | null;
};

const FIELDS = [
  'documentId',
  'sourceKey',
  'kind',
  'targetDocumentId',
  'sourceHash',
  'slug',
  'linkKeys',
  'pendingLinks',
];

export const findRecord = async (strapi: Core.Strapi, sourceKey: string) =>
  (await strapi.db.query(IMPORT_RECORD).findOne({ where: { sourceKey }, select: FIELDS })) as ImportRecord | null;

export const articleRecords = async (strapi: Core.Strapi) =>
  (await strapi.db.query(IMPORT_RECORD).findMany({ where: { kind: 'article' }, select: FIELDS })) as ImportRecord[];

export type RecordData = Omit<ImportRecord, 'documentId'>;

/** Creates or replaces the record of `data.sourceKey` (inside the caller's transaction, if any). */
export const saveRecord = async (strapi: Core.Strapi, data: RecordData) => {
  const existing = await findRecord(strapi, data.sourceKey);
  const values = { ...data, importedAt: new Date().toISOString() };
  if (existing) {
    await strapi.documents(IMPORT_RECORD).update({ documentId: existing.documentId, data: values as never });
  } else {
    await strapi.documents(IMPORT_RECORD).create({ data: values as never });
  }
};

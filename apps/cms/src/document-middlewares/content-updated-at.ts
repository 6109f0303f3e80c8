/**
 * The "Updated" date readers see (`contentUpdatedAt`: page, JSON-LD dateModified, sitemap lastmod)
 * moves only on a substantive update. Strapi's own `updatedAt` is the time of the last database
 * write, which a typo fix, a rail reorder or a re-seed moves too; for health content a wrong
 * "Updated" date is a trust defect.
 *
 * On publish, the draft's `updateKind` decides: `substantive` and `minor` are the editor's word;
 * `detect` (the default) compares what readers read (title, standfirst, body, references) with the
 * version being replaced. The kind is reset to `detect` for the next publish. A first publish keeps
 * a date the editor or an import set, else takes the first publication time.
 */
import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';
export type UpdateKind = 'detect' | 'substantive' | 'minor';

/** Fields whose change is a substantive update. SEO, rails, review dates and topics are not. */
const CONTENT_FIELDS = ['title', 'excerpt', 'body', 'references'] as const;
/** Row bookkeeping that differs between a draft and its published copy without any edit. */
const BOOKKEEPING = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale']);

type ArticleVersion = Record<string, unknown> & { id: number };

/** The reader-facing content only, without row bookkeeping, in a stable form to compare. */
export const readerContent = (version: Record<string, unknown>): string => {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => !BOOKKEEPING.has(key))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, inner]) => [key, strip(inner)]),
      );
    }
    return value;
  };
  return JSON.stringify(CONTENT_FIELDS.map((field) => strip(version[field] ?? null)));
};

/** Whether a publish moves the "Updated" date. */
export const isSubstantive = (kind: UpdateKind, draft: Record<string, unknown>, published: Record<string, unknown>) =>
  kind === 'substantive' || (kind === 'detect' && readerContent(draft) !== readerContent(published));

const loadVersion = (strapi: Core.Strapi, documentId: string, status: 'draft' | 'published') => {
  // Every body component one level deep: rich text, takeaway items, figure images, callouts.
  const body = strapi.contentType(ARTICLE).attributes.body as unknown as { components: string[] };
  return strapi.documents(ARTICLE).findOne({
    documentId,
    status,
    populate: {
      body: { on: Object.fromEntries(body.components.map((uid) => [uid, { populate: '*' }])) },
      references: true,
    },
  } as never) as Promise<ArticleVersion | null>;
};

export const registerContentUpdatedAt = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE || context.action !== 'publish') return next();
    const documentId = (context.params as { documentId?: string }).documentId;
    if (!documentId) return next();
    const draft = await loadVersion(strapi, documentId, 'draft');
    if (!draft) return next();
    const published = await loadVersion(strapi, documentId, 'published');
    const kind = (draft.updateKind as UpdateKind | null) ?? 'detect';
    const current = draft.contentUpdatedAt as string | null;
    const firstPublished = draft.firstPublishedAt as string | null;
    // Otherwise the draft's date: the last one published, or one the editor corrected by hand.
    const contentUpdatedAt =
      published && isSubstantive(kind, draft, published)
        ? new Date().toISOString()
        : (current ?? firstPublished ?? new Date().toISOString());
    // On the draft, so the publish copies it (and the kind's reset) into the published version.
    await strapi.db
      .query(ARTICLE)
      .update({ where: { id: draft.id }, data: { contentUpdatedAt, updateKind: 'detect' } });
    return next();
  });
};

/** URL slugs for imported articles, authors and topics. */
import type { Core } from '@strapi/strapi';

const MAX = 120;

/** Lower-case ASCII words joined by hyphens ("Crème brûlée, 2024" -> "creme-brulee-2024"). */
export const slugify = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX)
    .replace(/-+$/, '') || 'article';

/**
 * The wanted slug, or the first of `<slug>-2`, `<slug>-3`... that no other article has
 * (`documentId`: the article being updated, whose own slug does not count).
 */
export const freeArticleSlug = async (strapi: Core.Strapi, wanted: string, documentId?: string) => {
  const base = slugify(wanted);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${String(n)}`;
    const slug = `${base.slice(0, MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    const other = (await strapi.db.query('api::article.article').findOne({
      where: { slug, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
      select: ['id'],
    })) as { id: number } | null;
    if (!other) return slug;
  }
};

/**
 * Editors pick related articles through a relation inside a repeatable component (the component
 * keeps the editor's order, which Strapi's relation ordering does not reliably do). Strapi drops a
 * relation from the published version when its target is still a draft, so after every save we
 * copy each pick's target documentId into a hidden field. Publishing copies that field as is, and
 * the related service resolves it against published articles when it is read.
 */
import type { Core, UID } from '@strapi/strapi';

const PICK_COMPONENTS = new Set(['related.recommended-item', 'related.article-pick']);
const WATCHED: UID.ContentType[] = [
  'api::article.article',
  'api::site-setting.site-setting',
  'api::home-page.home-page',
];

type PickRow = { id: number; targetDocumentId: string | null; article: { documentId: string } | null };

const pickAttributes = (strapi: Core.Strapi, uid: UID.ContentType) =>
  Object.entries(strapi.getModel(uid).attributes)
    .filter(([, attr]) => attr.type === 'component' && PICK_COMPONENTS.has((attr as { component: string }).component))
    .map(([name, attr]) => ({ name, component: (attr as { component: UID.Component }).component }));

export const syncRelatedTargets = async (strapi: Core.Strapi, uid: UID.ContentType, rowId: number) => {
  const attributes = pickAttributes(strapi, uid);
  if (attributes.length === 0) return;
  const populate = Object.fromEntries(
    attributes.map(({ name }) => [
      name,
      { select: ['id', 'targetDocumentId'], populate: { article: { select: ['documentId'] } } },
    ]),
  );
  const row = (await strapi.db.query(uid).findOne({ where: { id: rowId }, select: ['id'], populate })) as Record<
    string,
    PickRow[] | undefined
  > | null;
  if (!row) return;
  for (const { name, component } of attributes) {
    for (const pick of row[name] ?? []) {
      const target = pick.article?.documentId ?? null;
      if (target !== pick.targetDocumentId) {
        await strapi.db.query(component).update({ where: { id: pick.id }, data: { targetDocumentId: target } });
      }
    }
  }
};

export const registerSyncRelatedTargets = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if ((context.action === 'create' || context.action === 'update') && WATCHED.includes(context.uid)) {
      const saved = result as { id?: number } | null;
      if (saved?.id) await syncRelatedTargets(strapi, context.uid, saved.id);
    }
    return result;
  });
};

/**
 * Tells the reader site what changed, so it can refresh exactly the affected pages: POST
 * {SITE_URL}/api/revalidate with the shared secret in a header. The payload names the model, the
 * slugs involved (old and new) and the slugs of published articles whose rails point at the
 * changed article (at most REFERENCED_BY_LIMIT, with an overflow flag past it); the site derives
 * its cache tags from these itself. The notification is written to the outbox in the change's own
 * transaction and sent after the commit (src/outbox), so a CMS killed in between loses nothing.
 */
import type { Core } from '@strapi/strapi';

import { deliverNow, WRITER_GRACE_MS } from '../outbox/outbox-delivery';
import { outboxStore } from '../outbox/outbox-store';
import { siteTarget, type SiteNotification } from '../outbox/post-to-site';
import { siteNotificationsSuppressed } from '../outbox/seeding';
import { withConnection } from '../utils/db-connection';
import { capReferencedBy } from '../utils/referenced-by';

const ARTICLE = 'api::article.article';
const MODELS: Record<string, string> = {
  [ARTICLE]: 'article',
  'api::author.author': 'author',
  'api::topic.topic': 'topic',
  'api::site-setting.site-setting': 'site-setting',
  'api::home-page.home-page': 'home-page',
  'api::redirect.redirect': 'redirect',
};
// Draft edits of articles do not change the public site; everything else is live on save.
const ARTICLE_ACTIONS = new Set(['publish', 'unpublish', 'delete']);
const LIVE_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish']);
const PICK_COMPONENTS = ['related.recommended-item', 'related.article-pick'] as const;

const publishedSlug = async (strapi: Core.Strapi, uid: string, documentId: string | undefined) => {
  if (!documentId) return null;
  const row = (await strapi.db.query(uid).findOne({
    where: { documentId, ...(uid === ARTICLE ? { publishedAt: { $notNull: true } } : {}) },
    select: ['slug'],
  })) as { slug?: string } | null;
  return row?.slug ?? null;
};

/** Slugs of published articles whose curated or automatic rail picks point at `documentId`. */
const referencingSlugs = (strapi: Core.Strapi, documentId: string) =>
  withConnection(strapi, async (knex) => {
    const article = strapi.db.metadata.get(ARTICLE);
    // Every component attribute of an article shares one join table (articles_cmps in Strapi 5).
    const join = (article.attributes.recommended as unknown as { joinTable: { name: string } }).joinTable.name;
    const slugs = new Set<string>();
    for (const component of PICK_COMPONENTS) {
      const rows: Array<{ slug: string }> = await knex(`${strapi.db.metadata.get(component).tableName} as c`)
        .join(`${join} as l`, function joinComponent() {
          this.on('l.cmp_id', '=', 'c.id').andOn('l.component_type', '=', knex.raw('?', [component]));
        })
        .join(`${article.tableName} as a`, 'a.id', 'l.entity_id')
        .where('c.target_document_id', documentId)
        .whereNotNull('a.published_at')
        .distinct('a.slug');
      rows.forEach((r) => slugs.add(r.slug));
    }
    return [...slugs];
  });

/**
 * Writes `notification` to the outbox in the current transaction (if any) and sends it after the
 * commit. Also used by writes that bypass the document service (the medical review sign-off).
 */
export const notifySite = async (strapi: Core.Strapi, notification: SiteNotification) => {
  if (!siteTarget() || siteNotificationsSuppressed()) return;
  const row = await outboxStore(strapi).enqueue(notification, Date.now() + WRITER_GRACE_MS);
  const send = (): void => void deliverNow(strapi, row);
  if (strapi.db.inTransaction()) {
    // Strapi types the callback's arguments as `any`; onCommit takes a function to run after commit.
    await strapi.db.transaction(({ onCommit }: { onCommit: (callback: () => void) => void }): Promise<void> => {
      onCommit(send);
      return Promise.resolve();
    });
  } else {
    setImmediate(send);
  }
};

export const registerNotifySite = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    const model = MODELS[context.uid];
    const actions = context.uid === ARTICLE ? ARTICLE_ACTIONS : LIVE_ACTIONS;
    if (!model || !actions.has(context.action) || siteNotificationsSuppressed()) return next();

    const documentId = (context.params as { documentId?: string }).documentId;
    const hasSlug =
      context.uid === ARTICLE || context.uid === 'api::author.author' || context.uid === 'api::topic.topic';
    const before = hasSlug ? await publishedSlug(strapi, context.uid, documentId) : null;
    const result = await next();
    const id = documentId ?? (result as { documentId?: string } | null)?.documentId ?? null;
    const afterSlug = hasSlug && id ? await publishedSlug(strapi, context.uid, id) : null;
    const notification: SiteNotification = {
      model,
      action: context.action,
      documentId: id,
      slugs: [...new Set([before, afterSlug].filter((s): s is string => Boolean(s)))],
      ...capReferencedBy(context.uid === ARTICLE && id ? await referencingSlugs(strapi, id) : []),
    };
    await notifySite(strapi, notification);
    return result;
  });
};

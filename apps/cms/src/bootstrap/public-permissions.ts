/**
 * The Public role gets exactly these actions and nothing else: published reads of the reader
 * site's content. Anything else found on the role (e.g. sign-up routes) is removed at every boot,
 * so a permission clicked on by mistake in the admin does not survive a restart.
 */
import type { Core } from '@strapi/strapi';

export const PUBLIC_ACTIONS = [
  'api::article.article.find',
  'api::article.article.findOne',
  'api::article.article-page.findBySlug',
  'api::article.related.forArticle',
  'api::article.search.find',
  'api::article.sitemap.index',
  'api::article.sitemap.page',
  'api::author.author.find',
  'api::author.author.findOne',
  'api::topic.topic.find',
  'api::topic.topic.findOne',
  'api::site-setting.site-setting.find',
  'api::home-page.home-page.find',
  'api::redirect.redirect.find',
] as const;

export const configurePublicPermissions = async (strapi: Core.Strapi) => {
  const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } })) as {
    id: number;
  } | null;
  if (!role) throw new Error('users-permissions Public role not found');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing = (await permissions.findMany({ where: { role: role.id }, select: ['id', 'action'] })) as Array<{
    id: number;
    action: string;
  }>;
  const wanted = new Set<string>(PUBLIC_ACTIONS);
  const stale = existing.filter((p) => !wanted.has(p.action));
  if (stale.length > 0) await permissions.deleteMany({ where: { id: { $in: stale.map((p) => p.id) } } });
  const have = new Set(existing.map((p) => p.action));
  for (const action of PUBLIC_ACTIONS) {
    if (!have.has(action)) await permissions.create({ data: { action, role: role.id } });
  }

  // Readers never register; turn sign-up off in the users-permissions advanced settings too.
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false)
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
};

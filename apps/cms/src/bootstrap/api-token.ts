/**
 * The site reads with a read-only API token whose value comes from SITE_API_TOKEN, so the CMS and
 * the site can be configured with the same secret before either starts. Strapi generates token
 * values itself, so we create the token and then store the hash of ours.
 */
import type { Core } from '@strapi/strapi';

export const SITE_TOKEN_NAME = 'Reader site (read-only)';

export const ensureSiteApiToken = async (strapi: Core.Strapi, accessKey: string | undefined) => {
  if (!accessKey) {
    strapi.log.warn('SITE_API_TOKEN is not set: the reader site will not be able to read drafts for preview.');
    return;
  }
  const service = strapi.service('admin::api-token') as unknown as {
    getByName(name: string): Promise<{ id: number } | null>;
    create(attrs: Record<string, unknown>): Promise<{ id: number }>;
    hash(key: string): string;
  };
  const encryption = strapi.service('admin::encryption') as unknown as { encrypt(value: string): string | null };
  const token =
    (await service.getByName(SITE_TOKEN_NAME)) ??
    (await service.create({
      name: SITE_TOKEN_NAME,
      description: 'Used by the Next.js site on the server side. Managed by the CMS bootstrap from SITE_API_TOKEN.',
      type: 'read-only',
      kind: 'content-api',
      lifespan: null,
    }));
  const hash = service.hash(accessKey);
  const row = await strapi.db.query('admin::api-token').findOne({ where: { id: token.id }, select: ['accessKey'] });
  if (row?.accessKey !== hash) {
    await strapi.db
      .query('admin::api-token')
      .update({ where: { id: token.id }, data: { accessKey: hash, encryptedKey: encryption.encrypt(accessKey) } });
  }
};

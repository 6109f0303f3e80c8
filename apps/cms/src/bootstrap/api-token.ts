/**
 * The site reads with an API token whose value comes from SITE_API_TOKEN, so the CMS and the
 * site can be configured with the same secret before either starts. It is a "custom" token
 * holding exactly the public read actions (Strapi's "read-only" type does not cover our custom
 * routes); on top of the public role it may read drafts, for preview.
 * Strapi generates token values itself, so we create the token and then store the hash of ours.
 */
import type { Core } from '@strapi/strapi';

import { PUBLIC_ACTIONS } from './public-permissions';

export const SITE_TOKEN_NAME = 'Reader site (read-only)';

type TokenService = {
  getByName(name: string): Promise<{ id: number; type: string; permissions?: string[] } | null>;
  create(attrs: Record<string, unknown>): Promise<{ id: number }>;
  update(id: number, attrs: Record<string, unknown>): Promise<unknown>;
  hash(key: string): string;
};

export const ensureSiteApiToken = async (strapi: Core.Strapi, accessKey: string | undefined) => {
  if (!accessKey) {
    strapi.log.warn('SITE_API_TOKEN is not set: the reader site will read as the public and cannot preview drafts.');
    return;
  }
  const service = strapi.service('admin::api-token') as unknown as TokenService;
  const encryption = strapi.service('admin::encryption') as unknown as { encrypt(value: string): string | null };
  const permissions = [...PUBLIC_ACTIONS];
  const existing = await service.getByName(SITE_TOKEN_NAME);
  const token =
    existing ??
    (await service.create({
      name: SITE_TOKEN_NAME,
      description: 'Used by the Next.js site on the server side. Managed by the CMS bootstrap from SITE_API_TOKEN.',
      type: 'custom',
      kind: 'content-api',
      lifespan: null,
      permissions,
    }));
  if (
    existing &&
    (existing.type !== 'custom' || [...(existing.permissions ?? [])].sort().join() !== [...permissions].sort().join())
  ) {
    await service.update(existing.id, { type: 'custom', permissions });
  }
  const hash = service.hash(accessKey);
  const row = (await strapi.db
    .query('admin::api-token')
    .findOne({ where: { id: token.id }, select: ['accessKey'] })) as {
    accessKey: string;
  } | null;
  if (row?.accessKey !== hash) {
    await strapi.db
      .query('admin::api-token')
      .update({ where: { id: token.id }, data: { accessKey: hash, encryptedKey: encryption.encrypt(accessKey) } });
  }
};

import type { Core } from '@strapi/strapi';

import { signPreviewLink } from '../src/utils/preview-token';

type PermissionChecker = { cannot: { read: (entity?: object) => boolean } };

/**
 * Whether the admin user behind the current request may read this entry in the content manager
 * (an Author, for example, only their own drafts). Without a request there is no user: no.
 */
const mayReadInAdmin = (uid: string, entity: object): boolean => {
  const userAbility = (strapi.requestContext.get() as { state?: { userAbility?: unknown } } | undefined)?.state
    ?.userAbility;
  if (!userAbility) return false;
  const checker = strapi
    .plugin('content-manager')
    .service<{ create: (options: { userAbility: unknown; model: string }) => PermissionChecker }>('permission-checker')
    .create({ userAbility, model: uid });
  return !checker.cannot.read(entity);
};

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  // Strapi's Preview opens the draft on the site through /api/preview, with a short-lived token
  // signed for this one document (never the shared secret itself), and only for an admin who may
  // read that document: the preview-URL route itself checks no content permission.
  preview: {
    enabled: true,
    config: {
      allowedOrigins: [env('SITE_URL', 'http://localhost:3000')],
      async handler(uid: string, { documentId, status }: { documentId: string; locale?: string; status: string }) {
        if (uid !== 'api::article.article') return null;
        const article = (await strapi.db.query(uid).findOne({
          where: { documentId, publishedAt: null },
          select: ['id', 'documentId', 'slug'],
          populate: { createdBy: { select: ['id'] } },
        })) as { slug?: string } | null;
        if (!article?.slug || !mayReadInAdmin(uid, article)) return null;
        const token = signPreviewLink(
          { documentId, status: status === 'published' ? 'published' : 'draft', path: `/articles/${article.slug}` },
          env('PREVIEW_SECRET', ''),
        );
        return `${env('SITE_URL', 'http://localhost:3000')}/api/preview?${new URLSearchParams({ token }).toString()}`;
      },
    },
  },
  // Login attempts are rate limited per email and IP; only test environments turn it off.
  rateLimit: {
    enabled: env.bool('ADMIN_RATE_LIMIT', true),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
});

import type { Core } from '@strapi/strapi';

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
  // Strapi's Preview opens the draft on the site, through the site's secret-checked preview route.
  preview: {
    enabled: true,
    config: {
      allowedOrigins: [env('SITE_URL', 'http://localhost:3000')],
      async handler(uid: string, { documentId, status }: { documentId: string; locale?: string; status: string }) {
        if (uid !== 'api::article.article') return null;
        const article = await strapi.documents(uid).findOne({ documentId, status: 'draft', fields: ['slug'] });
        if (!article?.slug) return null;
        const query = new URLSearchParams({
          secret: env('PREVIEW_SECRET', ''),
          path: `/articles/${article.slug}`,
          status,
        });
        return `${env('SITE_URL', 'http://localhost:3000')}/api/preview?${query}`;
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

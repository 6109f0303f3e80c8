import { factories } from '@strapi/strapi';

// Writes exist for API tokens with write access; the Public role may only read (see
// src/bootstrap/public-permissions.ts), and drafts need the site's token (global::drafts-need-token).
export default factories.createCoreRouter('api::article.article', {
  config: {
    find: { middlewares: ['global::drafts-need-token'] },
    findOne: { middlewares: ['global::drafts-need-token'] },
  },
});

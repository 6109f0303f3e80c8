import { factories } from '@strapi/strapi';

// Writes exist for API tokens with write access; the Public role may only read (see
// src/bootstrap/public-permissions.ts), and drafts need the site's token (global::drafts-need-site-token).
export default factories.createCoreRouter('api::article.article');

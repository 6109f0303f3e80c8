/** Keeps the search index in step with what is published: publish, unpublish, delete. */
import type { Core } from '@strapi/strapi';

import { service } from '../utils/services';

const ACTIONS = new Set(['publish', 'unpublish', 'delete', 'discardDraft']);

export const registerSearchIndexing = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid === 'api::article.article' && ACTIONS.has(context.action)) {
      const documentId = (context.params as { documentId?: string }).documentId;
      if (documentId) await service(strapi, 'api::article.search-index').reindex(documentId);
    }
    return result;
  });
};

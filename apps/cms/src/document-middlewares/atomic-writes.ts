/**
 * Every write of one of our content types runs in one database transaction together with what
 * the other document middlewares write around it (search rows, redirects, rail targets, the
 * notification outbox row). Strapi wraps only the write itself in a transaction; registered
 * first, this middleware is outermost, so the others' queries (strapi.db.query, the document
 * service, and raw knex through withConnection) join it. A CMS killed half-way leaves nothing:
 * the database rolls the whole transaction back when the connection drops.
 */
import type { Core } from '@strapi/strapi';

import { inTransaction } from '../utils/db-connection';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

export const isAtomicWrite = (uid: string, action: string) => uid.startsWith('api::') && WRITES.has(action);

export const registerAtomicWrites = (strapi: Core.Strapi) => {
  strapi.documents.use((context, next) =>
    // Nested calls reuse the open transaction (Strapi keeps it in AsyncLocalStorage), so SQLite's
    // single connection is never asked for a second one.
    isAtomicWrite(context.uid, context.action)
      ? inTransaction<Awaited<ReturnType<typeof next>>>(strapi, () => next())
      : next(),
  );
};

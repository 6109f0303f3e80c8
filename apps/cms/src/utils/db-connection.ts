import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];

/**
 * Runs raw knex work on the current transaction when there is one (the content manager publishes
 * inside a transaction; on SQLite a second connection would wait for it forever), else on the pool.
 */
export const withConnection = <T>(strapi: Core.Strapi, work: (knex: Knex) => Promise<T>): Promise<T> =>
  strapi.db.inTransaction() ? inTransaction(strapi, work) : work(strapi.db.connection);

/**
 * Runs `work` in a transaction, joining the current one when there is one (Strapi keeps it in
 * AsyncLocalStorage). Strapi types the result as a promise of a promise; this says what it is.
 */
export const inTransaction = <T>(strapi: Core.Strapi, work: (trx: Knex) => Promise<T>): Promise<T> =>
  strapi.db.transaction(({ trx }) => work(trx as unknown as Knex)) as unknown as Promise<T>;

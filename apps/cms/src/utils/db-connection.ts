import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];

/**
 * Runs raw knex work on the current transaction when there is one (the content manager publishes
 * inside a transaction; on SQLite a second connection would wait for it forever), else on the pool.
 */
export const withConnection = <T>(strapi: Core.Strapi, work: (knex: Knex) => Promise<T>): Promise<T> =>
  strapi.db.inTransaction()
    ? (strapi.db.transaction(({ trx }) => work(trx as unknown as Knex)) as unknown as Promise<T>)
    : work(strapi.db.connection);

/**
 * The transactional outbox of site notifications: a row is written in the same transaction as the
 * change it announces, so a committed change always has its notification waiting, and a rolled
 * back one never has. Times are epoch milliseconds, the same on SQLite and PostgreSQL.
 * Created at boot (if missing), like src/bootstrap/indexes.ts.
 */
import type { Core } from '@strapi/strapi';

export const OUTBOX_TABLE = 'site_notification_outbox';

export const ensureOutboxTable = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  const id = strapi.db.dialect.client === 'postgres' ? 'bigserial PRIMARY KEY' : 'integer PRIMARY KEY AUTOINCREMENT';
  await knex.raw(`CREATE TABLE IF NOT EXISTS ${OUTBOX_TABLE} (
    id ${id},
    payload text NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at bigint NOT NULL,
    lease_owner varchar(255),
    lease_until bigint)`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${OUTBOX_TABLE}_due_idx ON ${OUTBOX_TABLE} (next_attempt_at)`);
};

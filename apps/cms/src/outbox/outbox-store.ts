/**
 * Rows of the site notification outbox. A row is delivered under a lease: the instance that claims
 * it writes its id and a deadline, and only that instance may delete or reschedule it. A lease
 * left by a killed instance runs out and the row becomes claimable again (at-least-once).
 */
import type { Core } from '@strapi/strapi';

import { currentRequestId } from '../observability/request-id';
import { withConnection } from '../utils/db-connection';
import { OUTBOX_TABLE } from './outbox-table';
import type { SiteNotification } from './post-to-site';

export type OutboxRow = { id: number; notification: SiteNotification; attempts: number };

type RawRow = { id: number | string; payload: string; attempts: number | string };

const toRow = (raw: RawRow): OutboxRow => ({
  id: Number(raw.id),
  notification: JSON.parse(raw.payload) as SiteNotification,
  attempts: Number(raw.attempts),
});

/** Rows nobody holds: never leased, or the lease ran out. */
const free = (now: number) => `(lease_until IS NULL OR lease_until < ${String(Math.trunc(now))})`;

export const outboxStore = (strapi: Core.Strapi) => ({
  /** Inserts on the current transaction (the change's own), returning the row's id. */
  enqueue: (notification: SiteNotification, notBefore: number) =>
    withConnection(strapi, async (knex) => {
      const [inserted] = await knex(OUTBOX_TABLE)
        .insert({
          // When the change committed (the site measures publish-to-live from it) and the request
          // that made it (the site and the edge log the same id).
          payload: JSON.stringify({
            ...notification,
            changedAt: new Date().toISOString(),
            requestId: currentRequestId(),
          }),
          attempts: 0,
          next_attempt_at: notBefore,
        })
        .returning<Array<{ id: number | string }>>('id');
      if (!inserted) throw new Error('The outbox insert returned no id');
      return Number(inserted.id);
    }),

  /** Claims one row by id whatever its due time (the writer sending right after its commit). */
  claim: async (id: number, owner: string, now: number, leaseMs: number): Promise<OutboxRow | null> => {
    const knex = strapi.db.connection;
    const count = await knex(OUTBOX_TABLE)
      .where({ id })
      .whereRaw(free(now))
      .update({ lease_owner: owner, lease_until: now + leaseMs });
    if (count === 0) return null;
    const raw = (await knex(OUTBOX_TABLE).where({ id, lease_owner: owner }).first()) as RawRow | undefined;
    return raw ? toRow(raw) : null;
  },

  /** Claims up to `limit` due rows; instances running this at once get disjoint rows. */
  claimDue: async (owner: string, now: number, leaseMs: number, limit: number): Promise<OutboxRow[]> => {
    const knex = strapi.db.connection;
    const until = now + leaseMs;
    if (strapi.db.dialect.client === 'postgres') {
      // SKIP LOCKED: rows another instance is claiming right now are left to it, not waited for.
      const { rows } = await knex.raw<{ rows: RawRow[] }>(
        `UPDATE ${OUTBOX_TABLE} SET lease_owner = ?, lease_until = ?
         WHERE id IN (SELECT id FROM ${OUTBOX_TABLE} WHERE next_attempt_at <= ? AND ${free(now)}
                      ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
         RETURNING id, payload, attempts`,
        [owner, until, now, limit],
      );
      return rows.map(toRow);
    }
    // SQLite has one writer: a conditional UPDATE per candidate decides who holds it.
    const candidates = await knex(OUTBOX_TABLE)
      .where('next_attempt_at', '<=', now)
      .whereRaw(free(now))
      .orderBy('id')
      .limit(limit)
      .select<RawRow[]>('id', 'payload', 'attempts');
    const claimed: OutboxRow[] = [];
    for (const raw of candidates) {
      const count = await knex(OUTBOX_TABLE)
        .where({ id: raw.id })
        .whereRaw(free(now))
        .update({ lease_owner: owner, lease_until: until });
      if (count > 0) claimed.push(toRow(raw));
    }
    return claimed;
  },

  /** Done with a row (delivered, or given up on): delete it, so the table stays small. */
  remove: (id: number, owner: string) => strapi.db.connection(OUTBOX_TABLE).where({ id, lease_owner: owner }).delete(),

  /** Releases a row to be tried again at `nextAttemptAt`. */
  reschedule: (id: number, owner: string, attempts: number, nextAttemptAt: number) =>
    strapi.db
      .connection(OUTBOX_TABLE)
      .where({ id, lease_owner: owner })
      .update({ attempts, next_attempt_at: nextAttemptAt, lease_owner: null, lease_until: null }),
});

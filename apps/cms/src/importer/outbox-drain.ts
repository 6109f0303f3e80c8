/**
 * The CMS sends each change notification right after its commit, without waiting (the outbox
 * retries what fails). A short-lived importer must let the sends it started finish before it
 * closes the database, or they die half-way on a closed pool. Rows it could not deliver stay in
 * the outbox for the running CMS's retry job.
 */
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Core } from '@strapi/strapi';

import { OUTBOX_TABLE } from '../outbox/outbox-table';

/** Longer than one send may take (post-to-site.ts aborts after 5 s). */
const DRAIN_TIMEOUT_MS = 8_000;

/** Waits for this process's sends; resolves with how many notifications the outbox still holds. */
export const drainOwnDeliveries = async (strapi: Core.Strapi): Promise<number> => {
  // Each send claims its row right after the commit: give the last one a moment to do so.
  await sleep(200);
  // Leases are held as `<host>:<pid>:<random>` (outbox-delivery.ts INSTANCE_ID).
  const mine = `${os.hostname()}:${String(process.pid)}:%`;
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  const count = async (owner?: string) => {
    const query = strapi.db.connection(OUTBOX_TABLE);
    const rows = await (owner ? query.where('lease_owner', 'like', owner) : query).select<
      Array<{ n: number | string }>
    >(strapi.db.connection.raw('count(*) as n'));
    return Number(rows[0]?.n ?? 0);
  };
  while (Date.now() < deadline && (await count(mine)) > 0) await sleep(100);
  return count();
};

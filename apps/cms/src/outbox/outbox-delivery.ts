/**
 * Delivers the site notification outbox: the instance that committed a change sends its row right
 * after the commit; a cron job on every instance (config/cron-tasks.ts) sends whatever is left,
 * with exponential backoff. A row is deleted once the site took it (or refused it for good), so
 * delivery is at least once: the site's /api/revalidate is idempotent.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';

import type { Core } from '@strapi/strapi';

import { cmsMetrics } from '../observability/cms-metrics';
import { outboxStore, type OutboxRow } from './outbox-store';
import { postToSite, siteTarget, type PostOutcome } from './post-to-site';

/** Who holds a lease: unique per process, readable in the table. */
export const INSTANCE_ID = `${os.hostname()}:${String(process.pid)}:${randomUUID().slice(0, 8)}`;

const LEASE_MS = 20_000;
/** A fresh row is the writer's to send; the others leave it alone this long. */
export const WRITER_GRACE_MS = 10_000;
const BASE_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 300_000;
/** About a day of tries at the longest backoff; past that the site's own revalidation has long caught up. */
const MAX_ATTEMPTS = 300;
const BATCH = 10;

export const backoffMs = (attempts: number) =>
  Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));

const deliver = async (strapi: Core.Strapi, row: OutboxRow) => {
  const store = outboxStore(strapi);
  const target = siteTarget();
  const outcome: PostOutcome = target ? await postToSite(strapi, target, row.notification) : { result: 'rejected' };
  cmsMetrics.siteNotifications.inc({ outcome: outcome.result });
  if (outcome.result !== 'failed') {
    await store.remove(row.id, INSTANCE_ID);
    return;
  }
  const attempts = row.attempts + 1;
  // Once per notification, not on every retry (a site down for an hour would flood the log).
  if (attempts === 1) {
    strapi.log.warn(`Site revalidation failed (${outcome.reason}); notification ${String(row.id)} will be retried`);
  }
  if (attempts >= MAX_ATTEMPTS) {
    strapi.log.error(`Site notification ${String(row.id)} dropped after ${String(attempts)} attempts`);
    cmsMetrics.siteNotifications.inc({ outcome: 'dropped' });
    await store.remove(row.id, INSTANCE_ID);
    return;
  }
  await store.reschedule(row.id, INSTANCE_ID, attempts, Date.now() + backoffMs(attempts));
};

/** Sends one row now if nobody else holds it. Never throws: the cron is the fallback. */
export const deliverNow = async (strapi: Core.Strapi, id: number) => {
  try {
    const row = await outboxStore(strapi).claim(id, INSTANCE_ID, Date.now(), LEASE_MS);
    if (row) await deliver(strapi, row);
  } catch (error) {
    strapi.log.warn(`Site notification ${String(id)} left for the retry job: ${(error as Error).message}`);
  }
};

let running = false;

/** One cron tick: claims due rows and sends them side by side; skips a tick while the last runs. */
export const deliverDue = async (strapi: Core.Strapi) => {
  if (running) return 0;
  running = true;
  try {
    const rows = await outboxStore(strapi).claimDue(INSTANCE_ID, Date.now(), LEASE_MS, BATCH);
    await Promise.all(rows.map((row) => deliver(strapi, row)));
    return rows.length;
  } finally {
    running = false;
  }
};

/**
 * The demo seed writes dozens of documents before any site has rendered them (the demo and the
 * test stacks start the CMS first), and an import writes thousands: notifying the site of each
 * would fill the outbox with rows that fail until the site is up (or make it re-render and purge
 * for every single write), each retry purging pages at the edge long after. Writes made inside
 * `withoutSiteNotifications` notify nobody; the importer sends one notification per model at
 * the end instead.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

// Shared through globalThis: the importer runs this file from src/ while the CMS it loads runs
// the document middlewares from dist/, two copies of this module that must see the same switch.
const QUIET_KEY = Symbol.for('nourish.withoutSiteNotifications');
const shared = globalThis as { [QUIET_KEY]?: AsyncLocalStorage<true> };
const quiet = (shared[QUIET_KEY] ??= new AsyncLocalStorage<true>());

export const withoutSiteNotifications = <T>(work: () => Promise<T>): Promise<T> => quiet.run(true, work);

export const siteNotificationsSuppressed = () => quiet.getStore() === true;

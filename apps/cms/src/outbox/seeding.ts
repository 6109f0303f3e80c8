/**
 * The demo seed writes dozens of documents before any site has rendered them (the demo and the
 * test stacks start the CMS first). Notifying the site of each would fill the outbox with rows
 * that fail until the site is up and are then retried for hours, each retry purging pages at the
 * edge long after the seed. Writes made inside `withoutSiteNotifications` notify nobody.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const quiet = new AsyncLocalStorage<true>();

export const withoutSiteNotifications = <T>(work: () => Promise<T>): Promise<T> => quiet.run(true, work);

export const siteNotificationsSuppressed = () => quiet.getStore() === true;

/**
 * One POST of a change notification to the reader site's /api/revalidate, with the shared secret
 * in a header. Retrying is the outbox's job (src/outbox/outbox-delivery.ts), so this tries once
 * and says how it went.
 */
import type { Core } from '@strapi/strapi';

export type SiteNotification = {
  model: string;
  action: string;
  documentId: string | null;
  slugs: string[];
  referencedBy: string[];
  /** More articles point at this one than `referencedBy` names: the site refreshes every article page. */
  referencedByOverflow: boolean;
  /** ISO time the change committed, set by the outbox. */
  changedAt?: string;
  /** The request that made the change (set by the outbox), sent as X-Request-Id. */
  requestId?: string;
};

/**
 * `rejected`: the site refused this notification for good (4xx); sending it again will not help.
 * `failed` carries why, for the caller to log (once, not on every retry).
 */
export type PostOutcome = { result: 'delivered' | 'rejected' } | { result: 'failed'; reason: string };

export type SiteTarget = { url: string; secret: string };

/** Where notifications go, or null when this CMS has no site to tell. */
export const siteTarget = (): SiteTarget | null => {
  // Server to server: inside compose the site is not at its public URL.
  const url = process.env.SITE_INTERNAL_URL || process.env.SITE_URL;
  const secret = process.env.REVALIDATE_SECRET;
  return url && secret ? { url, secret } : null;
};

export const postToSite = async (
  strapi: Core.Strapi,
  target: SiteTarget,
  notification: SiteNotification,
): Promise<PostOutcome> => {
  try {
    const { requestId, ...body } = notification;
    const res = await fetch(new URL('/api/revalidate', target.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-revalidate-secret': target.secret,
        ...(requestId ? { 'x-request-id': requestId } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    if (res.ok) return { result: 'delivered' };
    const reason = `answered ${String(res.status)}`;
    if (res.status >= 500 || res.status === 429) return { result: 'failed', reason };
    strapi.log.warn(`Site revalidation ${reason} for ${notification.model} ${String(notification.documentId)}`);
    return { result: 'rejected' };
  } catch (error) {
    return { result: 'failed', reason: (error as Error).message };
  }
};

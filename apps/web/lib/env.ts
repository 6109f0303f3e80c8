import 'server-only';

/**
 * Server configuration, read when a page renders (not at build), so one build can be deployed
 * against any CMS and public origin.
 */
export const siteUrl = (): string => (process.env.SITE_URL || 'http://localhost:3000').replace(/\/+$/, '');

export const strapiUrl = (): string => process.env.STRAPI_URL || 'http://localhost:1337';

/**
 * How long one CMS call may take, body included (CMS_TIMEOUT_MS, default 2000). Short on purpose:
 * a page that cannot get its data answers 503 quickly instead of holding the reader.
 */
export const cmsTimeoutMs = (): number => {
  const raw = process.env.CMS_TIMEOUT_MS?.trim();
  if (!raw) return 2000;
  if (!/^[1-9]\d{0,5}$/.test(raw))
    throw new Error(`CMS_TIMEOUT_MS must be a whole number of milliseconds (1-999999), got "${raw}"`);
  return Number(raw);
};

export const strapiToken = (): string | undefined => process.env.STRAPI_API_TOKEN || undefined;

/** Absolute URL on this site for a path such as `/articles/x`. */
export const absoluteUrl = (path: string): string => `${siteUrl()}${path.startsWith('/') ? path : `/${path}`}`;

import 'server-only';

/**
 * Server configuration, read when a page renders (not at build), so one build can be deployed
 * against any CMS and public origin.
 */
export const siteUrl = (): string => (process.env.SITE_URL || 'http://localhost:3000').replace(/\/+$/, '');

export const strapiUrl = (): string => process.env.STRAPI_URL || 'http://localhost:1337';

export const strapiToken = (): string | undefined => process.env.STRAPI_API_TOKEN || undefined;

/** Absolute URL on this site for a path such as `/articles/x`. */
export const absoluteUrl = (path: string): string => `${siteUrl()}${path.startsWith('/') ? path : `/${path}`}`;

/**
 * @nourish/content: the contract between the CMS and the site. Server-only: it reads the API
 * token from its caller and must never be imported by client components.
 */
export { createCmsClient, stringifyQuery } from './client';
export type { CacheLayer, CmsClient, CmsClientOptions, CacheOptions, StrapiQuery } from './client';
export { CmsError, CmsHttpError, CmsNetworkError, CmsTimeoutError, CmsValidationError } from './errors';
export type { CmsValidationIssue } from './errors';
export { cacheTags } from './cache-tags';
export { changeNotification, tagsForChange } from './revalidation';
export type { ChangeNotification } from './revalidation';
export { safeHref, isExternalHref } from './safe-href';
export type * from './domain';
export * from './queries';

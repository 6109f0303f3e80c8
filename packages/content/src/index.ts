/**
 * @nourish/content: the contract between the CMS and the site. Server-only: it reads the API
 * token from its caller and must never be imported by client components.
 */
export { createCmsClient, stringifyQuery } from './client';
export type { CacheLayer, CmsClient, CmsClientOptions, CacheOptions, StrapiQuery } from './client';
export {
  CmsError,
  CmsHttpError,
  CmsNetworkError,
  CmsTimeoutError,
  CmsValidationError,
  isCmsUnavailable,
} from './errors';
export type { CmsValidationIssue } from './errors';
export { cacheTags } from './cache-tags';
export { changeNotification, tagsForChange, REFERENCED_BY_LIMIT } from './revalidation';
export type { ChangeNotification } from './revalidation';
export { safeHref, isExternalHref } from './safe-href';
export { unreachable } from './unreachable';
export {
  PREVIEW_LINK_TTL_SECONDS,
  PREVIEW_SESSION_TTL_SECONDS,
  isArticlePath,
  signPreviewToken,
  sitePathOrHome,
  verifyPreviewToken,
} from './preview-token';
export type { PreviewClaims, PreviewStatus, PreviewTokenUse } from './preview-token';
export type * from './domain';
export * from './queries';

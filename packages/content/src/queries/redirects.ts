/** Redirects left behind by slug changes (and added by editors), looked up when a path is not found. */
import { cacheTags } from '../cache-tags';
import type { CmsClient, StrapiQuery } from '../client';
import { safeHref } from '../safe-href';
import { REDIRECT_FIELDS, redirectListResponse } from '../schemas/redirect';

export type Redirect = { to: string; permanent: boolean };

/** Where `path` moved to, or `null`. Only site paths and https URLs are followed. */
export const redirectByPathQuery = (path: string): StrapiQuery => ({
  filters: { from: { $eq: path } },
  fields: [...REDIRECT_FIELDS],
  pagination: { page: 1, pageSize: 1 },
});

/**
 * `cached: false` for paths anyone can make up (the site's catch-all): each would otherwise leave
 * an entry in the data cache.
 */
// A site path, optionally with the query of a WordPress-style address (`/?p=412`).
const REDIRECT_FROM = /^\/[\w\-/.]{0,300}(?:\?\w{1,20}=[\w\-.]{1,100})?$/;

export async function getRedirect(
  client: CmsClient,
  path: string,
  { cached = true }: { cached?: boolean } = {},
): Promise<Redirect | null> {
  if (!REDIRECT_FROM.test(path)) return null;
  const response = await client.get(
    '/redirects',
    redirectByPathQuery(path),
    redirectListResponse,
    cached ? { tags: [cacheTags.redirects] } : { noStore: true },
  );
  const found = response.data[0];
  if (!found) return null;
  const to = safeHref(found.to);
  if (!to || !(to.startsWith('/') || to.startsWith('https://')) || to.startsWith('//')) return null;
  return { to, permanent: found.permanent };
}

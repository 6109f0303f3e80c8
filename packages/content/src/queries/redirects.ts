/** Redirects left behind by slug changes (and added by editors), looked up when a path is not found. */
import { z } from 'zod';

import { cacheTags } from '../cache-tags';
import type { CmsClient } from '../client';
import { safeHref } from '../safe-href';

const redirectListResponse = z.object({
  data: z.array(z.object({ from: z.string(), to: z.string(), permanent: z.boolean() })),
});

export type Redirect = { to: string; permanent: boolean };

/** Where `path` moved to, or `null`. Only site paths and https URLs are followed. */
export async function getRedirect(client: CmsClient, path: string): Promise<Redirect | null> {
  if (!/^\/[\w\-/.]{0,300}$/.test(path)) return null;
  const response = await client.get(
    '/redirects',
    { filters: { from: { $eq: path } }, fields: ['from', 'to', 'permanent'], pagination: { page: 1, pageSize: 1 } },
    redirectListResponse,
    { tags: [cacheTags.redirects] },
  );
  const found = response.data[0];
  if (!found) return null;
  const to = safeHref(found.to);
  if (!to || !(to.startsWith('/') || to.startsWith('https://')) || to.startsWith('//')) return null;
  return { to, permanent: found.permanent };
}

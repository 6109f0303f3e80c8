import { notFound, permanentRedirect, redirect } from 'next/navigation';

import { getRedirectUncached } from '@/lib/data';

/**
 * For addresses anyone can make up (the catch-all, WordPress's `/?p=N`): moves to the Redirect
 * stored for `from`, looked up uncached, or answers 404. A CMS that cannot be reached is a 404 too.
 */
export async function followRedirectOrNotFound(from: string): Promise<never> {
  let moved = null;
  try {
    moved = await getRedirectUncached(from);
  } catch {
    // CMS unavailable: an unknown address is still just not found.
  }
  if (moved) (moved.permanent ? permanentRedirect : redirect)(moved.to);
  notFound();
}

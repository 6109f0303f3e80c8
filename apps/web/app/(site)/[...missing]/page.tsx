import { notFound, permanentRedirect, redirect } from 'next/navigation';

import { getRedirectUncached } from '@/lib/data';

// Unknown URLs get the 404 page inside the site chrome. Rendered per request so arbitrary
// paths never create cache entries.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ missing: string[] }> };

/** An old address with a Redirect (an imported site's URLs, an editor's) moves; the rest is 404. */
export default async function MissingPage({ params }: Props) {
  const { missing } = await params;
  const path = `/${missing.map((segment) => encodeURIComponent(decodeURIComponent(segment))).join('/')}`;
  let moved = null;
  try {
    moved = await getRedirectUncached(path);
  } catch {
    // CMS unavailable: an unknown address is still just not found.
  }
  if (moved) (moved.permanent ? permanentRedirect : redirect)(moved.to);
  notFound();
}

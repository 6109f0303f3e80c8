import { followRedirectOrNotFound } from '@/lib/follow-redirect';

// Unknown URLs get the 404 page inside the site chrome. Rendered per request so arbitrary
// paths never create cache entries.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ missing: string[] }> };

/** An old address with a Redirect (an imported site's URLs, an editor's) moves; the rest is 404. */
export default async function MissingPage({ params }: Props) {
  const { missing } = await params;
  return followRedirectOrNotFound(
    `/${missing.map((segment) => encodeURIComponent(decodeURIComponent(segment))).join('/')}`,
  );
}

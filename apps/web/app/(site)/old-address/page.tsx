import { notFound } from 'next/navigation';

import { followRedirectOrNotFound } from '@/lib/follow-redirect';
import { WORDPRESS_ID_PARAMS } from '@/lib/old-address';

// WordPress's own addresses (`/?p=412`, `/?page_id=7`) arrive here by a rewrite of `/` (next.config.ts):
// an imported site's shared links keep working. Per request: anyone can make these up.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OldAddressPage({ searchParams }: Props) {
  const query = await searchParams;
  const name = WORDPRESS_ID_PARAMS.find((param) => typeof query[param] === 'string' && /^\d{1,12}$/.test(query[param]));
  if (!name) notFound();
  return followRedirectOrNotFound(`/?${name}=${String(query[name])}`);
}

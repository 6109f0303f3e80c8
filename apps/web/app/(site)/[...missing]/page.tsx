import { notFound } from 'next/navigation';

// Unknown URLs get the 404 page inside the site chrome. Rendered per request so arbitrary
// paths never create cache entries.
export const dynamic = 'force-dynamic';

export default function MissingPage(): never {
  notFound();
}

import type { MetadataRoute } from 'next';
import { getSitemapEntries } from '@/lib/data';
import { absoluteUrl } from '@/lib/env';

// Not prerendered at build (the CMS may be down then); the CMS reads behind it are cached and tagged.
export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const entries = await getSitemapEntries();
  return [
    { url: absoluteUrl('/'), changeFrequency: 'daily', priority: 1 },
    ...entries.map((entry) => ({ url: absoluteUrl(entry.path), lastModified: entry.lastModified })),
  ];
}

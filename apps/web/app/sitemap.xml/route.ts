import { getSitemapFiles } from '@/lib/data';
import { absoluteUrl } from '@/lib/env';
import { buildSitemapIndex, sitemapFilePath, XML_HEADERS } from '@/lib/sitemap';

// Built per request from cached CMS reads, so `next build` never needs the CMS.
export const dynamic = 'force-dynamic';

/** The sitemap index robots.txt names: the listings file, then one file per 10,000 articles. */
export async function GET(): Promise<Response> {
  const files = await getSitemapFiles();
  return new Response(buildSitemapIndex(files.map((file) => absoluteUrl(sitemapFilePath(file)))), {
    headers: XML_HEADERS,
  });
}

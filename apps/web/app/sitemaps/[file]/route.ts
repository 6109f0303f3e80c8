import { getSitemapEntries, getSitemapFiles } from '@/lib/data';
import { absoluteUrl } from '@/lib/env';
import { buildUrlset, parseSitemapFile, sitemapFilePath, XML_HEADERS } from '@/lib/sitemap';

export const dynamic = 'force-dynamic';

/** One sitemap file of the index: /sitemaps/pages.xml (home, topics, authors) or /sitemaps/articles-N.xml. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const file = parseSitemapFile((await params).file);
  const listed = file !== null && (await getSitemapFiles()).some((f) => sitemapFilePath(f) === sitemapFilePath(file));
  if (!file || !listed)
    return new Response('No such sitemap file\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const entries = await getSitemapEntries(file);
  const urls = [
    ...(file.kind === 'pages' ? [{ url: absoluteUrl('/') }] : []),
    ...entries.map((entry) => ({ url: absoluteUrl(entry.path), lastModified: entry.lastModified })),
  ];
  return new Response(buildUrlset(urls), { headers: XML_HEADERS });
}

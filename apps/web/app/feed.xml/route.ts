import { getLatestArticles, getSiteSettings } from '@/lib/data';
import { absoluteUrl, siteUrl } from '@/lib/env';
import { copyrightLine } from '@/lib/format';
import { buildRssFeed } from '@/lib/rss';

// Built per request from cached CMS reads, so `next build` never needs the CMS.
export const dynamic = 'force-dynamic';

const FEED_SIZE = 50;

export async function GET(): Promise<Response> {
  const [settings, items] = await Promise.all([getSiteSettings(), getLatestArticles(FEED_SIZE)]);
  const xml = buildRssFeed({
    title: settings.siteName,
    description: settings.defaultSeo.metaDescription ?? `Latest articles from ${settings.siteName}`,
    siteUrl: siteUrl(),
    feedUrl: absoluteUrl('/feed.xml'),
    copyright: copyrightLine(settings.copyrightStartYear, settings.copyrightHolder),
    items,
  });
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=600',
    },
  });
}

import { siteUrl } from '@/lib/env';

// Per request so SITE_URL comes from the running server, not the build machine. A route handler
// rather than robots.ts: Next sends a metadata route rendered per request with `max-age=0`, and
// this file may be kept by any cache for an hour.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  const lines = [
    'User-Agent: *',
    'Allow: /',
    // Search result pages are thin and endless; everything else (including /_next assets and
    // optimized images used for share cards) stays crawlable.
    'Disallow: /search',
    '',
    `Sitemap: ${siteUrl()}/sitemap.xml`,
    '',
  ];
  return new Response(lines.join('\n'), {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'public, max-age=3600, stale-while-revalidate=86400',
    },
  });
}

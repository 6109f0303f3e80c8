import type { MetadataRoute } from 'next';
import { siteUrl } from '@/lib/env';

// Rendered per request so SITE_URL comes from the running server, not the build machine.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    // Search result pages are thin and endless; everything else (including /_next assets and
    // optimized images used for share cards) stays crawlable.
    rules: [{ userAgent: '*', allow: '/', disallow: ['/search'] }],
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}

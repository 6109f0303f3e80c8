import type { NextConfig } from 'next';

type RemotePattern = NonNullable<NonNullable<NextConfig['images']>['remotePatterns']>[number];

/**
 * The image optimizer may fetch uploads from the CMS only: the configured STRAPI_URL plus the
 * local and docker-compose defaults. No other host can be proxied through /_next/image.
 */
const cmsOrigins = [process.env.STRAPI_URL, 'http://localhost:1337', 'http://cms:1337'].flatMap((value) => {
  if (!value) return [];
  try {
    return [new URL(value)];
  } catch {
    return [];
  }
});

const uploadPatterns: RemotePattern[] = [...new Map(cmsOrigins.map((url) => [url.origin, url])).values()].map((url) => ({
  protocol: url.protocol === 'https:' ? 'https' : 'http',
  hostname: url.hostname,
  port: url.port,
  pathname: '/uploads/**',
  search: '',
}));

/**
 * Strapi's Preview shows the site in an iframe inside the admin, so the admin's origin (the CMS's
 * public URL, which in compose differs from the internal STRAPI_URL) may frame the site; nobody
 * else may. Read at build time, like the image hosts above.
 */
const adminOrigin = (() => {
  try {
    return new URL(process.env.CMS_PUBLIC_URL || process.env.STRAPI_URL || 'http://localhost:1337').origin;
  } catch {
    return 'http://localhost:1337';
  }
})();

const nextConfig: NextConfig = {
  // @nourish/content ships TypeScript source, not built JavaScript.
  transpilePackages: ['@nourish/content'],
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    remotePatterns: uploadPatterns,
    // The CMS lives on a private address (localhost, or the `cms` service in compose), which Next 16
    // refuses to fetch by default. Safe here because remotePatterns admits only the CMS's /uploads.
    dangerouslyAllowLocalIP: true,
    // Upload names carry a content hash, so an optimized variant never goes stale.
    minimumCacheTTL: 2_678_400,
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Content-Security-Policy', value: `frame-ancestors 'self' ${adminOrigin}` },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
        ],
      },
    ];
  },
};

export default nextConfig;

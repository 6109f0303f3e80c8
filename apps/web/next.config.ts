import path from 'node:path';
import type { NextConfig } from 'next';
import { HOME_ROUTE } from './lib/home-route';
import { OLD_ADDRESS_ROUTE, WORDPRESS_ID_PARAMS } from './lib/old-address';
import { sharedCacheConfig } from './lib/shared-cache-config';

type RemotePattern = NonNullable<NonNullable<NextConfig['images']>['remotePatterns']>[number];

/**
 * The image optimizer may fetch uploads from one place only. By default that is the CMS's
 * /uploads: the configured STRAPI_URL plus the local and docker-compose defaults. When the CMS
 * stores media in S3-compatible storage, MEDIA_URL (the CMS's S3_PUBLIC_URL) is that place
 * instead, under its path. No other host can be proxied through /_next/image. This file is read at
 * build AND again when the server starts (the optimizer takes its allow-list from the latter), so
 * MEDIA_URL, STRAPI_URL and CMS_PUBLIC_URL must be set at runtime too, to the build's values
 * (the Dockerfile's runtime stage and `pnpm cluster` do).
 */
const parseUrl = (value: string | undefined) => {
  if (!value) return [];
  try {
    return [new URL(value)];
  } catch {
    return [];
  }
};
const mediaUrl = parseUrl(process.env.MEDIA_URL)[0];
if (process.env.MEDIA_URL && !mediaUrl)
  throw new Error(`MEDIA_URL must be an absolute URL, got "${process.env.MEDIA_URL}"`);
const cmsOrigins = mediaUrl
  ? []
  : [process.env.STRAPI_URL, 'http://localhost:1337', 'http://cms:1337'].flatMap(parseUrl);
const uploadOrigins = mediaUrl
  ? [{ url: mediaUrl, pathname: `${mediaUrl.pathname.replace(/\/+$/, '')}/**` }]
  : [...new Map(cmsOrigins.map((url) => [url.origin, url])).values()].map((url) => ({ url, pathname: '/uploads/**' }));

const uploadPatterns: RemotePattern[] = uploadOrigins.map(({ url, pathname }) => ({
  protocol: url.protocol === 'https:' ? 'https' : 'http',
  hostname: url.hostname,
  port: url.port,
  pathname,
  search: '',
}));

/**
 * Strapi's Preview shows the site in an iframe inside the admin, so the admin's origin (the CMS's
 * public URL, which in compose differs from the internal STRAPI_URL) may frame the site; nobody
 * else may. Read at build and at server start, like the image hosts above.
 */
const adminOrigin = (() => {
  try {
    return new URL(process.env.CMS_PUBLIC_URL || process.env.STRAPI_URL || 'http://localhost:1337').origin;
  } catch {
    return 'http://localhost:1337';
  }
})();

/**
 * Content-Security-Policy for every response. Scripts and everything else come from this origin
 * only; images also from data:/blob: and the upload origin, the CMS or MEDIA_URL (SVG and GIF
 * uploads skip the optimizer and load from there directly; everything else comes through
 * /_next/image, which is 'self'). Trade-off: 'unsafe-inline' stays in script-src because the App Router inlines its
 * flight data (`self.__next_f.push(...)`) in every page. Nonces would remove it, but a nonce must
 * differ per response, which makes every page render per request and ends the ISR/CDN caching
 * the site is built on (docs/performance.md). The policy still forbids any foreign script origin,
 * plugins, <base> rewrites, form posts elsewhere and framing by anyone but the admin, and React
 * escapes CMS text, so an injected inline script needs an HTML-injection bug first.
 * style-src needs 'unsafe-inline' for next/image's inline style attributes.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${[...new Set(uploadOrigins.map(({ url }) => url.origin))].join(' ')}`,
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors 'self' ${adminOrigin}`,
].join('; ');

/**
 * HSTS only where the site is served over https, decided per request without middleware: the
 * TLS-terminating proxy in front says so with `X-Forwarded-Proto: https` (browsers ignore HSTS
 * received over plain http anyway, so a forged header gains nothing), and a build whose
 * SITE_URL is https sends it on every response.
 */
const HSTS = { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' };
const siteIsHttps = (process.env.SITE_URL ?? '').startsWith('https://');

/**
 * With REDIS_URL, rendered pages and cached CMS data live in Redis, shared by every instance
 * (cache-handler.mjs); Next's own in-memory layer is off so no instance serves a copy another one
 * has expired. Without it, Next's per-process cache as before. Read when the server starts.
 * (Next loads this file as CommonJS, so __dirname is this directory.)
 */
const sharedCache: Pick<NextConfig, 'cacheHandler' | 'cacheMaxMemorySize'> = sharedCacheConfig()
  ? { cacheHandler: path.join(__dirname, 'cache-handler.mjs'), cacheMaxMemorySize: 0 }
  : {};

const nextConfig: NextConfig = {
  ...sharedCache,
  // @nourish/content ships TypeScript source, not built JavaScript.
  transpilePackages: ['@nourish/content'],
  // Loaded by instrumentation.ts from node_modules as they are (they patch Node's own modules).
  serverExternalPackages: ['@opentelemetry/sdk-node', '@opentelemetry/instrumentation-undici'],
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    remotePatterns: uploadPatterns,
    // The CMS lives on a private address (localhost, or the `cms` service in compose), which Next 16
    // refuses to fetch by default. Safe here because remotePatterns admits only the upload origin.
    dangerouslyAllowLocalIP: true,
    // Upload names carry a content hash, so an optimized variant never goes stale.
    minimumCacheTTL: 2_678_400,
    // Every responsive image lists each of these widths in its srcset, once in the HTML and once
    // in the flight data. The widest layout slot is the 62rem cover: 1920 covers it at 2x, so
    // Next's defaults of 750, 2048 and 3840 only cost bytes.
    deviceSizes: [640, 828, 1080, 1200, 1920],
  },
  // `/` is served by the home page's cacheable route (lib/home-route.ts). A config rewrite, not one
  // in proxy.ts: a proxy rewrite names an absolute URL, which a custom server may take for another
  // origin and fetch over HTTP. WordPress's `/?p=412` goes to the old-address lookup instead.
  rewrites() {
    const oldAddresses = WORDPRESS_ID_PARAMS.map((key) => ({
      source: '/',
      has: [{ type: 'query' as const, key, value: '\\d+' }],
      destination: OLD_ADDRESS_ROUTE,
    }));
    return Promise.resolve({
      beforeFiles: [...oldAddresses, { source: '/', destination: HOME_ROUTE }],
      afterFiles: [],
      fallback: [],
    });
  },
  headers() {
    return Promise.resolve([
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Content-Security-Policy', value: contentSecurityPolicy },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
          ...(siteIsHttps ? [HSTS] : []),
        ],
      },
      ...(siteIsHttps
        ? []
        : [
            {
              source: '/:path*',
              has: [{ type: 'header' as const, key: 'x-forwarded-proto', value: 'https(?:,.*)?' }],
              headers: [HSTS],
            },
          ]),
    ]);
  },
};

export default nextConfig;

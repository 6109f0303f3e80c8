import type { Core } from '@strapi/strapi';

import { s3UploadSettings } from '../src/utils/upload-storage';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  // With S3 uploads the media library's previews load from the bucket's public origin.
  const mediaOrigin = s3UploadSettings(env)?.publicUrl.origin;
  const mediaOrigins = mediaOrigin ? [mediaOrigin] : [];
  const production = env('NODE_ENV', 'development') === 'production';
  const requestLog = env.bool('REQUEST_LOG', !production);
  const jsonLogs = env('LOG_FORMAT', 'pretty') === 'json';
  return [
    // Probes first: nothing else (logging, sessions, rate limits) runs for them.
    'global::probes',
    'global::request-metrics',
    // One log line per request costs about a fifth of the API's throughput (bench/). In production
    // the reverse proxy keeps the access log, so it is off there unless REQUEST_LOG=true. JSON
    // lines (LOG_FORMAT=json) come from request-id, which tags them with the request's id.
    { name: 'global::request-id', config: { accessLog: requestLog && jsonLogs } },
    ...(requestLog && !jsonLogs ? ['strapi::logger'] : []),
    'strapi::errors',
    {
      name: 'strapi::security',
      config: {
        contentSecurityPolicy: {
          useDefaults: true,
          directives: {
            'connect-src': ["'self'", 'https:'],
            'img-src': ["'self'", 'data:', 'blob:', ...mediaOrigins],
            'media-src': ["'self'", 'data:', 'blob:', ...mediaOrigins],
            'frame-src': ["'self'", env('SITE_URL', 'http://localhost:3000')],
            upgradeInsecureRequests: null as null | [],
          },
        },
        // HSTS only when the CMS is served over https (Strapi's default sends it on plain http too,
        // where browsers ignore it): one year, subdomains included.
        hsts: env('PUBLIC_URL', '').startsWith('https://') ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      },
    },
    {
      name: 'strapi::cors',
      config: {
        // The site reads from the server side only; browsers need CORS just for the admin's own origin.
        origin: env.array('CORS_ORIGINS', ['http://localhost:1337', 'http://localhost:3000']),
      },
    },
    {
      name: 'global::public-rate-limit',
      config: {
        enabled: env.bool('PUBLIC_RATE_LIMIT', true),
        perMinute: env.int('PUBLIC_RATE_LIMIT_PER_MINUTE', 120),
        searchPerMinute: env.int('SEARCH_RATE_LIMIT_PER_MINUTE', 30),
        siteToken: env('SITE_API_TOKEN', ''),
      },
    },
    'strapi::query',
    { name: 'global::sql-statement-count', config: { enabled: env.bool('SQL_STATEMENT_COUNT', false) } },
    'global::reject-oversized-pages',
    'global::drafts-need-site-token',
    'global::bounded-public-queries',
    'strapi::body',
    'strapi::session',
    'strapi::favicon',
    'global::uploads-headers',
    'strapi::public',
  ];
};

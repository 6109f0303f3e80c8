// @ts-check
/**
 * The site's Prometheus metrics (prom-client): HTTP requests by route, plus what the app counts
 * (lib/site-metrics.ts), served on a port of their own so the edge and the public never reach
 * them: METRICS_PORT (unset: no endpoint), METRICS_HOST (default 127.0.0.1; 0.0.0.0 in a
 * container, where the port is not published) and METRICS_TOKEN, a bearer token every scrape must
 * carry (required whenever METRICS_PORT is set).
 */
import { createServer } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

import client from 'prom-client';

/** Route patterns, so the label set stays small whatever URLs the public sends. */
const ROUTES = /** @type {const} */ ([
  [/^\/$/, '/'],
  [/^\/articles\/[^/]+$/, '/articles/[slug]'],
  [/^\/topics\/[^/]+(\/page\/\d+)?$/, '/topics/[slug]'],
  [/^\/authors\/[^/]+(\/page\/\d+)?$/, '/authors/[slug]'],
  [/^\/search$/, '/search'],
  [/^\/api\/revalidate$/, '/api/revalidate'],
  [/^\/api\/preview(\/exit)?$/, '/api/preview'],
  [/^\/_next\/image$/, '/_next/image'],
  [/^\/_next\/static\//, '/_next/static'],
  [/^\/(sitemap\.xml|sitemaps\/.+)$/, '/sitemap'],
  [/^\/(feed\.xml|robots\.txt|icon\.svg)$/, '/feeds-and-files'],
  [/^\/_(live|ready)$/, '/_probes'],
]);

/** @param {string} pathname */
export const routeOf = (pathname) => ROUTES.find(([pattern]) => pattern.test(pathname))?.[1] ?? 'other';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createSiteMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'nourish_site_' });
  const counter = (/** @type {string} */ name, /** @type {string} */ help, /** @type {string[]} */ labelNames) =>
    new client.Counter({ name, help, labelNames, registers: [registry] });
  const histogram = (
    /** @type {string} */ name,
    /** @type {string} */ help,
    /** @type {string[]} */ labelNames,
    buckets = SECONDS,
  ) => new client.Histogram({ name, help, labelNames, buckets, registers: [registry] });

  const requests = histogram(
    'nourish_site_http_request_duration_seconds',
    'Site requests by route, method and status',
    ['route', 'method', 'status'],
  );
  /** @type {import('../lib/site-metrics').SiteMetrics} */
  const app = {
    revalidations: counter('nourish_site_revalidations_total', 'Change notifications received, by outcome', [
      'outcome',
    ]),
    edgePurges: counter('nourish_site_edge_purges_total', 'Edge purges sent, by outcome', ['outcome']),
    cmsCalls: counter('nourish_site_cms_calls_total', 'Calls to the CMS, by outcome', ['outcome']),
    cmsCallSeconds: histogram('nourish_site_cms_call_duration_seconds', 'Calls to the CMS', []),
    cacheLookups: counter('nourish_site_cache_lookups_total', "Next's incremental cache lookups, by layer and result", [
      'layer',
      'result',
    ]),
    publishToLiveSeconds: histogram(
      'nourish_site_publish_to_live_seconds',
      'From a change at the CMS to its tags expired at the site and purged at the edge',
      [],
      [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
    ),
  };
  return {
    registry,
    app,
    /** Times one request; call at its start. */
    timeRequest(
      /** @type {import('node:http').IncomingMessage} */ req,
      /** @type {import('node:http').ServerResponse} */ res,
    ) {
      const end = requests.startTimer();
      res.once('finish', () => {
        const pathname = new URL(req.url ?? '/', 'http://site').pathname;
        end({ route: routeOf(pathname), method: req.method ?? 'GET', status: `${String(res.statusCode).charAt(0)}xx` });
      });
    },
  };
}

/** @param {string | undefined} header @param {string} token */
const bearerMatches = (header, token) => {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
};

/**
 * Serves GET /metrics on its own port, or nothing when METRICS_PORT is unset.
 * @param {import('prom-client').Registry} registry
 * @param {Record<string, string | undefined>} env
 */
export function serveMetrics(registry, env = process.env) {
  if (!env.METRICS_PORT) return null;
  const port = Number(env.METRICS_PORT);
  const token = env.METRICS_TOKEN ?? '';
  if (!Number.isInteger(port) || port <= 0)
    throw new Error(`METRICS_PORT must be a port number, got "${env.METRICS_PORT}"`);
  if (token.length < 16) throw new Error('METRICS_PORT is set: set METRICS_TOKEN too (at least 16 characters)');
  const server = createServer((req, res) => {
    if (req.url !== '/metrics' || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    if (!bearerMatches(req.headers.authorization, token)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' }).end(body),
      (error) => res.writeHead(500).end(String(error)),
    );
  });
  server.listen(port, env.METRICS_HOST ?? '127.0.0.1');
  return server;
}

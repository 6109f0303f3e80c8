/**
 * Serves the CMS's metrics on a port of its own, never the public API's: METRICS_PORT (unset: no
 * endpoint), METRICS_HOST (default 127.0.0.1; 0.0.0.0 in a container, where the port is not
 * published) and METRICS_TOKEN, a bearer token every scrape must carry. The site does the same
 * in apps/web/ops/metrics.mjs (plain JavaScript its server loads, so the two cannot share it).
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';

import type { Registry } from 'prom-client';

const bearerMatches = (header: string | undefined, token: string) => {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
};

/** The endpoint's settings, or null when METRICS_PORT is unset; a clear error for bad values. */
export const metricsSettings = (env: Record<string, string | undefined>) => {
  if (!env.METRICS_PORT) return null;
  const port = Number(env.METRICS_PORT);
  const token = env.METRICS_TOKEN ?? '';
  if (!Number.isInteger(port) || port <= 0)
    throw new Error(`METRICS_PORT must be a port number, got "${env.METRICS_PORT}"`);
  if (token.length < 16) throw new Error('METRICS_PORT is set: set METRICS_TOKEN too (at least 16 characters)');
  return { port, host: env.METRICS_HOST ?? '127.0.0.1', token };
};

export const serveMetrics = (
  registry: Registry,
  settings: { port: number; host: string; token: string },
  beforeScrape: () => Promise<void>,
): Server => {
  const server = createServer((req, res) => {
    if (req.url !== '/metrics' || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    if (!bearerMatches(req.headers.authorization, settings.token)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
      return;
    }
    beforeScrape()
      .then(() => registry.metrics())
      .then(
        (body) => res.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' }).end(body),
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
  });
  server.listen(settings.port, settings.host);
  return server;
};

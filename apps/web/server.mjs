// @ts-check
/**
 * The site's production server: `next start` (Next's own request handler, streaming, ISR,
 * headers) plus one thing Next cannot do: answer 503 + Retry-After when the CMS is unavailable.
 * An App Router page cannot set its status and Next answers a failed render with 500, so every
 * request runs in an AsyncLocalStorage context the app marks (lib/availability.ts), and the
 * status line is decided when the headers are written:
 * - a 500 from a render whose CMS calls failed as unavailable (timeout, refused, 5xx) -> 503, with
 *   the page below: Next's document for a failed render is empty until its JavaScript runs;
 * - a page that explains the outage itself (search) -> 503 instead of 200, its body unchanged.
 * Client-side navigations (RSC requests) pass through: the router shows error.tsx for them.
 * Everything else passes through untouched. Before Next, it answers the probes (/_live, /_ready:
 * ops/probes.mjs), times every request for the metrics endpoint (ops/metrics.mjs), which listens
 * on a port of its own, and gives each request its id (X-Request-Id), which the app sends on to
 * the CMS and the edge and which tags every log line (JSON in production: ops/json-logs.mjs). Usage: node server.mjs [-p 3000] [-H 0.0.0.0]
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES } from 'node:http';
import { parseArgs } from 'node:util';

import { jsonLogsWanted, logAccess, logJsonLines } from './ops/json-logs.mjs';
import { createSiteMetrics, serveMetrics } from './ops/metrics.mjs';
import { createProbes } from './ops/probes.mjs';
import { keepOneLocation } from './ops/single-location.mjs';

// As `next start`: the production build, with React's production code (read when Next loads).
process.env.NODE_ENV = 'production';
const { default: next } = await import('next');

/** Seconds a reader or a cache in front should wait before asking again. */
const RETRY_AFTER_SECONDS = 30;

const UNAVAILABLE_PAGE = `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Temporarily unavailable</title>
<style>body{font:1.125rem/1.6 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1.25rem;color:#1d2327;background:#fcfbf8}
@media (prefers-color-scheme:dark){body{color:#e8eaeb;background:#121517}a{color:#8fd1c4}}</style></head>
<body><main><p>Temporary problem</p><h1>This page is not available right now</h1>
<p>Our content service is not answering at the moment. Please try again in a minute.</p>
<p><a href="/">Go to the home page</a></p></main></body></html>
`;

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;

/** @type {import('./lib/availability').SharedAvailability} */
const availability = { requests: new AsyncLocalStorage(), cmsFailedAt: null };

/** A 500 this soon after a CMS call failed as unavailable is taken for the same outage. */
const RECENT_FAILURE_MS = 30_000;
const cmsFailedRecently = () =>
  availability.cmsFailedAt !== null && Date.now() - availability.cmsFailedAt < RECENT_FAILURE_MS;
Object.assign(globalThis, { [Symbol.for('nourish.availability')]: availability });

/**
 * @param {number} status what Next is about to send
 * @param {import('./lib/availability').RequestAvailability} request
 */
const statusToSend = (status, request) => {
  if (status === 500 && (request.cmsUnavailable || cmsFailedRecently())) return 503;
  if (status === 200 && request.answerUnavailable) return 503;
  return status;
};

const jsonLogs = jsonLogsWanted();
if (jsonLogs) logJsonLines(() => availability.requests.getStore()?.requestId);
// REQUEST_LOG=false drops the access lines (the edge's log has every request too).
const accessLog = jsonLogs && process.env.REQUEST_LOG !== 'false';

/** A caller's id when it looks like one (the edge, a test), else a new one: it ends up in logs. */
const requestIdOf = (/** @type {import('node:http').IncomingMessage} */ req) => {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{8,100}$/.test(given) ? given : randomUUID();
};

const metrics = createSiteMetrics();
// The app's counters (lib/site-metrics.ts): the app is bundled apart and reaches them here.
Object.assign(globalThis, { [Symbol.for('nourish.metrics')]: metrics.app });
const metricsServer = serveMetrics(metrics.registry);
const answerProbe = createProbes({
  cmsUrl: process.env.STRAPI_URL || 'http://localhost:1337',
  redisUrl: process.env.REDIS_URL || undefined,
  timeoutMs: Number(process.env.CMS_TIMEOUT_MS ?? 2000),
});

const app = next({ dev: false, dir: import.meta.dirname, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * Decides the status when the head is written. Node writes it through writeHead, also implicitly
 * on the first write()/end(); those are wrapped so the body can be swapped before any of it goes.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {import('./lib/availability').RequestAvailability} request
 */
const answerOutagesWith503 = (req, res, request) => {
  if (req.headers.rsc) return;
  const { writeHead, write, end } = res;
  let replaceBody = false;
  res.writeHead = /** @type {typeof res.writeHead} */ (
    function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
      const sent = statusToSend(status, request);
      if (sent === status) return writeHead.call(res, status, ...rest);
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      // Never kept by a cache: the next request should try the CMS again.
      res.setHeader('Cache-Control', 'no-store');
      if (status === 500 && String(res.getHeader('content-type') ?? 'text/html').startsWith('text/html')) {
        replaceBody = true;
        res.removeHeader('etag');
        // Next's compression has already encoded what it wrote; the page below goes as it is.
        res.removeHeader('content-encoding');
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('content-length', Buffer.byteLength(UNAVAILABLE_PAGE));
      }
      return writeHead.call(res, sent, STATUS_CODES[sent], ...(typeof rest[0] === 'string' ? rest.slice(1) : rest));
    }
  );
  res.write = /** @type {typeof res.write} */ (
    function (/** @type {any[]} */ ...args) {
      if (!res.headersSent) res.writeHead(res.statusCode);
      return replaceBody ? true : write.apply(res, /** @type {any} */ (args));
    }
  );
  res.end = /** @type {typeof res.end} */ (
    function (/** @type {any[]} */ ...args) {
      if (!res.headersSent) res.writeHead(res.statusCode);
      if (!replaceBody) return end.apply(res, /** @type {any} */ (args));
      return end.call(
        res,
        UNAVAILABLE_PAGE,
        args.find((arg) => typeof arg === 'function'),
      );
    }
  );
};

const server = createServer((req, res) => {
  metrics.timeRequest(req, res);
  if (answerProbe(req, res)) return;
  const requestId = requestIdOf(req);
  res.setHeader('X-Request-Id', requestId);
  keepOneLocation(res);
  if (accessLog) logAccess(req, res, requestId);
  /** @type {import('./lib/availability').RequestAvailability} */
  const request = { cmsUnavailable: false, answerUnavailable: false, requestId };
  answerOutagesWith503(req, res, request);
  availability.requests.run(request, () => {
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
});

server.listen(port, hostname, () => {
  console.log(`Site listening on http://${hostname ?? 'localhost'}:${port}`);
});

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    server.close();
    metricsServer?.close();
    process.exit(0);
  });
}

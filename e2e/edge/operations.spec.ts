/**
 * Operations at the edge (issue #17): the probes are not public; a site whose CMS is frozen
 * leaves the edge's rotation by its readiness probe, is still used as the live fallback (it is
 * the only instance), and comes back by itself; the site's metrics endpoint refuses the public
 * and counts what a publish does (revalidation, edge purge, publish-to-live time); one request id
 * follows a page view, and a publish, through both apps' JSON logs; the edge mints the id of a
 * request that came without a valid one; with OpenTelemetry configured, one page view is one trace
 * across both apps.
 */
import { execFileSync } from 'node:child_process';

import { editorApi, paragraphs } from '../fixtures/cms-admin-api';
import { CMS_URL, EDGE_METRICS_PORT, EDGE_WORKDIR, SITE_METRICS_PORT, SITE_METRICS_TOKEN, SITE_URL } from './stack';
import type { ReceivedSpan } from './otlp-receiver';
import { edge, expect, test } from './support';

const METRICS_URL = `http://127.0.0.1:${SITE_METRICS_PORT}/metrics`;

/** Health of each backend as Varnish sees it: { site_1: 'healthy', site_1_alive: 'healthy' }. */
const backendHealth = (): Record<string, string> => {
  const listing = execFileSync('varnishadm', ['-n', EDGE_WORKDIR, 'backend.list'], { encoding: 'utf8' });
  return Object.fromEntries(
    [...listing.matchAll(/^\S*\.(site_\d+(?:_alive)?)\s+\S+\s+\S+\s+(\w+)/gm)].map((m) => [m[1], m[2].toLowerCase()]),
  );
};

const scrape = async (): Promise<string> => {
  const res = await fetch(METRICS_URL, { headers: { authorization: `Bearer ${SITE_METRICS_TOKEN}` } });
  expect(res.status, 'a scrape with the token').toBe(200);
  return res.text();
};

const sample = (text: string, series: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

test('probes and metrics are not public', async ({ stack }) => {
  expect(stack.edge.pid, 'the edge stack is up').toBeGreaterThan(0);
  expect((await edge('/_ready')).status, '/_ready through the edge').toBe(404);
  expect((await edge('/_live')).status, '/_live through the edge').toBe(404);
  expect((await fetch(`${SITE_URL}/_live`)).status, 'the site answers its own probe').toBe(204);
  expect((await edge('/metrics')).status, 'no metrics on the public port').toBe(404);
  expect((await fetch(METRICS_URL)).status, 'a scrape without the token').toBe(401);
});

test('a publish is counted as a revalidation, an edge purge and a publish-to-live time', async ({ stack }) => {
  expect(stack.site.pid, 'the edge stack is up').toBeGreaterThan(0);
  const before = await scrape();
  const api = await editorApi();
  const slug = `edge-metrics-${Date.now().toString(36)}`;
  const { documentId } = await api.createArticle({
    title: `Edge metrics check ${slug}`,
    slug,
    excerpt: 'An article the edge suite publishes to see the site count what follows.',
    coverAlt: 'No cover: a test article',
    body: [paragraphs([{ type: 'text', text: `Body of ${slug}.` }])],
  });
  await api.publish(documentId);
  try {
    const counted = [
      'nourish_site_revalidations_total{outcome="done"}',
      'nourish_site_edge_purges_total{outcome="ok"}',
    ];
    await expect
      .poll(
        async () => {
          const now = await scrape();
          return [...counted, 'nourish_site_publish_to_live_seconds_count'].map(
            (series) => sample(now, series) > sample(before, series),
          );
        },
        { message: 'the revalidation, the purge and the publish-to-live time are counted', timeout: 10_000 },
      )
      .toEqual([true, true, true]);
    const after = await scrape();
    expect(sample(after, 'nourish_site_edge_purges_total{outcome="failed"}')).toBe(
      sample(before, 'nourish_site_edge_purges_total{outcome="failed"}'),
    );
    expect(sample(after, 'nourish_site_cms_calls_total{outcome="ok"}')).toBeGreaterThan(0);
    expect(after).toMatch(
      /nourish_site_http_request_duration_seconds_count\{route="\/api\/revalidate",method="POST",status="2xx"\}/,
    );
  } finally {
    await api.unpublish(documentId);
  }
});

test("the edge's counters reach Prometheus: misses, then hits", async ({ stack }) => {
  expect(stack.edge.pid, 'the edge stack is up').toBeGreaterThan(0);
  const metrics = async () => (await fetch(`http://127.0.0.1:${EDGE_METRICS_PORT}/metrics`)).text();
  const before = await metrics();
  // Varnish's workers add their counts to the shared ones in batches: ask a few times.
  await expect
    .poll(
      async () => {
        // A 404 is cached too: the first request is a miss, the second a hit.
        const path = `/articles/edge-metrics-${Date.now().toString(36)}`;
        await edge(path);
        await edge(path);
        const now = await metrics();
        return ['varnish_main_cache_miss', 'varnish_main_cache_hit'].map(
          (series) => sample(now, series) > sample(before, series),
        );
      },
      { message: 'misses and hits counted', timeout: 20_000 },
    )
    .toEqual([true, true]);
});

test('a site whose CMS is frozen leaves the rotation, is still served as the live fallback, and comes back', async ({
  stack,
}) => {
  test.setTimeout(120_000);
  await expect.poll(backendHealth, { message: 'both probes healthy at first', timeout: 15_000 }).toEqual({
    site_1: 'healthy',
    site_1_alive: 'healthy',
  });
  const page = '/articles/magnesium-glycinate';
  expect((await edge(page)).status).toBe(200);

  stack.cms.signal('SIGSTOP');
  try {
    await expect(
      fetch(`${CMS_URL}/_live`, { signal: AbortSignal.timeout(1500) }),
      'the CMS is frozen',
    ).rejects.toThrow();
    await expect
      .poll(backendHealth, { message: 'out of the ready rotation, still live', timeout: 30_000, intervals: [1000] })
      .toEqual({ site_1: 'sick', site_1_alive: 'healthy' });
    const reply = await edge(page);
    expect(reply.status, 'the page is still served through the live fallback').toBe(200);
  } finally {
    stack.cms.signal('SIGCONT');
  }
  await expect
    .poll(backendHealth, { message: 'back in rotation by itself', timeout: 30_000, intervals: [1000] })
    .toEqual({ site_1: 'healthy', site_1_alive: 'healthy' });
});

type LogLine = Record<string, unknown>;

/** The JSON lines of a process's output (other lines, such as Strapi's boot banner, are skipped). */
const jsonLines = (output: string): LogLine[] =>
  output.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });

/** A service's access lines (`request`) that carry `id`: the site logs `msg`, the CMS `message`. */
const siteAccessLines = (output: string, id: string) =>
  jsonLines(output).filter((l) => l.requestId === id && l.msg === 'request');
const cmsAccessLines = (output: string, id: string) =>
  jsonLines(output).filter((l) => l.requestId === id && l.message === 'request');

test('one page view is followed from the site into the CMS by its request id', async ({ stack }) => {
  const requestId = `e2e-trace-${Date.now().toString(36)}`;
  // Search calls the CMS on every new query.
  const reply = await fetch(`${SITE_URL}/search?q=magnesium+${requestId.slice(-6)}`, {
    headers: { 'x-request-id': requestId },
  });
  expect(reply.status).toBe(200);
  expect(reply.headers.get('x-request-id'), 'the site answers with the id').toBe(requestId);
  await expect
    .poll(() => siteAccessLines(stack.site.output(), requestId).length > 0, {
      message: "the site's access line carries the id",
      timeout: 10_000,
    })
    .toBe(true);
  await expect
    .poll(() => cmsAccessLines(stack.cms.output(), requestId).some((l) => String(l.path).startsWith('/api/')), {
      message: "the CMS's access line for the site's call carries the same id",
      timeout: 10_000,
    })
    .toBe(true);
  const made = await fetch(`${SITE_URL}/robots.txt`);
  expect(made.headers.get('x-request-id'), 'a request without an id gets a new one').toMatch(/^[0-9a-f-]{36}$/);
});

test('the edge gives a request without a valid id one of its own, which the site and the CMS log', async ({
  stack,
}) => {
  const minted = /^edge-[0-9a-f]{8}-\d+$/;
  // A new search is a miss at the edge and reaches the site, whose render calls the CMS.
  const search = (headers: Record<string, string>) =>
    edge(`/search?q=${encodeURIComponent(`sleep ${Date.now().toString(36)}`)}`, headers);
  const without = await search({});
  expect(without.status).toBe(200);
  const id = without.headers.get('x-request-id') ?? '';
  expect(id, 'an id minted by the edge').toMatch(minted);
  await expect
    .poll(() => siteAccessLines(stack.site.output(), id).length > 0, {
      message: "the site's access line carries the edge's id",
      timeout: 10_000,
    })
    .toBe(true);
  await expect
    .poll(() => cmsAccessLines(stack.cms.output(), id).length > 0, {
      message: "and so does the CMS's for the site's call",
      timeout: 10_000,
    })
    .toBe(true);
  const invalid = await search({ 'x-request-id': 'not valid!' });
  const replaced = invalid.headers.get('x-request-id') ?? '';
  expect(replaced, 'an id the site would refuse is replaced').toMatch(minted);
  expect(replaced).not.toBe(id);
  expect((await search({ 'x-request-id': 'caller-id-0123456789' })).headers.get('x-request-id')).toBe(
    'caller-id-0123456789',
  );
  // A copy from the cache answers with this request's id, not the one that fetched it.
  const cached = await edge('/robots.txt');
  const hit = await edge('/robots.txt');
  expect(hit.headers.get('x-edge-cache')).toBe('hit');
  expect(hit.headers.get('x-request-id')).toMatch(minted);
  expect(hit.headers.get('x-request-id')).not.toBe(cached.headers.get('x-request-id'));
});

test('one page view is one OpenTelemetry trace across the site and the CMS', async ({ stack }) => {
  // A word of its own, so this view's spans are told apart: search asks the CMS for every new query.
  const word = `otel${Date.now().toString(36)}`;
  const reply = await fetch(`${SITE_URL}/search?q=${word}`);
  expect(reply.status).toBe(200);
  const mentions = (span: ReceivedSpan) => Object.values(span.attributes).some((value) => value.includes(word));
  const traceOf = () => {
    const cms = stack.otlp.spans.filter((span) => span.service === 'nourish-cms-e2e' && mentions(span));
    const site = stack.otlp.spans.filter((span) => span.service === 'nourish-web-e2e' && mentions(span));
    const shared = cms.find((span) => site.some((other) => other.traceId === span.traceId));
    return shared ? { traceId: shared.traceId, cmsSpan: shared } : undefined;
  };
  await expect
    .poll(() => traceOf() !== undefined, {
      message: "a span of the CMS's answer to the site's search call in the trace of the site's page view",
      timeout: 15_000,
    })
    .toBe(true);
  const trace = traceOf()!;
  const spans = stack.otlp.spans.filter((span) => span.traceId === trace.traceId);
  // The CMS's server span is the child of the site's call (the traceparent it sent), and the trace
  // holds the CMS's own work under it (koa, the database).
  const parent = spans.find((span) => span.spanId === trace.cmsSpan.parentSpanId);
  expect(parent?.service, "the CMS span's parent is a site span").toBe('nourish-web-e2e');
  expect(new Set(spans.map((span) => span.service))).toEqual(new Set(['nourish-web-e2e', 'nourish-cms-e2e']));
  expect(spans.filter((span) => span.service === 'nourish-cms-e2e').length).toBeGreaterThan(1);
});

test("a publish's request id reaches the site's revalidation", async ({ stack }) => {
  const api = await editorApi();
  const slug = `edge-trace-${Date.now().toString(36)}`;
  const { documentId } = await api.createArticle({
    title: `Edge trace check ${slug}`,
    slug,
    excerpt: 'An article the edge suite publishes to follow the change through both apps.',
    coverAlt: 'No cover: a test article',
    body: [paragraphs([{ type: 'text', text: `Body of ${slug}.` }])],
  });
  // The process output kept is a sliding window: tell the new line by its id, not its position.
  const isRevalidation = (l: LogLine) => l.msg === 'request' && l.path === '/api/revalidate' && l.status === 200;
  const seen = new Set(
    jsonLines(stack.site.output())
      .filter(isRevalidation)
      .map((l) => l.requestId),
  );
  await api.publish(documentId);
  try {
    // The site's access line for the CMS's notification carries the id the CMS logged for the
    // publish request (other changes may be notified meanwhile: match by the publish's own line).
    const traced = () => {
      const published = new Set(
        jsonLines(stack.cms.output())
          .filter((l) => l.message === 'request' && String(l.path).includes(`${documentId}/actions/publish`))
          .map((l) => l.requestId),
      );
      return jsonLines(stack.site.output()).some(
        (l) => isRevalidation(l) && !seen.has(l.requestId) && published.has(l.requestId),
      );
    };
    await expect
      .poll(traced, { message: "the site's revalidation carries the publish request's id", timeout: 10_000 })
      .toBe(true);
  } finally {
    await api.unpublish(documentId);
  }
});

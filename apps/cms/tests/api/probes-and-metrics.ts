/**
 * Operations (issue #17): liveness and readiness on the API port, and the metrics endpoint on a
 * port of its own that the public cannot use: it counts requests by route pattern and the site
 * notifications a publish sends.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { exampleEnv } from '../helpers/cms-server';
import { METRICS_TOKEN, type CmsContext } from '../helpers/cms-suite';
import { AdminSession } from '../helpers/http';
import { createTestArticle } from '../helpers/test-article';

type Readiness = { status: string; checks: Record<string, { ok: boolean; detail: string }> };

/** The value of one sample line (`name{labels} value`), 0 when the series does not exist yet. */
const sample = (text: string, series: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

export const probeAndMetricsTests = (ctx: CmsContext) => {
  const scrape = async () => {
    const res = await fetch(ctx.metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    assert.equal(res.status, 200, 'a scrape with the token is answered');
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    return res.text();
  };

  it('answers liveness with 204 and readiness with 200 and what it checked', async () => {
    const live = await fetch(`${ctx.cms.url}/_live`);
    assert.equal(live.status, 204);
    assert.equal(live.headers.get('cache-control'), 'no-store');
    const ready = await fetch(`${ctx.cms.url}/_ready`);
    assert.equal(ready.status, 200);
    const body = (await ready.json()) as Readiness;
    assert.equal(body.status, 'ready');
    assert.deepEqual(Object.keys(body.checks).sort(), ['database', 'storage']);
    assert.ok(body.checks.database?.ok && body.checks.storage?.ok, JSON.stringify(body));
  });

  it('serves no metrics on the public port and refuses a scrape without the right token', async () => {
    assert.equal((await fetch(`${ctx.cms.url}/metrics`)).status, 404, 'not on the API port');
    assert.equal((await fetch(ctx.metricsUrl)).status, 401, 'no token');
    const wrong = await fetch(ctx.metricsUrl, {
      headers: { authorization: `Bearer ${METRICS_TOKEN.replace(/.$/, 'x')}` },
    });
    assert.equal(wrong.status, 401, 'a wrong token of the same length');
    assert.equal((await fetch(ctx.metricsUrl.replace('/metrics', '/other'))).status, 404);
  });

  it('counts requests by route pattern and the site notification a publish sends', async () => {
    const route = 'route="/api/articles",method="GET",status="2xx"';
    const before = await scrape();
    // Its own session: an earlier group may have restarted the CMS on another port.
    const editor = await AdminSession.login(ctx.cms.url, exampleEnv('EDITOR_EMAIL'), exampleEnv('EDITOR_PASSWORD'));
    const { documentId } = await createTestArticle(editor, `metrics-${Date.now()}`);
    await editor.publishArticle(documentId);
    const notified = await ctx.webhook.waitFor((n) => n.body.documentId === documentId);
    assert.ok(
      !Number.isNaN(Date.parse(String(notified.body.changedAt))),
      'the notification says when the change committed',
    );
    const read = await fetch(ctx.api(`/articles?filters[documentId][$eq]=${documentId}&fields[0]=slug`));
    assert.equal(read.status, 200);
    // Delivery runs right after the commit; the retry job is the fallback.
    let after = await scrape();
    const delivered = 'nourish_cms_site_notifications_total{outcome="delivered"}';
    for (
      const deadline = Date.now() + 15_000;
      sample(after, delivered) <= sample(before, delivered) && Date.now() < deadline;
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await scrape();
    }
    assert.ok(sample(after, delivered) > sample(before, delivered), 'the publish notification is counted as delivered');
    const count = `nourish_cms_http_request_duration_seconds_count{${route}}`;
    assert.ok(sample(after, count) > sample(before, count), `${count} grew`);
    assert.doesNotMatch(after, /route="[^"]*(\?|filters)/, 'labels are route patterns, not URLs');
    // The outbox job runs every 5 s; the CMS may have been restarted by an earlier group just now.
    const runs = 'nourish_cms_scheduler_runs_total{task="siteNotificationOutbox",outcome="ok"}';
    for (const deadline = Date.now() + 15_000; sample(after, runs) === 0 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      after = await scrape();
    }
    assert.ok(sample(after, runs) > 0, 'scheduler runs are counted');
  });
};

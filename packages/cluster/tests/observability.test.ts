/**
 * The dashboard and the alerts in infra/observability may only use metrics that exist: every name
 * they query is one the site (apps/web/ops/metrics.mjs) or the CMS (src/observability/cms-metrics.ts)
 * defines, one of prom-client's default metrics under the app's prefix, or Varnish's exporter's. A
 * renamed metric would otherwise leave a silent panel or an alert that never fires.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import client from 'prom-client';
import YAML from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

const defined = (file: string, prefix: string) =>
  [...read(file).matchAll(new RegExp(`'(${prefix}[a-z0-9_]+)'`, 'g'))].map((m) => m[1]);

/** prom-client's default metrics (process, heap, event loop) as each app registers them. */
const defaults = (prefix: string) => {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix });
  return registry.getMetricsAsArray().map((metric) => metric.name);
};

const known = new Set([
  ...defined('apps/web/ops/metrics.mjs', 'nourish_site_'),
  ...defined('apps/cms/src/observability/cms-metrics.ts', 'nourish_cms_'),
  ...defaults('nourish_site_'),
  ...defaults('nourish_cms_'),
]);

/** Metric names in a PromQL expression: identifiers followed by `{`, `[` or a space/paren. */
const metricsIn = (expr: string) => [...expr.matchAll(/\b((?:nourish|varnish)_[a-z0-9_]+)\b/g)].map((m) => m[1]);

const exists = (name: string) => {
  if (name.startsWith('varnish_')) return /^varnish_(main|backend|mgt|sma|lck|mempool)_?[a-z0-9_]*$/.test(name);
  return known.has(name) || known.has(name.replace(/_(bucket|count|sum)$/, ''));
};

type Panel = { title: string; targets: Array<{ expr: string }> };
type Rule = {
  alert: string;
  expr: string;
  for: string;
  labels: { severity: string };
  annotations: { summary: string };
};

describe('observability: dashboard and alerts', () => {
  it('collects the metric names the apps define', () => {
    for (const name of [
      'nourish_site_http_request_duration_seconds',
      'nourish_site_edge_purges_total',
      'nourish_cms_site_notifications_total',
      'nourish_cms_reviews_overdue',
    ]) {
      assert.ok(known.has(name), `${name} is found in the source`);
    }
    assert.equal(exists('nourish_site_not_a_metric_total'), false);
  });

  it('the Grafana dashboard queries only metrics that exist', () => {
    const dashboard = JSON.parse(read('infra/observability/grafana-dashboard.json')) as { panels: Panel[] };
    assert.ok(dashboard.panels.length >= 10);
    for (const panel of dashboard.panels) {
      assert.ok(panel.targets.length > 0, `${panel.title} has a query`);
      for (const { expr } of panel.targets) {
        const names = metricsIn(expr);
        assert.ok(names.length > 0, `${panel.title}: ${expr} names a metric`);
        for (const name of names) assert.ok(exists(name), `${panel.title}: ${name} is not exported by any part`);
      }
    }
  });

  it('every alert is complete and queries only metrics that exist', () => {
    const rules = (
      YAML.parse(read('infra/observability/alerts.yml')) as { groups: Array<{ rules: Rule[] }> }
    ).groups.flatMap((group) => group.rules);
    const names = rules.map((rule) => rule.alert);
    for (const wanted of ['RevalidationFailing', 'ServingStale', 'SiteErrorRate', 'ReviewBacklog']) {
      assert.ok(names.includes(wanted), `the ${wanted} alert the issue asks for`);
    }
    for (const rule of rules) {
      assert.ok(
        rule.for && rule.labels.severity && rule.annotations.summary,
        `${rule.alert} has for, severity and summary`,
      );
      for (const name of metricsIn(rule.expr))
        assert.ok(exists(name), `${rule.alert}: ${name} is not exported by any part`);
    }
  });

  it('Prometheus loads the alerts and scrapes every part', () => {
    const config = YAML.parse(read('infra/observability/prometheus.yml')) as {
      rule_files: string[];
      scrape_configs: Array<{ job_name: string; static_configs: Array<{ targets: string[] }> }>;
    };
    assert.deepEqual(config.rule_files, ['alerts.yml']);
    const targets = config.scrape_configs.flatMap((job) => job.static_configs.flatMap((c) => c.targets));
    const compose = read('docker-compose.yml');
    for (const target of targets) {
      const [service] = target.split(':');
      assert.match(compose, new RegExp(`^  ${service}:`, 'm'), `${target}: a compose service`);
    }
    assert.ok(targets.includes('edge:9131') && targets.includes('web-1:9464') && targets.includes('cms-2:9464'));
  });
});

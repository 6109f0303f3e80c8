/**
 * The CMS's Prometheus metrics (prom-client), one registry per process. Code that counts imports
 * `cmsMetrics`; the endpoint (metrics-endpoint.ts) serves it on a port of its own.
 */
import client from 'prom-client';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const cmsRegistry = new client.Registry();
client.collectDefaultMetrics({ register: cmsRegistry, prefix: 'nourish_cms_' });

export const cmsMetrics = {
  /** Requests by matched route (bounded: route patterns, not URLs), method and status class. */
  requests: new client.Histogram({
    name: 'nourish_cms_http_request_duration_seconds',
    help: 'CMS requests by route, method and status',
    labelNames: ['route', 'method', 'status'],
    buckets: SECONDS,
    registers: [cmsRegistry],
  }),
  /** Change notifications to the site, by outcome: delivered, rejected, failed (will retry), dropped. */
  siteNotifications: new client.Counter({
    name: 'nourish_cms_site_notifications_total',
    help: 'Change notifications sent to the site, by outcome',
    labelNames: ['outcome'],
    registers: [cmsRegistry],
  }),
  /** Scheduler runs by task and outcome (ok, failed). */
  schedulerRuns: new client.Counter({
    name: 'nourish_cms_scheduler_runs_total',
    help: 'Scheduler task runs, by task and outcome',
    labelNames: ['task', 'outcome'],
    registers: [cmsRegistry],
  }),
  /** Live articles whose next medical review date has passed, read at each scrape. */
  reviewsOverdue: new client.Gauge({
    name: 'nourish_cms_reviews_overdue',
    help: 'Published articles past their next medical review date',
    registers: [cmsRegistry],
  }),
  /** Notifications waiting in the outbox (not yet delivered), read at each scrape. */
  outboxPending: new client.Gauge({
    name: 'nourish_cms_outbox_pending',
    help: 'Site notifications not yet delivered',
    registers: [cmsRegistry],
  }),
};

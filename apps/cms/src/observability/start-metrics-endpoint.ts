/**
 * Starts the metrics endpoint when METRICS_PORT is set (metrics-endpoint.ts); src/index.ts closes
 * it when the CMS stops. Gauges that describe the database are read at each scrape, not kept up to date.
 */
import type { Core } from '@strapi/strapi';

import { OUTBOX_TABLE } from '../outbox/outbox-table';
import { utcToday } from '../utils/review-schedule';
import { cmsMetrics, cmsRegistry } from './cms-metrics';
import { metricsSettings, serveMetrics } from './metrics-endpoint';

export const startMetricsEndpoint = (strapi: Core.Strapi) => {
  const settings = metricsSettings(process.env);
  if (!settings) return;
  const knex = strapi.db.connection;
  type Counted = Array<{ n: number | string }>;
  const first = (rows: Counted) => Number(rows[0]?.n ?? 0);
  const server = serveMetrics(cmsRegistry, settings, async () => {
    cmsMetrics.outboxPending.set(first(await knex(OUTBOX_TABLE).count<Counted>({ n: '*' })));
    // The live rows (Strapi 5 keeps the draft and the published version as separate rows).
    const overdue = await knex('articles')
      .whereNotNull('published_at')
      .where('next_review_due', '<', utcToday())
      .count<Counted>({ n: '*' });
    cmsMetrics.reviewsOverdue.set(first(overdue));
  });
  server.on('error', (error) =>
    strapi.log.error(`Metrics endpoint on port ${String(settings.port)}: ${error.message}`),
  );
  strapi.log.info(`Metrics on http://${settings.host}:${String(settings.port)}/metrics (bearer token required)`);
  return server;
};

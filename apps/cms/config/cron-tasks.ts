import type { Core } from '@strapi/strapi';

import { cmsMetrics } from '../src/observability/cms-metrics';
import { deliverDue } from '../src/outbox/outbox-delivery';
import { service } from '../src/utils/services';

type Task = (context: { strapi: Core.Strapi }) => Promise<void>;

/** Counts each run for the metrics endpoint; a failure is counted and rethrown for Strapi to log. */
const counted =
  (name: string, task: Task): Task =>
  async (context) => {
    try {
      await task(context);
      cmsMetrics.schedulerRuns.inc({ task: name, outcome: 'ok' });
    } catch (error) {
      cmsMetrics.schedulerRuns.inc({ task: name, outcome: 'failed' });
      throw error;
    }
  };

export default {
  // Every 5 seconds: scheduled publishes go live within a few seconds of their time.
  articleSchedule: {
    task: counted('articleSchedule', async ({ strapi }: { strapi: Core.Strapi }) => {
      await service(strapi, 'api::article.scheduling').runDue();
    }),
    options: { rule: '*/5 * * * * *' },
  },
  // Every 5 seconds: site notifications their writer did not get through (site down, CMS killed).
  siteNotificationOutbox: {
    task: counted('siteNotificationOutbox', async ({ strapi }: { strapi: Core.Strapi }) => {
      await deliverDue(strapi);
    }),
    options: { rule: '*/5 * * * * *' },
  },
};

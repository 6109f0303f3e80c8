import type { Core } from '@strapi/strapi';

import { deliverDue } from '../src/outbox/outbox-delivery';
import { service } from '../src/utils/services';

export default {
  // Every 5 seconds: scheduled publishes go live within a few seconds of their time.
  articleSchedule: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await service(strapi, 'api::article.scheduling').runDue();
    },
    options: { rule: '*/5 * * * * *' },
  },
  // Every 5 seconds: site notifications their writer did not get through (site down, CMS killed).
  siteNotificationOutbox: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await deliverDue(strapi);
    },
    options: { rule: '*/5 * * * * *' },
  },
};

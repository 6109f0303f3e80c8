import type { Core } from '@strapi/strapi';

import { service } from '../src/utils/services';

export default {
  // Every 5 seconds: scheduled publishes go live within a few seconds of their time.
  articleSchedule: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await service(strapi, 'api::article.scheduling').runDue();
    },
    options: { rule: '*/5 * * * * *' },
  },
};

import type { Core } from '@strapi/strapi';

export default {
  // Every 5 seconds: scheduled publishes go live within a few seconds of their time.
  articleSchedule: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await strapi.service('api::article.scheduling').runDue();
    },
    options: { rule: '*/5 * * * * *' },
  },
};

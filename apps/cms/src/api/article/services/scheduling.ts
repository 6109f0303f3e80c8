/**
 * Scheduled publish and unpublish, run by the CMS cron (config/cron-tasks.ts). Editors set
 * "scheduledPublishAt" / "scheduledUnpublishAt" on the draft; when the time comes the article goes
 * through the document service like a click on Publish, so the site is refreshed the same way.
 */
import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async runDue(now = new Date()) {
    const articles = strapi.db.query(ARTICLE);
    // The schedule lives on the draft row, whichever way it goes.
    const due = async (field: 'scheduledPublishAt' | 'scheduledUnpublishAt') =>
      (await articles.findMany({
        where: { publishedAt: null, [field]: { $lte: now } },
        select: ['documentId'],
        limit: 50,
      })) as Array<{ documentId: string }>;

    const dueToPublish = await due('scheduledPublishAt');
    for (const { documentId } of dueToPublish) {
      // Clear first, so a publish that fails validation is not retried every few seconds.
      await articles.updateMany({ where: { documentId }, data: { scheduledPublishAt: null } });
      try {
        await strapi.documents(ARTICLE).publish({ documentId });
        strapi.log.info(`Scheduled publish of ${documentId}`);
      } catch (error) {
        strapi.log.error(`Scheduled publish of ${documentId} failed: ${(error as Error).message}`);
      }
    }

    const dueToUnpublish = await due('scheduledUnpublishAt');
    for (const { documentId } of dueToUnpublish) {
      await articles.updateMany({ where: { documentId }, data: { scheduledUnpublishAt: null } });
      const live = await articles.count({ where: { documentId, publishedAt: { $notNull: true } } });
      if (live > 0) {
        await strapi.documents(ARTICLE).unpublish({ documentId });
        strapi.log.info(`Scheduled unpublish of ${documentId}`);
      }
    }
    return { published: dueToPublish.length, unpublished: dueToUnpublish.length };
  },
});

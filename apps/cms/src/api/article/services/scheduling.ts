/**
 * Scheduled publish and unpublish, run by the CMS cron (config/cron-tasks.ts) on every CMS
 * instance. Editors set "scheduledPublishAt" / "scheduledUnpublishAt" on the draft; when the time
 * comes the article goes through the document service like a click on Publish, so the site is
 * refreshed the same way.
 *
 * Several instances may see the same due item in the same tick, so each one claims it first: a
 * conditional UPDATE that clears the schedule only while it is still set and due. The database
 * lets exactly one such UPDATE change the row (PostgreSQL re-checks the condition after waiting
 * for the other's row lock; SQLite has one writer), and only the instance that changed it acts.
 */
import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';

type ScheduleField = 'scheduledPublishAt' | 'scheduledUnpublishAt';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const articles = () => strapi.db.query(ARTICLE);

  // The schedule lives on the draft row, whichever way it goes.
  const due = async (field: ScheduleField, now: Date) =>
    (await articles().findMany({
      where: { publishedAt: null, [field]: { $lte: now } },
      select: ['documentId'],
      limit: 50,
    })) as Array<{ documentId: string }>;

  /**
   * True for the one caller whose UPDATE cleared the due schedule. Cleared before acting, so a
   * publish that fails validation is not retried every few seconds.
   */
  const claim = async (field: ScheduleField, documentId: string, now: Date) => {
    const { count } = await articles().updateMany({
      where: { documentId, publishedAt: null, [field]: { $lte: now } },
      data: { [field]: null },
    });
    if (count === 0) return false;
    // The published copy carries the value it was published with; clear it too.
    await articles().updateMany({ where: { documentId, [field]: { $notNull: true } }, data: { [field]: null } });
    return true;
  };

  return {
    async runDue(now = new Date()) {
      let published = 0;
      for (const { documentId } of await due('scheduledPublishAt', now)) {
        if (!(await claim('scheduledPublishAt', documentId, now))) continue;
        published++;
        try {
          await strapi.documents(ARTICLE).publish({ documentId });
          strapi.log.info(`Scheduled publish of ${documentId}`);
        } catch (error) {
          strapi.log.error(`Scheduled publish of ${documentId} failed: ${(error as Error).message}`);
        }
      }

      let unpublished = 0;
      for (const { documentId } of await due('scheduledUnpublishAt', now)) {
        if (!(await claim('scheduledUnpublishAt', documentId, now))) continue;
        unpublished++;
        const live = await articles().count({ where: { documentId, publishedAt: { $notNull: true } } });
        if (live > 0) {
          await strapi.documents(ARTICLE).unpublish({ documentId });
          strapi.log.info(`Scheduled unpublish of ${documentId}`);
        }
      }
      return { published, unpublished };
    },
  };
};

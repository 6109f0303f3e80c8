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
 *
 * The claim and the publish (or unpublish) commit together in one transaction: an instance killed
 * between them leaves the schedule set, the claim's row lock goes with its connection, and the
 * next tick on any instance does the work. A publish the rules refuse is rolled back to a savepoint
 * so the claim still commits: it is logged once, not retried every few seconds.
 */
import type { Core } from '@strapi/strapi';

import { inTransaction } from '../../../utils/db-connection';

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

  /**
   * Claims and acts in one transaction; 'skipped' when another caller has the item. `act` runs in
   * a savepoint: when it throws, its writes are undone and the claim alone commits.
   */
  const claimAndRun = async (field: ScheduleField, documentId: string, now: Date, act: () => Promise<void>) => {
    const outcome = await inTransaction(strapi, async (trx): Promise<'skipped' | 'done' | Error> => {
      if (!(await claim(field, documentId, now))) return 'skipped';
      await trx.raw('SAVEPOINT scheduled_change');
      try {
        await act();
      } catch (error) {
        await trx.raw('ROLLBACK TO SAVEPOINT scheduled_change');
        return error instanceof Error ? error : new Error(String(error));
      }
      await trx.raw('RELEASE SAVEPOINT scheduled_change');
      return 'done';
    });
    // Logged after the commit: a run killed before it leaves no line, and the retry logs once.
    const label = field === 'scheduledPublishAt' ? 'Scheduled publish' : 'Scheduled unpublish';
    if (outcome instanceof Error) strapi.log.error(`${label} of ${documentId} failed: ${outcome.message}`);
    else if (outcome === 'done') strapi.log.info(`${label} of ${documentId}`);
    return outcome !== 'skipped';
  };

  return {
    async runDue(now = new Date()) {
      let published = 0;
      for (const { documentId } of await due('scheduledPublishAt', now)) {
        const claimed = await claimAndRun('scheduledPublishAt', documentId, now, async () => {
          await strapi.documents(ARTICLE).publish({ documentId });
        });
        if (claimed) published++;
      }

      let unpublished = 0;
      for (const { documentId } of await due('scheduledUnpublishAt', now)) {
        const claimed = await claimAndRun('scheduledUnpublishAt', documentId, now, async () => {
          const live = await articles().count({ where: { documentId, publishedAt: { $notNull: true } } });
          if (live > 0) await strapi.documents(ARTICLE).unpublish({ documentId });
        });
        if (claimed) unpublished++;
      }
      return { published, unpublished };
    },
  };
};

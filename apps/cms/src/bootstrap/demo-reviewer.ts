/**
 * Links the demo reviewer account (REVIEWER_EMAIL) to a demo author who is a medical reviewer, so
 * the demo can sign off reviews. Only when no author is linked to that email yet: an admin who
 * moves the link in the content manager keeps their choice.
 */
import type { Core } from '@strapi/strapi';

const AUTHOR = 'api::author.author';
export const DEMO_REVIEWER_AUTHOR = 'amara-okafor';

export const linkDemoReviewer = async (strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env) => {
  const email = env.REVIEWER_EMAIL?.trim().toLowerCase();
  if (!email) return;
  const authors = strapi.db.query(AUTHOR);
  if ((await authors.count({ where: { adminEmail: email } })) > 0) return;
  const author = (await authors.findOne({
    where: { slug: DEMO_REVIEWER_AUTHOR, medicalReviewer: true },
    select: ['id'],
  })) as { id: number } | null;
  if (!author) return;
  await authors.update({ where: { id: author.id }, data: { adminEmail: email } });
  strapi.log.info(`Linked ${email} to the author ${DEMO_REVIEWER_AUTHOR} (medical reviewer)`);
};

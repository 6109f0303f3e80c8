/**
 * Who sees the reviews due (the home-page widget and its route): Editors and medical reviewers,
 * not Authors. No built-in permission splits the roles that way (reviewers do not publish, Authors
 * read and update articles too), so it is an action of its own, in the role editor's settings tab
 * under "Editorial"; Super Admins hold every action.
 */
import type { Core } from '@strapi/strapi';

export const PLAN_REVIEWS = { action: 'api::reviews-due.read' } as const;

type ActionProvider = { registerMany(actions: Array<Record<string, string>>): Promise<void> | void };

export const registerReviewPlanningAction = async (strapi: Core.Strapi) => {
  const { actionProvider } = strapi.service('admin::permission') as unknown as { actionProvider: ActionProvider };
  await actionProvider.registerMany([
    { uid: 'reviews-due.read', section: 'settings', category: 'Editorial', displayName: 'See the reviews due' },
  ]);
};

/**
 * Admin roles for the medical review workflow, made at boot and idempotent:
 * - "Medical reviewer" (created once, then left to admins to adjust): reads and updates articles
 *   (a reviewer fixes a dosage in place), reads authors, topics and the article history, and sees
 *   the reviews due. It does not publish: a sign-off is recorded on the published version by the
 *   sign-off route itself, and what goes live stays the Editors' call.
 * - Editors see the reviews due too (added once if the role lacks it).
 * - Editors and Authors may not set an author's `adminEmail` (the link that makes an admin user a
 *   reviewer): otherwise an Editor could link themselves to a reviewer and sign off. Only Super
 *   Admins (or a role they build) set it. Re-applied at every boot.
 */
import type { Core } from '@strapi/strapi';

import { PLAN_REVIEWS } from '../admin-api/review-planners';

export const REVIEWER_ROLE_CODE = 'nourish-medical-reviewer';

const READ = 'plugin::content-manager.explorer.read';
const UPDATE = 'plugin::content-manager.explorer.update';
const GRANTS: Record<string, string[]> = {
  'api::article.article': [READ, UPDATE],
  'api::author.author': [READ],
  'api::topic.topic': [READ],
  'api::article-history.article-history': [READ],
};

type Permission = { action: string; subject?: string | null; properties?: Record<string, unknown> };
type Action = { actionId: string; section: string };
type RoleService = {
  create(attrs: { name: string; code: string; description: string }): Promise<{ id: number }>;
  addPermissions(roleId: number, permissions: Permission[]): Promise<unknown>;
};
type StoredPermission = { id: number; properties: { fields?: string[] | null } | null };

const REVIEWER_LINK = 'adminEmail';
const AUTHOR_WRITES = ['plugin::content-manager.explorer.create', UPDATE];

/** Takes the reviewer link out of a built-in role's author create/update fields. */
const withoutReviewerLink = async (strapi: Core.Strapi, roleId: number) => {
  const permissions = strapi.db.query('admin::permission');
  const rows = (await permissions.findMany({
    where: { role: { id: roleId }, subject: 'api::author.author', action: { $in: AUTHOR_WRITES } },
    select: ['id', 'properties'],
  })) as StoredPermission[];
  for (const row of rows) {
    const fields = row.properties?.fields;
    if (!fields?.includes(REVIEWER_LINK)) continue;
    await permissions.update({
      where: { id: row.id },
      data: { properties: { ...row.properties, fields: fields.filter((f) => f !== REVIEWER_LINK) } },
    });
  }
};

const reviewerPermissions = (strapi: Core.Strapi): Permission[] => {
  const { actionProvider } = strapi.service('admin::permission') as unknown as {
    actionProvider: { values(): Action[] };
  };
  const actions = actionProvider
    .values()
    .filter((a) => a.section === 'contentTypes' && [READ, UPDATE].includes(a.actionId));
  const contentTypes = strapi.service('admin::content-type') as unknown as {
    getPermissionsWithNestedFields(actions: Action[]): Permission[];
  };
  // Every field of each subject, as Strapi builds the Editor role's permissions.
  return [
    ...contentTypes
      .getPermissionsWithNestedFields(actions)
      .filter((p) => p.subject && GRANTS[p.subject]?.includes(p.action)),
    { action: PLAN_REVIEWS.action },
    // To see an article's images in its edit view.
    { action: 'plugin::upload.read' },
  ];
};

const roleByCode = async (strapi: Core.Strapi, code: string) =>
  (await strapi.db.query('admin::role').findOne({ where: { code }, select: ['id'] })) as { id: number } | null;

export const ensureEditorialRoles = async (strapi: Core.Strapi) => {
  const roles = strapi.service('admin::role') as unknown as RoleService;
  if (!(await roleByCode(strapi, REVIEWER_ROLE_CODE))) {
    const role = await roles.create({
      name: 'Medical reviewer',
      code: REVIEWER_ROLE_CODE,
      description: 'Medical reviewers read and correct articles and sign off their review.',
    });
    await roles.addPermissions(role.id, reviewerPermissions(strapi));
    strapi.log.info('Created the Medical reviewer admin role');
  }
  const editor = await roleByCode(strapi, 'strapi-editor');
  if (editor) {
    const has = await strapi.db
      .query('admin::permission')
      .count({ where: { action: PLAN_REVIEWS.action, role: { id: editor.id } } });
    if (has === 0) await roles.addPermissions(editor.id, [{ action: PLAN_REVIEWS.action }]);
  }
  for (const code of ['strapi-editor', 'strapi-author']) {
    const role = await roleByCode(strapi, code);
    if (role) await withoutReviewerLink(strapi, role.id);
  }
};

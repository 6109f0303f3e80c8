/**
 * Local demo admin accounts, one per built-in role and one medical reviewer, from env. Each is created once, if its email
 * is set and no admin with that email exists; passwords are never overwritten afterwards.
 */
import type { Core } from '@strapi/strapi';

import { REVIEWER_ROLE_CODE } from './editorial-roles';

export const DEMO_ACCOUNTS = [
  { prefix: 'ADMIN', role: 'strapi-super-admin', firstname: 'Site', lastname: 'Admin' },
  { prefix: 'EDITOR', role: 'strapi-editor', firstname: 'Demo', lastname: 'Editor' },
  { prefix: 'AUTHOR', role: 'strapi-author', firstname: 'Demo', lastname: 'Author' },
  { prefix: 'REVIEWER', role: REVIEWER_ROLE_CODE, firstname: 'Demo', lastname: 'Reviewer' },
] as const;

export const ensureAdminUsers = async (strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env) => {
  const users = strapi.service('admin::user') as unknown as {
    exists(where: { email: string }): Promise<boolean>;
    create(attrs: Record<string, unknown>): Promise<unknown>;
  };
  for (const account of DEMO_ACCOUNTS) {
    const email = env[`${account.prefix}_EMAIL`]?.trim().toLowerCase();
    const password = env[`${account.prefix}_PASSWORD`];
    if (!email || !password) continue;
    if (await users.exists({ email })) continue;
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: account.role } })) as {
      id: number;
    } | null;
    if (!role) throw new Error(`Admin role ${account.role} not found`);
    await users.create({
      email,
      password,
      firstname: account.firstname,
      lastname: account.lastname,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    strapi.log.info(`Created ${account.role} admin ${email}`);
  }
};

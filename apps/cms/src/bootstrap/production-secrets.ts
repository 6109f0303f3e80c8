/**
 * In production the CMS refuses to start with a missing, short or example secret, by the rule the
 * site uses too (@nourish/content/production-secrets).
 */
import { findUnsafeSecrets as findUnsafe, unsafeSecretsMessage } from '@nourish/content/production-secrets';

import { DEMO_ACCOUNTS } from './admin-users';

export const SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'SITE_API_TOKEN',
  'PREVIEW_SECRET',
  'REVALIDATE_SECRET',
] as const;

export const findUnsafeSecrets = (env: NodeJS.ProcessEnv): string[] => findUnsafe(SECRETS, env);

export const assertProductionSecrets = (env: NodeJS.ProcessEnv = process.env) => {
  if (env.NODE_ENV !== 'production') return;
  const unsafe = findUnsafeSecrets(env);
  if (unsafe.length > 0) throw new Error(unsafeSecretsMessage(unsafe));
};

/** The local demo logins (src/bootstrap/admin-users.ts); their passwords are in the repository. */
export const DEMO_ACCOUNT_VARIABLES = DEMO_ACCOUNTS.flatMap(({ prefix }) => [`${prefix}_EMAIL`, `${prefix}_PASSWORD`]);

export const findDemoAccountVariables = (env: NodeJS.ProcessEnv): string[] =>
  DEMO_ACCOUNT_VARIABLES.filter((name) => (env[name] ?? '').trim() !== '');

/**
 * In production the CMS refuses to start while any demo account variable is set, rather than
 * create an admin whose password may be the example's: real admins sign up on the first-run screen.
 */
export const assertNoProductionDemoAccounts = (env: NodeJS.ProcessEnv = process.env) => {
  if (env.NODE_ENV !== 'production') return;
  const set = findDemoAccountVariables(env);
  if (set.length > 0) {
    throw new Error(
      `Refusing to start in production with demo account variables set: ${set.join(', ')}. ` +
        "Unset them and create real admin accounts from the admin's first-run screen.",
    );
  }
};

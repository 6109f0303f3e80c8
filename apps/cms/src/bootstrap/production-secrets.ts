/**
 * The example env files ship local-only secrets that all contain "change-me". In production the
 * CMS refuses to start with any of them, or with one missing.
 */
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

export const findUnsafeSecrets = (env: NodeJS.ProcessEnv): string[] =>
  SECRETS.filter((name) => {
    const value = env[name] ?? '';
    return value.trim().length < 16 || value.includes('change-me');
  });

export const assertProductionSecrets = (env: NodeJS.ProcessEnv = process.env) => {
  if (env.NODE_ENV !== 'production') return;
  const unsafe = findUnsafeSecrets(env);
  if (unsafe.length > 0) {
    throw new Error(
      `Refusing to start in production with missing or example secrets: ${unsafe.join(', ')}. ` +
        'Generate real values (e.g. `openssl rand -base64 32`) and set them in the environment.',
    );
  }
};

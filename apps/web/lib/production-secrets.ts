/**
 * The site's secrets, checked when the production server starts (instrumentation.ts), as the CMS
 * checks its own (apps/cms/src/bootstrap/production-secrets.ts): the example env files ship
 * local-only values that all contain "change-me", and a short or missing secret is guessable.
 * Not `server-only`: instrumentation loads before the React server layer exists.
 */
export const SITE_SECRETS = ['PREVIEW_SECRET', 'REVALIDATE_SECRET', 'STRAPI_API_TOKEN'] as const;

export const MIN_SECRET_LENGTH = 16;

export const findUnsafeSecrets = (env: Record<string, string | undefined>): string[] =>
  SITE_SECRETS.filter((name) => {
    const value = env[name] ?? '';
    return value.trim().length < MIN_SECRET_LENGTH || value.includes('change-me');
  });

/**
 * Throws in production when any secret is missing, short or an example; does nothing otherwise.
 * `next start` always runs with NODE_ENV=production, so the local demo command (scripts/demo.sh)
 * opts out with ALLOW_EXAMPLE_SECRETS=true in its own environment; no env file carries it.
 */
export const assertProductionSecrets = (env: Record<string, string | undefined> = process.env): void => {
  if (env.NODE_ENV !== 'production') return;
  const unsafe = findUnsafeSecrets(env);
  if (unsafe.length > 0 && env.ALLOW_EXAMPLE_SECRETS === 'true') {
    console.warn(`ALLOW_EXAMPLE_SECRETS=true: serving with unsafe ${unsafe.join(', ')}. Local use only.`);
    return;
  }
  if (unsafe.length > 0) {
    throw new Error(
      `Refusing to start in production with missing, short or example secrets: ${unsafe.join(', ')}. ` +
        'Generate real values (e.g. `openssl rand -base64 32`) and set them in the environment.',
    );
  }
};

/**
 * For instrumentation.ts: a throwing `register()` is not enough, Next 16 logs "Failed to prepare
 * server" and keeps listening, answering every request with an error. So this exits instead.
 */
export const refuseToStartWithUnsafeSecrets = (env: Record<string, string | undefined> = process.env): void => {
  try {
    assertProductionSecrets(env);
  } catch (error) {
    console.error(`[nourish] ${(error as Error).message}`);
    process.exit(1);
  }
};

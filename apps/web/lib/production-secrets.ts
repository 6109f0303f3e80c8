/**
 * The site's secrets, checked when the production server starts (instrumentation.ts) by the rule
 * the CMS uses too (@nourish/content/production-secrets).
 * Not `server-only`: instrumentation loads before the React server layer exists.
 */
import { findUnsafeSecrets, unsafeSecretsMessage } from '@nourish/content/production-secrets';

export const SITE_SECRETS = ['PREVIEW_SECRET', 'REVALIDATE_SECRET', 'STRAPI_API_TOKEN'] as const;

/**
 * Throws in production when any secret is missing, short or an example; does nothing otherwise.
 * `next start` always runs with NODE_ENV=production, so the local demo command (scripts/demo.sh)
 * opts out with ALLOW_EXAMPLE_SECRETS=true in its own environment; no env file carries it.
 */
export const assertProductionSecrets = (env: Record<string, string | undefined> = process.env): void => {
  if (env.NODE_ENV !== 'production') return;
  const unsafe = findUnsafeSecrets(SITE_SECRETS, env);
  if (unsafe.length > 0 && env.ALLOW_EXAMPLE_SECRETS === 'true') {
    console.warn(`ALLOW_EXAMPLE_SECRETS=true: serving with unsafe ${unsafe.join(', ')}. Local use only.`);
    return;
  }
  if (unsafe.length > 0) throw new Error(unsafeSecretsMessage(unsafe));
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

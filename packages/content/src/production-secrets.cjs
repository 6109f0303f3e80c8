'use strict';
/**
 * The one rule for secrets in production, shared by the CMS (src/bootstrap/production-secrets.ts)
 * and the site (lib/production-secrets.ts): the example env files ship local-only values that all
 * contain "change-me", and a short or missing secret is guessable. Plain CommonJS because the CMS's
 * compiled server requires it at run time (it cannot load TypeScript); the types are in the .d.cts.
 */

const MIN_SECRET_LENGTH = 16;

/** The names among `names` whose value in `env` is missing, short or an example. */
const findUnsafeSecrets = (names, env) =>
  names.filter((name) => {
    const value = env[name] ?? '';
    return value.trim().length < MIN_SECRET_LENGTH || value.includes('change-me');
  });

const unsafeSecretsMessage = (unsafe) =>
  `Refusing to start in production with missing, short or example secrets: ${unsafe.join(', ')}. ` +
  'Generate real values (e.g. `openssl rand -base64 32`) and set them in the environment.';

module.exports = { MIN_SECRET_LENGTH, findUnsafeSecrets, unsafeSecretsMessage };

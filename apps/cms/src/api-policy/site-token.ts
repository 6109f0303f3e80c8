/**
 * "Is this request the reader site?": the one question the content-API policies ask. They run as
 * global middlewares, before Strapi's route authentication, so they cannot read `ctx.state.auth`;
 * they compare the bearer token with SITE_API_TOKEN (the value the CMS stores as the site's API
 * token at boot, src/bootstrap/api-token.ts) in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares a presented value with the site token in constant time (hashing both sides keeps the
 * lengths equal). Built once: the expected digest is computed at boot. Without a configured token,
 * or with nothing presented, nobody is the site.
 */
export const siteTokenMatcher = (siteToken: string | undefined) => {
  const expected = siteToken ? sha256(siteToken) : null;
  return (presented: string | undefined): boolean =>
    expected !== null &&
    typeof presented === 'string' &&
    presented !== '' &&
    timingSafeEqual(sha256(presented), expected);
};

/** The site token as `Authorization: Bearer <token>`: the only credential that reads drafts. */
export const siteTokenCheck = (siteToken: string | undefined) => {
  const matches = siteTokenMatcher(siteToken);
  return (authorization: string | undefined): boolean =>
    typeof authorization === 'string' && matches(/^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1]);
};

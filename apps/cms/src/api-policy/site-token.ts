/**
 * "Is this request the reader site?": the one question the content-API policies ask. They run as
 * global middlewares, before Strapi's route authentication, so they cannot read `ctx.state.auth`;
 * they compare the bearer token with SITE_API_TOKEN (the value the CMS stores as the site's API
 * token at boot, src/bootstrap/api-token.ts) in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Builds the check once: the expected digest is computed from the environment at boot. */
export const siteTokenCheck = (siteToken: string | undefined) => {
  // Without a configured token nobody is the site (hashing both sides keeps lengths equal).
  const expected = siteToken ? sha256(siteToken) : null;
  return (authorization: string | undefined): boolean => {
    if (!expected || typeof authorization !== 'string') return false;
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (!token) return false;
    return timingSafeEqual(sha256(token), expected);
  };
};

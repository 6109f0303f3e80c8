/**
 * Preview tokens: what lets one editor see ONE draft on the site, instead of a global secret that
 * unlocks every draft. A token is `<payload>.<signature>`, both base64url: the payload is JSON
 * naming its use, the document, its status, the article path and an expiry; the signature is
 * HMAC-SHA256 over the encoded payload with PREVIEW_SECRET. Verified in constant time against
 * the current secret on every use, so rotating the secret ends every link and session at once.
 *
 * Two uses, never interchangeable:
 * - `link`: signed by the CMS into the admin's preview URL (apps/cms/src/utils/preview-token.ts
 *   mirrors `signPreviewToken`; tests/preview-token.test.ts pins the two together), valid
 *   PREVIEW_LINK_TTL_SECONDS;
 * - `session`: signed by the site's /api/preview into an HttpOnly cookie once a link checked
 *   out, valid PREVIEW_SESSION_TTL_SECONDS.
 *
 * Pure node:crypto: server-only, like the rest of this package.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long the admin's preview link works after the editor opens the preview. */
export const PREVIEW_LINK_TTL_SECONDS = 10 * 60;
/** How long a preview session (the cookie) lasts after a link was opened. */
export const PREVIEW_SESSION_TTL_SECONDS = 60 * 60;

export type PreviewTokenUse = 'link' | 'session';
export type PreviewStatus = 'draft' | 'published';

export type PreviewClaims = {
  use: PreviewTokenUse;
  documentId: string;
  status: PreviewStatus;
  /** The article's path on the site, `/articles/<slug>`. */
  path: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
};

const ARTICLE_PATH = /^\/articles\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_TOKEN_LENGTH = 1024;

/** `/articles/<slug>` and nothing else: the only pages preview may open. */
export const isArticlePath = (path: string): boolean => path.length <= 170 && ARTICLE_PATH.test(path);

/**
 * A path that stays on this site, or `/`. Takes the already-decoded query value: a leading `//`
 * or `/\` (protocol-relative to another host), any scheme, control characters (browsers drop tab
 * and newline, turning `/\t/evil` into `//evil`) and anything outside plain path characters fall
 * back to the home page.
 */
export const sitePathOrHome = (path: string | null | undefined): string =>
  typeof path === 'string' && path.length <= 300 && /^\/(?![/\\])[A-Za-z0-9\-_/]*$/.test(path) ? path : '/';

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

const signature = (encodedPayload: string, secret: string): string =>
  createHmac('sha256', secret).update(encodedPayload).digest('base64url');

/** Signs claims; `ttlSeconds` from `now` sets the expiry. */
export const signPreviewToken = (
  claims: Omit<PreviewClaims, 'exp'>,
  secret: string,
  ttlSeconds: number,
  now: number = nowSeconds(),
): string => {
  if (!secret) throw new Error('A preview token needs a secret');
  const payload = Buffer.from(JSON.stringify({ ...claims, exp: now + ttlSeconds })).toString('base64url');
  return `${payload}.${signature(payload, secret)}`;
};

const isClaims = (value: unknown): value is PreviewClaims => {
  if (!value || typeof value !== 'object') return false;
  const claims = value as Record<string, unknown>;
  return (
    (claims.use === 'link' || claims.use === 'session') &&
    typeof claims.documentId === 'string' &&
    DOCUMENT_ID.test(claims.documentId) &&
    (claims.status === 'draft' || claims.status === 'published') &&
    typeof claims.path === 'string' &&
    isArticlePath(claims.path) &&
    typeof claims.exp === 'number' &&
    Number.isInteger(claims.exp)
  );
};

/**
 * The token's claims when it was signed with `secret` for `use` and has not expired; otherwise
 * `null` (missing, malformed, tampered, expired, wrong use, or no secret configured).
 */
export const verifyPreviewToken = (
  token: string | null | undefined,
  secret: string | undefined,
  use: PreviewTokenUse,
  now: number = nowSeconds(),
): PreviewClaims | null => {
  if (!token || !secret || token.length > MAX_TOKEN_LENGTH) return null;
  const [payload, presented, ...rest] = token.split('.');
  if (!payload || !presented || rest.length > 0) return null;
  const expected = Buffer.from(signature(payload, secret));
  const given = Buffer.from(presented);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isClaims(claims) || claims.use !== use || claims.exp <= now) return null;
  return { use: claims.use, documentId: claims.documentId, status: claims.status, path: claims.path, exp: claims.exp };
};

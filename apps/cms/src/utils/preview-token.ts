/**
 * Signs the admin's preview link for ONE document: `<payload>.<signature>`, base64url, the
 * signature an HMAC-SHA256 of the encoded payload with PREVIEW_SECRET. The site verifies it with
 * `verifyPreviewToken` in packages/content/src/preview-token.ts; the CMS image does not ship
 * that package, so this is a mirror of its `signPreviewToken`, and
 * packages/content/tests/preview-token.test.ts signs here and verifies there to keep them equal.
 */
import { createHmac } from 'node:crypto';

/** How long the preview link works; the site then holds its own one-hour session. */
export const PREVIEW_LINK_TTL_SECONDS = 10 * 60;

export type PreviewLinkClaims = { documentId: string; status: 'draft' | 'published'; path: string };

export const signPreviewLink = (
  claims: PreviewLinkClaims,
  secret: string,
  now: number = Math.floor(Date.now() / 1000),
): string => {
  if (!secret) throw new Error('PREVIEW_SECRET is not set');
  const payload = Buffer.from(
    JSON.stringify({
      use: 'link',
      documentId: claims.documentId,
      status: claims.status,
      path: claims.path,
      exp: now + PREVIEW_LINK_TTL_SECONDS,
    }),
  ).toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
};

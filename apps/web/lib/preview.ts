/**
 * The preview session: after /api/preview accepted a link signed for one document, an HttpOnly
 * cookie holds a session token for that document only (packages/content/src/preview-token.ts).
 * It is verified against the current PREVIEW_SECRET on every request, so a rotated secret or an
 * expired session shows the published page again.
 */
import 'server-only';
import { PREVIEW_SESSION_TTL_SECONDS, verifyPreviewToken, type PreviewClaims } from '@nourish/content';
import { cookies, draftMode } from 'next/headers';

import { previewSecret } from './secrets';

export const PREVIEW_COOKIE = 'nourish_preview';

/**
 * Like Next's own draft-mode cookie: SameSite=None and Secure outside development, so it is
 * sent inside the admin's preview iframe (another origin); HttpOnly, so page scripts never see it.
 */
export const previewCookieOptions = (maxAge: number = PREVIEW_SESSION_TTL_SECONDS) => {
  const crossSite = process.env.NODE_ENV !== 'development';
  return {
    httpOnly: true,
    secure: crossSite,
    sameSite: crossSite ? ('none' as const) : ('lax' as const),
    path: '/',
    maxAge,
  };
};

/**
 * The document this request may preview, or `null`. Reads cookies only in draft mode: elsewhere
 * that would make every cached (ISR) page render per request.
 */
export const readPreviewSession = async (): Promise<PreviewClaims | null> => {
  if (!(await draftMode()).isEnabled) return null;
  return verifyPreviewToken((await cookies()).get(PREVIEW_COOKIE)?.value, previewSecret(), 'session');
};

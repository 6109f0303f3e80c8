/**
 * GET /api/preview?token=…: Strapi's Preview lands here with a link the CMS signed for ONE
 * document, valid ten minutes (packages/content/src/preview-token.ts). A missing, tampered or
 * expired token (or an old `?secret=` link) gets 401. Otherwise draft mode is enabled, an
 * HttpOnly cookie holds a one-hour session for that document only, and the editor is sent to the
 * article path signed into the token (never one from the query: no open redirect).
 */
import { PREVIEW_SESSION_TTL_SECONDS, signPreviewToken, verifyPreviewToken } from '@nourish/content';
import { cookies, draftMode } from 'next/headers';
import { redirect } from 'next/navigation';

import { PREVIEW_COOKIE, previewCookieOptions } from '@/lib/preview';
import { previewSecret } from '@/lib/secrets';

export async function GET(request: Request): Promise<Response> {
  const secret = previewSecret();
  const link = verifyPreviewToken(new URL(request.url).searchParams.get('token'), secret, 'link');
  if (!link || !secret) {
    return Response.json(
      { error: 'Invalid or expired preview link: open the preview again from the admin' },
      { status: 401, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  const session = signPreviewToken(
    { use: 'session', documentId: link.documentId, status: link.status, path: link.path },
    secret,
    PREVIEW_SESSION_TTL_SECONDS,
  );
  (await draftMode()).enable();
  (await cookies()).set(PREVIEW_COOKIE, session, previewCookieOptions());
  redirect(link.path);
}

/**
 * GET /api/preview?secret=…&path=/articles/slug: Strapi's Preview button lands here. A wrong
 * secret gets 401; only article paths on this site are accepted (no open redirect). Draft mode
 * is then enabled (its cookie is SameSite=None in production, so it works inside the admin's
 * iframe) and the reader is sent to the draft.
 */
import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';

import { previewSecret, secretMatches } from '@/lib/secrets';

const PREVIEWABLE = /^\/articles\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  if (!secretMatches(params.get('secret'), previewSecret())) {
    return Response.json({ error: 'Invalid preview secret' }, { status: 401, headers: { 'Cache-Control': 'no-store' } });
  }
  const path = params.get('path') ?? '';
  if (!PREVIEWABLE.test(path)) {
    return Response.json({ error: 'path must be an article path such as /articles/my-slug' }, { status: 400 });
  }
  (await draftMode()).enable();
  redirect(path);
}

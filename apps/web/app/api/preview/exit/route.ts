/** GET /api/preview/exit?path=/articles/slug: leaves preview and returns to the live page. */
import { sitePathOrHome } from '@nourish/content';
import { cookies, draftMode } from 'next/headers';
import { redirect } from 'next/navigation';

import { PREVIEW_COOKIE, previewCookieOptions } from '@/lib/preview';

export async function GET(request: Request): Promise<Response> {
  (await draftMode()).disable();
  (await cookies()).set(PREVIEW_COOKIE, '', { ...previewCookieOptions(0), expires: new Date(0) });
  // Only paths on this site: "//host", "/\host", tab or newline tricks and schemes go home.
  redirect(sitePathOrHome(new URL(request.url).searchParams.get('path')));
}

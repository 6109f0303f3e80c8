/** GET /api/preview/exit?path=/articles/slug: leaves draft mode and returns to the live page. */
import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';

export async function GET(request: Request): Promise<Response> {
  (await draftMode()).disable();
  const path = new URL(request.url).searchParams.get('path') ?? '/';
  // Only paths on this site: "//host" or "/\host" would leave it.
  redirect(/^\/(?![/\\])[\w\-/]*$/.test(path) ? path : '/');
}

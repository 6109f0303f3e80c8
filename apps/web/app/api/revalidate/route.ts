/**
 * POST /api/revalidate: the CMS's change notification. The secret header is checked in constant
 * time, the body is small and validated, and the tags come from `tagsForChange`, never from the
 * payload. Revalidating the same change twice is harmless. Tags expire at once, so the next
 * request renders fresh content (a stale page is never served after an unpublish).
 */
import { changeNotification, tagsForChange } from '@nourish/content';
import { revalidateTag } from 'next/cache';

import { revalidateSecret, secretMatches } from '@/lib/secrets';

const MAX_BODY_BYTES = 16 * 1024;

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(request: Request): Promise<Response> {
  if (!secretMatches(request.headers.get('x-revalidate-secret'), revalidateSecret())) {
    return json(401, { error: 'Invalid or missing revalidation secret' });
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) return json(413, { error: 'Body too large' });
  const raw = await request.text();
  if (raw.length > MAX_BODY_BYTES) return json(413, { error: 'Body too large' });

  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return json(400, { error: 'Body must be JSON' });
  }
  const parsed = changeNotification.safeParse(body);
  if (!parsed.success) {
    return json(400, { error: 'Not a change notification', issues: parsed.error.issues.map((i) => i.path.join('.')) });
  }
  const tags = tagsForChange(parsed.data);
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  return json(200, { revalidated: tags });
}

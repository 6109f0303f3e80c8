/**
 * POST /api/revalidate: the CMS's change notification. The secret header is checked in constant
 * time, the body is small and validated, and the tags come from `tagsForChange`, never from the
 * payload. Revalidating the same change twice is harmless. Tags expire at once, so the next
 * request renders fresh content (a stale page is never served after an unpublish). Then the same
 * tags are purged at the edge caches (lib/edge/purge.ts); an edge that fails is logged, never
 * turned into an error for the CMS (Next's tags are expired either way).
 */
import { changeNotification, tagsForChange } from '@nourish/content';
import { revalidateTag } from 'next/cache';
import { after } from 'next/server';

import { edgePurgerFromEnv, type EdgePurger } from '@/lib/edge/purge';
import { expireInSharedCache } from '@/lib/shared-cache-expiry';
import { revalidateSecret, secretMatches } from '@/lib/secrets';
import { siteMetrics } from '@/lib/site-metrics';

const MAX_BODY_BYTES = 16 * 1024;

let purger: EdgePurger | undefined;

/** Schedules the edge purge for when the response is done; returns how many edges it goes to. */
function purgeEdgeAfterResponse(tags: string[], changedAt: Date | undefined): number {
  let edge: EdgePurger;
  try {
    edge = purger ??= edgePurgerFromEnv();
  } catch (error) {
    console.error(
      `[revalidate] edge purge not configured correctly: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 0;
  }
  if (edge.edges.length === 0) {
    observePublishToLive(changedAt);
    return 0;
  }
  after(async () => {
    let purged = true;
    for (const result of await edge.purge(tags)) {
      siteMetrics().edgePurges.inc({ outcome: result.ok ? 'ok' : 'failed' });
      if (result.ok)
        console.log(
          `[revalidate] edge ${result.edge}: purged ${result.purged ?? '?'} object(s) for ${tags.length} tag(s)`,
        );
      else {
        purged = false;
        console.error(`[revalidate] edge purge failed at ${result.edge}: ${result.error}`);
      }
    }
    // Live only once every edge has dropped the old page.
    if (purged) observePublishToLive(changedAt);
  });
  return edge.edges.length;
}

function observePublishToLive(changedAt: Date | undefined): void {
  if (changedAt) siteMetrics().publishToLiveSeconds.observe({}, Math.max(0, Date.now() - changedAt.getTime()) / 1000);
}

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(request: Request): Promise<Response> {
  const response = await revalidate(request);
  siteMetrics().revalidations.inc({ outcome: response.ok ? 'done' : response.status < 500 ? 'refused' : 'failed' });
  return response;
}

async function revalidate(request: Request): Promise<Response> {
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
  // Next applies revalidateTag only once this handler has returned, alongside the after()
  // callbacks: the shared cache's expiry is awaited here so the purge cannot beat it (otherwise
  // a reader's request could refill the edge from the old page in Redis meanwhile).
  await expireInSharedCache(tags);
  const changedAt = parsed.data.changedAt ? new Date(parsed.data.changedAt) : undefined;
  const edges = purgeEdgeAfterResponse(tags, changedAt);
  return json(200, { revalidated: tags, edgePurges: edges });
}

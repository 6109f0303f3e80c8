/**
 * Publish-to-live latency: from an editor's Publish (the content-manager call the admin makes)
 * to a reader's first request that shows the new content, at each place readers may be served
 * from (the site; in the scale-out part the edge and each site instance, polled side by side).
 * Baseline, measured in the same runs: the Publish call alone (the CMS's share of the total).
 */
import { adminHeaders, json } from './admin-session';
import { percentile } from './http-load';

type Latency = { p50Ms: number; p95Ms: number; maxMs: number };

export type PublishToLive = {
  runs: number;
  publishCall: { p50Ms: number; p95Ms: number };
  /** Until every place showed the new version. */
  toLive: Latency;
  /** Each place on its own (absent in runs before places were measured). */
  places?: Array<{ place: string } & Latency>;
  /**
   * Places that had not shown a publish after 30 s, with what they answered last (counted as
   * 30 s in the figures above). Absent in runs before it was recorded.
   */
  notLive?: string[];
};

const TIMEOUT_MS = 30_000;

const latency = (samples: number[]): Latency => ({
  p50Ms: percentile(samples, 50),
  p95Ms: percentile(samples, 95),
  maxMs: Math.max(...samples),
});

export async function measurePublishToLive(options: {
  cmsUrl: string;
  /** Where readers are served from, by name: each is polled until it shows the new version. */
  places: Record<string, string>;
  email: string;
  password: string;
  slug: string;
  runs: number;
}): Promise<PublishToLive> {
  const { cmsUrl, places, slug, runs } = options;
  const names = Object.keys(places);
  if (names.length === 0) throw new Error('publish-to-live needs at least one place to poll');
  const articles = `${cmsUrl}/content-manager/collection-types/api::article.article`;
  const auth = await adminHeaders(cmsUrl, options.email, options.password);
  const { data: found } = await json<{ data: Array<{ documentId: string; excerpt: string }> }>(
    await fetch(`${cmsUrl}/api/articles?filters[slug][$eq]=${encodeURIComponent(slug)}&fields[0]=excerpt`),
  );
  if (!found[0]) throw new Error(`no published article "${slug}"`);
  const { documentId, excerpt: original } = found[0];
  // Start from a cached page, as readers would find it.
  for (const url of Object.values(places)) await (await fetch(`${url}/articles/${slug}`)).arrayBuffer();

  const total: number[] = [];
  const perPlace: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const notLive: string[] = [];
  const publishOnly: number[] = [];
  const publish = () =>
    fetch(`${articles}/${documentId}/actions/publish`, { method: 'POST', headers: auth, body: '{}' });
  try {
    for (let run = 1; run <= runs; run++) {
      const marker = `bench-${Date.now().toString(36)}-${run}`;
      const excerpt = `${original.slice(0, 280)} ${marker}`;
      await json(
        await fetch(`${articles}/${documentId}`, { method: 'PUT', headers: auth, body: JSON.stringify({ excerpt }) }),
      );
      const started = performance.now();
      await json(await publish());
      publishOnly.push(performance.now() - started);
      const live = async (name: string) => {
        for (;;) {
          const res = await fetch(`${places[name]}/articles/${slug}`);
          const html = await res.text();
          if (html.includes(marker)) break;
          if (performance.now() - started > TIMEOUT_MS) {
            // Recorded, not thrown: the other places and runs still say something.
            const header = (h: string) => `${h} ${res.headers.get(h) ?? '-'}`;
            notLive.push(
              `run ${run}, ${name}: HTTP ${res.status}, ${['x-edge-cache', 'x-nextjs-cache', 'age', 'cache-control'].map(header).join(', ')}`,
            );
            break;
          }
          await new Promise((r) => setTimeout(r, 25));
        }
        perPlace[name].push(performance.now() - started);
      };
      await Promise.all(names.map(live));
      total.push(performance.now() - started);
    }
  } finally {
    await fetch(`${articles}/${documentId}`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ excerpt: original }),
    });
    await publish();
  }
  return {
    runs,
    publishCall: { p50Ms: percentile(publishOnly, 50), p95Ms: percentile(publishOnly, 95) },
    toLive: latency(total),
    places: names.map((place) => ({ place, ...latency(perPlace[place]) })),
    notLive,
  };
}

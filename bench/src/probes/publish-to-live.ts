/**
 * Publish-to-live latency: from an editor's Publish (the content-manager call the admin makes)
 * to a reader's first request that shows the new content. Baseline, measured in the same runs:
 * the Publish call alone (the CMS's share of the total).
 */
import { percentile } from './http-load';

export type PublishToLive = {
  runs: number;
  publishCall: { p50Ms: number; p95Ms: number };
  toLive: { p50Ms: number; p95Ms: number; maxMs: number };
};

const TIMEOUT_MS = 30_000;

const json = async <T>(res: Response): Promise<T> => {
  if (!res.ok) throw new Error(`${res.url}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
};

export async function measurePublishToLive(options: {
  cmsUrl: string;
  siteUrl: string;
  email: string;
  password: string;
  slug: string;
  runs: number;
}): Promise<PublishToLive> {
  const { cmsUrl, siteUrl, slug, runs } = options;
  const articles = `${cmsUrl}/content-manager/collection-types/api::article.article`;
  // A fresh production CMS has no admin: register the first one, as the admin's first-run screen does.
  const { data: init } = await json<{ data: { hasAdmin: boolean } }>(await fetch(`${cmsUrl}/admin/init`));
  const credentials = { email: options.email, password: options.password };
  const { data: login } = await json<{ data: { token: string } }>(
    await fetch(`${cmsUrl}/admin/${init.hasAdmin ? 'login' : 'register-admin'}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(init.hasAdmin ? credentials : { ...credentials, firstname: 'Bench', lastname: 'Editor' }),
    }),
  );
  const auth = { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
  const { data: found } = await json<{ data: Array<{ documentId: string; excerpt: string }> }>(
    await fetch(`${cmsUrl}/api/articles?filters[slug][$eq]=${encodeURIComponent(slug)}&fields[0]=excerpt`),
  );
  if (!found[0]) throw new Error(`no published article "${slug}"`);
  const { documentId, excerpt: original } = found[0];
  // Start from a cached page, as readers would find it.
  await fetch(`${siteUrl}/articles/${slug}`);

  const total: number[] = [];
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
      for (;;) {
        const html = await (await fetch(`${siteUrl}/articles/${slug}`)).text();
        if (html.includes(marker)) break;
        if (performance.now() - started > TIMEOUT_MS) throw new Error(`run ${run}: not live after ${TIMEOUT_MS} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
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
    toLive: { p50Ms: percentile(total, 50), p95Ms: percentile(total, 95), maxMs: Math.max(...total) },
  };
}

/**
 * Publish-to-live latency: from an editor's Publish (the content-manager call the admin makes)
 * to a reader's first request that shows the new content, over N publishes of one article.
 * Baseline, measured in the same run: the Publish call alone (the CMS's share of the total).
 *
 *   CMS_URL=http://127.0.0.1:1338 SITE_URL=http://127.0.0.1:3100 pnpm --filter @nourish/bench publish-to-live
 *
 * Needs a running CMS (with SITE_URL and REVALIDATE_SECRET set, so it notifies the site) and the
 * production site. Editor credentials default to the local demo ones.
 */
const CMS_URL = process.env.CMS_URL ?? 'http://localhost:1337';
const SITE_URL = process.env.SITE_URL ?? 'http://localhost:3000';
const EMAIL = process.env.EDITOR_EMAIL ?? 'editor@nourish.local';
const PASSWORD = process.env.EDITOR_PASSWORD ?? 'Editor-change-me-1';
const SLUG = process.env.BENCH_SLUG ?? 'magnesium-glycinate';
const RUNS = Number(process.env.RUNS ?? 20);
const TIMEOUT_MS = 30_000;
const ARTICLES = `${CMS_URL}/content-manager/collection-types/api::article.article`;

const json = async <T>(res: Response): Promise<T> => {
  if (!res.ok) throw new Error(`${res.url}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const main = async () => {
  const { data: login } = await json<{ data: { token: string } }>(
    await fetch(`${CMS_URL}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    }),
  );
  const auth = { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
  const { data: found } = await json<{ data: Array<{ documentId: string; excerpt: string }> }>(
    await fetch(`${CMS_URL}/api/articles?filters[slug][$eq]=${SLUG}&fields[0]=excerpt`),
  );
  if (!found[0]) throw new Error(`no published article "${SLUG}"`);
  const { documentId, excerpt: original } = found[0];
  // Warm the page so every run starts from a cached page, as readers would find it.
  await fetch(`${SITE_URL}/articles/${SLUG}`);

  const total: number[] = [];
  const publishOnly: number[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      const marker = `bench-${Date.now().toString(36)}-${run}`;
      await json(await fetch(`${ARTICLES}/${documentId}`, { method: 'PUT', headers: auth, body: JSON.stringify({ excerpt: `${original} ${marker}`.slice(0, 300) }) }));
      const started = performance.now();
      await json(await fetch(`${ARTICLES}/${documentId}/actions/publish`, { method: 'POST', headers: auth, body: '{}' }));
      publishOnly.push(performance.now() - started);
      for (;;) {
        const html = await (await fetch(`${SITE_URL}/articles/${SLUG}`)).text();
        if (html.includes(marker)) break;
        if (performance.now() - started > TIMEOUT_MS) throw new Error(`run ${run}: not live after ${TIMEOUT_MS} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
      total.push(performance.now() - started);
    }
  } finally {
    await fetch(`${ARTICLES}/${documentId}`, { method: 'PUT', headers: auth, body: JSON.stringify({ excerpt: original }) });
    await fetch(`${ARTICLES}/${documentId}/actions/publish`, { method: 'POST', headers: auth, body: '{}' });
  }

  const row = (name: string, values: number[]) =>
    `| ${name} | ${values.length} | ${percentile(values, 50).toFixed(0)} | ${percentile(values, 95).toFixed(0)} | ${Math.max(...values).toFixed(0)} |`;
  console.log(`Publish to live, ${RUNS} publishes of /articles/${SLUG} (${new Date().toISOString()})\n`);
  console.log('| measure | runs | p50 ms | p95 ms | max ms |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(row('Publish call alone (baseline)', publishOnly));
  console.log(row('Publish to page showing it', total));
  console.log(`\np95 ratio to baseline: ${(percentile(total, 95) / percentile(publishOnly, 95)).toFixed(2)}x; target p95 <= 2000 ms: ${percentile(total, 95) <= 2000 ? 'met' : 'MISSED'}`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

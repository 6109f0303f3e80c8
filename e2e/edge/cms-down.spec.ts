/**
 * The CMS frozen (SIGSTOP), then killed for more than 60 s: every URL rendered before stays 200 at
 * the edge, also once its copy has expired (soft-purged each round, so the edge has to ask the
 * site first and fall back on what it has). A URL never rendered gets a 503 with Retry-After
 * within 3 s, never a 500. When the CMS is back, a publish goes live without restarting anything.
 */
import { CMS_URL } from '../fixtures/env';
import { editorApi, paragraphs } from '../fixtures/cms-admin-api';
import { EVERY_PAGE, edge, expect, publicPaths, purge, test, until } from './support';

/** One request per path, all at once; returns those that were not 200. */
async function round(paths: string[], timeoutMs: number): Promise<string[]> {
  const replies = await Promise.all(
    paths.map(async (path) => {
      try {
        const reply = await edge(path, {}, timeoutMs);
        return reply.status === 200 ? null : `${path}: ${reply.status}`;
      } catch (error) {
        return `${path}: ${(error as Error).message}`;
      }
    }),
  );
  return replies.filter((reply): reply is string => reply !== null);
}

test('CMS frozen, then killed for 60 s: cached URLs stay 200 at the edge; a publish works once it is back', async ({
  stack,
}) => {
  test.setTimeout(360_000);
  const paths: string[] = [];
  for (const path of await publicPaths()) if ((await edge(path)).status === 200) paths.push(path);
  expect(paths.length).toBeGreaterThan(30);

  stack.cms.signal('SIGSTOP');
  try {
    await expect(
      fetch(`${CMS_URL}/_health`, { signal: AbortSignal.timeout(1500) }),
      'the CMS is really frozen',
    ).rejects.toThrow();
    expect(await round(paths, 5000), 'frozen CMS, copies fresh').toEqual([]);
    await purge(EVERY_PAGE, 'soft');
    // The site may wait for its CMS timeout before answering (or failing): the edge waits too.
    expect(await round(paths, 30_000), 'frozen CMS, copies expired').toEqual([]);
  } finally {
    stack.cms.signal('SIGCONT');
  }

  await stack.cms.kill();
  const killedAt = Date.now();
  const failures: string[] = [];
  let rounds = 0;
  while (Date.now() - killedAt < 62_000) {
    await purge(EVERY_PAGE, 'soft');
    failures.push(...(await round(paths, 30_000)).map((failure) => `round ${rounds}: ${failure}`));
    rounds++;
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  expect(failures, `${rounds} rounds over ${paths.length} URLs with the CMS dead`).toEqual([]);

  const unknown = await edge(`/articles/never-rendered-${Date.now().toString(36)}`, {}, 10_000);
  expect(unknown.status, 'a page never rendered').toBe(503);
  expect(unknown.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(unknown.ms).toBeLessThan(3000);

  await stack.cms.start();
  const api = await editorApi();
  const slug = `edge-after-outage-${Date.now().toString(36)}`;
  const { documentId } = await api.createArticle({
    title: `After the outage ${slug}`,
    slug,
    excerpt: 'Published once the CMS is back, to show nothing needed a restart.',
    coverAlt: 'No cover: a test article',
    body: [paragraphs([{ type: 'text', text: 'Back.' }])],
  });
  try {
    await api.publish(documentId);
    const ms = await until(
      async () => (await edge(`/articles/${slug}`)).status === 200,
      2000,
      'published after the outage',
    );
    console.log(
      `CMS outage: ${rounds} rounds over ${paths.length} URLs all 200 at the edge; publish after restart live in ${ms} ms`,
    );
  } finally {
    await api.remove(documentId);
  }
});

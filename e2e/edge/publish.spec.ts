/**
 * Publish and unpublish through the edge: the CMS notifies the site (through the edge), the site
 * expires its tags and purges the same tags at the edge. Readers at the edge URL see a published
 * article, and a 404 for an unpublished one, within 2 s of the CMS call returning, even when the
 * edge had cached the page (or its 404) before.
 */
import { editorApi, paragraphs } from '../fixtures/cms-admin-api';
import { edge, expect, test, until } from './support';

const LIVE_WITHIN_MS = 2000;

test('published: live at the edge within 2 s; unpublished: a 404 there within 2 s', async ({ stack }) => {
  expect(stack.cms.pid).toBeGreaterThan(0);
  const api = await editorApi();
  const timings: Array<{ publish: number; listed: number; unpublish: number }> = [];
  for (let round = 0; round < 3; round++) {
    const slug = `edge-live-${Date.now().toString(36)}-${round}`;
    const title = `Edge publish check ${slug}`;
    const { documentId } = await api.createArticle({
      title,
      slug,
      excerpt: 'An article the edge suite publishes and unpublishes to time both at the edge.',
      coverAlt: 'No cover: a test article',
      body: [paragraphs([{ type: 'text', text: `Body of ${slug}.` }])],
    });
    try {
      const path = `/articles/${slug}`;
      // The edge holds the 404 and the home page from before the publish.
      expect((await edge(path)).status).toBe(404);
      expect((await edge(path)).headers.get('x-edge-cache')).toBe('hit');
      await edge('/');
      expect((await edge('/')).headers.get('x-edge-cache')).toBe('hit');

      await api.publish(documentId);
      const publish = await until(
        async () => {
          const reply = await edge(path);
          return reply.status === 200 && reply.text.includes(title);
        },
        LIVE_WITHIN_MS,
        `${path} live at the edge`,
      );
      const listed = await until(
        async () => (await edge('/')).text.includes(title),
        LIVE_WITHIN_MS,
        `${title} on the home page at the edge`,
      );

      // Cached at the edge again before the unpublish.
      await edge(path);
      expect((await edge(path)).headers.get('x-edge-cache')).toBe('hit');
      await api.unpublish(documentId);
      const unpublish = await until(
        async () => (await edge(path)).status === 404,
        LIVE_WITHIN_MS,
        `${path} gone from the edge`,
      );
      await until(
        async () => !(await edge('/')).text.includes(title),
        LIVE_WITHIN_MS,
        `${title} off the home page at the edge`,
      );
      timings.push({ publish, listed, unpublish });
    } finally {
      await api.remove(documentId);
    }
  }
  test.info().annotations.push({ type: 'edge publish-to-live (ms)', description: JSON.stringify(timings) });
  console.log(`edge publish-to-live, listed, unpublish-to-404 (ms): ${JSON.stringify(timings)}`);
});

/** Runs last: restarts the CMS on the same database with the seed enabled. */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { exampleEnv } from '../helpers/cms-server';
import { getJson, send, type One, type Page } from '../helpers/http';
import { TOKEN, type CmsContext } from '../helpers/cms-suite';

export const seedIdempotencyTests = (ctx: CmsContext) => {
  const { api } = ctx;
  it('seeds idempotently: a second start with the seed changes no counts', async () => {
    const counts = async () => {
      const total = async (p: string) => (await getJson<Page<unknown>>(api(p), TOKEN)).body.meta.pagination.total;
      const out = {
        articles: await total('/articles?fields[0]=slug&pagination[pageSize]=1'),
        drafts: await total('/articles?status=draft&fields[0]=slug&pagination[pageSize]=1'),
        topics: await total('/topics?fields[0]=slug&pagination[pageSize]=1'),
        authors: await total('/authors?fields[0]=slug&pagination[pageSize]=1'),
        files: 0,
      };
      const files = await getJson<{ pagination: { total: number } }>(
        `${ctx.cms.url}/upload/files?pageSize=1`,
        await editorToken(),
      );
      out.files = files.body.pagination.total;
      return out;
    };
    const editorToken = async () =>
      (
        await send<One<{ token: string }>>('POST', `${ctx.cms.url}/admin/login`, {
          email: exampleEnv('EDITOR_EMAIL'),
          password: exampleEnv('EDITOR_PASSWORD'),
        })
      ).body.data.token;
    // The article history has no REST route: read what each article page shows of it.
    const histories = async () => {
      const out: Record<string, unknown[]> = {};
      for (const slug of ['magnesium-glycinate', 'vitamin-d-winter', 'iron-deficiency-without-anaemia']) {
        out[slug] = (
          await getJson<{ data: { history: unknown[] } }>(api(`/articles/by-slug/${slug}`))
        ).body.data.history;
      }
      return out;
    };
    const before = await counts();
    const historyBefore = await histories();
    assert.ok(before.articles > 0 && before.files > 0);
    assert.ok(
      Object.values(historyBefore).every((entries) => entries.length >= 3),
      'seeded history',
    );
    await ctx.restart();
    assert.deepEqual(await counts(), before);
    assert.deepEqual(await histories(), historyBefore);
  });
};

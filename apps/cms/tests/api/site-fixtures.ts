/**
 * The committed contract fixtures still match what the CMS returns. Runs first in the suite, on
 * the freshly seeded demo content, before any test changes it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';

import { TOKEN, type CmsContext } from '../helpers/cms-suite';
import {
  captureSiteRoutes,
  fixturePath,
  normalizeFixture,
  orphanFixtures,
  readFixture,
  UPDATE_COMMAND,
} from '../helpers/site-fixtures';

/**
 * Search ranks by the database's own full-text engine (SQLite: FTS5 bm25; PostgreSQL: title and
 * excerpt matches by ts_rank, then body matches by date), and the fixtures are captured on SQLite.
 * On PostgreSQL the search fixture must hold the same results and meta, in any order.
 */
const inAnyOrder = (body: unknown): unknown => {
  const { data, ...rest } = body as { data: Array<{ slug: string }> };
  return { ...rest, data: [...data].sort((a, b) => a.slug.localeCompare(b.slug)) };
};

export const siteFixtureTests = (ctx: CmsContext) => {
  it('every route the site calls answers what its committed fixture says', async () => {
    const live = await captureSiteRoutes(ctx.cms.url, TOKEN);
    assert.ok(live.size >= 16, `only ${live.size} routes`);
    const stale: Array<{ name: string; actual: unknown; expected: unknown }> = [];
    for (const [name, body] of live) {
      assert.ok(fs.existsSync(fixturePath(name)), `${name}.json is missing: run ${UPDATE_COMMAND}`);
      const ordered = ctx.kind === 'postgres' && name.startsWith('search-') ? inAnyOrder : (b: unknown) => b;
      const actual = normalizeFixture(ordered(body));
      const expected = normalizeFixture(ordered(readFixture(name)));
      if (!isDeepStrictEqual(actual, expected)) stale.push({ name, actual, expected });
    }
    const [firstStale] = stale;
    if (firstStale) {
      const names = stale.map((s) => `${s.name}.json`).join(', ');
      assert.deepEqual(firstStale.actual, firstStale.expected, `stale fixtures (${names}): run ${UPDATE_COMMAND}`);
    }
    assert.deepEqual(orphanFixtures(live.keys()), [], `fixtures no route produces any more: run ${UPDATE_COMMAND}`);
  });
};

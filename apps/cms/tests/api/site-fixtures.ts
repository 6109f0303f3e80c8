/**
 * The committed contract fixtures still match what the CMS returns. Runs first in the suite, on
 * the freshly seeded demo content, before any test changes it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { it } from 'node:test';

import { TOKEN, type CmsContext } from '../helpers/cms-suite';
import { captureSiteRoutes, fixturePath, normalizeFixture, orphanFixtures, readFixture, UPDATE_COMMAND } from '../helpers/site-fixtures';

export const siteFixtureTests = (ctx: CmsContext) => {
  it('every route the site calls answers what its committed fixture says', async () => {
    const live = await captureSiteRoutes(ctx.cms.url, TOKEN);
    assert.ok(live.size >= 16, `only ${live.size} routes`);
    for (const [name, body] of live) {
      assert.ok(fs.existsSync(fixturePath(name)), `${name}.json is missing: run ${UPDATE_COMMAND}`);
      assert.deepEqual(normalizeFixture(body), normalizeFixture(readFixture(name)), `${name}.json is stale: run ${UPDATE_COMMAND}`);
    }
    assert.deepEqual(orphanFixtures(live.keys()), [], `fixtures no route produces any more: run ${UPDATE_COMMAND}`);
  });
};

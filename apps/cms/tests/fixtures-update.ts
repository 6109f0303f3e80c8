/**
 * `pnpm --filter @nourish/content fixtures:update`: boots the built CMS on a fresh SQLite database
 * with the demo seed, reads every route the site calls and writes each body to
 * packages/content/tests/fixtures/<name>.json (as read: the check normalises, the files do not).
 */
import fs from 'node:fs';

import { exampleEnv, startCms } from './helpers/cms-server';
import { createTestDatabase } from './helpers/databases';
import { captureSiteRoutes, fixturePath, orphanFixtures } from './helpers/site-fixtures';

const main = async () => {
  const db = await createTestDatabase('sqlite');
  const cms = await startCms({ ...db.env, SEED_DEMO_CONTENT: 'true', PUBLIC_RATE_LIMIT: 'false' });
  try {
    const bodies = await captureSiteRoutes(cms.url, exampleEnv('SITE_API_TOKEN'));
    for (const [name, body] of bodies) fs.writeFileSync(fixturePath(name), `${JSON.stringify(body, null, 2)}\n`);
    for (const file of orphanFixtures(bodies.keys())) fs.rmSync(fixturePath(file.replace(/\.json$/, '')));
    console.log(`Wrote ${bodies.size} fixtures`);
  } finally {
    await cms.stop();
    await db.drop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

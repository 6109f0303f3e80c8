/**
 * HSTS is sent only when the CMS is served over https (PUBLIC_URL), for one year with subdomains;
 * on plain http browsers ignore it, so it is not sent at all.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import { startCms, type CmsServer } from './helpers/cms-server';
import { createTestDatabase, type TestDatabase } from './helpers/databases';

describe('HSTS follows PUBLIC_URL', { timeout: 300_000 }, () => {
  const running: Array<{ cms: CmsServer; db: TestDatabase }> = [];
  const boot = async (publicUrl: string | undefined) => {
    const db = await createTestDatabase('sqlite');
    const cms = await startCms({
      ...db.env,
      SEED_DEMO_CONTENT: 'false',
      ...(publicUrl ? { PUBLIC_URL: publicUrl } : {}),
    });
    running.push({ cms, db });
    return cms;
  };
  after(async () => {
    for (const { cms, db } of running) {
      await cms.stop();
      await db.drop();
    }
  });

  it('sends Strict-Transport-Security for an https PUBLIC_URL', async () => {
    const cms = await boot('https://cms.example.org');
    for (const path of ['/api/redirects', '/admin']) {
      const res = await fetch(`${cms.url}${path}`);
      assert.equal(res.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains', path);
    }
  });

  it('sends none over plain http', async () => {
    const cms = await boot(undefined);
    const res = await fetch(`${cms.url}/api/redirects`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('strict-transport-security'), null);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', 'the other helmet headers stay');
  });
});

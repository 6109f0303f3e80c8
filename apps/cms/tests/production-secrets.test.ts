import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SECRETS, findUnsafeSecrets } from '../src/bootstrap/production-secrets';
import { EXAMPLE_ENV, runCmsExpectingExit } from './helpers/cms-server';

describe('production secrets', () => {
  it('flags every example, short or missing secret', () => {
    assert.deepEqual(findUnsafeSecrets(EXAMPLE_ENV), [...SECRETS], 'every example secret is unsafe');
    const strong = Object.fromEntries(SECRETS.map((k) => [k, `${k.toLowerCase()}-Zq8v2LxP0r7Ty5Nw`]));
    assert.deepEqual(findUnsafeSecrets(strong), []);
    assert.deepEqual(findUnsafeSecrets({ ...strong, JWT_SECRET: 'short' }), ['JWT_SECRET']);
  });

  it('refuses to start the CMS in production with the example secrets', async () => {
    const { code, output } = await runCmsExpectingExit({ NODE_ENV: 'production', DATABASE_FILENAME: ':memory:' });
    assert.notEqual(code, 0);
    assert.match(output, /Refusing to start in production with missing or example secrets: APP_KEYS/);
  });
});

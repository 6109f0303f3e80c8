import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { findUnsafeSecrets } from '../src/bootstrap/production-secrets';
import { EXAMPLE_ENV, runCmsExpectingExit } from './helpers/cms-server';

describe('production secrets', () => {
  it('flags every example, short or missing secret', () => {
    assert.ok(findUnsafeSecrets(EXAMPLE_ENV).length >= 9, 'every example secret is unsafe');
    const strong = Object.fromEntries(
      [
        'APP_KEYS',
        'API_TOKEN_SALT',
        'ADMIN_JWT_SECRET',
        'TRANSFER_TOKEN_SALT',
        'JWT_SECRET',
        'ENCRYPTION_KEY',
        'SITE_API_TOKEN',
      ].map((k) => [k, `${k.toLowerCase()}-Zq8v2LxP0r7Ty5Nw`]),
    );
    assert.deepEqual(findUnsafeSecrets(strong), []);
    assert.deepEqual(findUnsafeSecrets({ ...strong, JWT_SECRET: 'short' }), ['JWT_SECRET']);
  });

  it('refuses to start the CMS in production with the example secrets', async () => {
    const { code, output } = await runCmsExpectingExit({ NODE_ENV: 'production', DATABASE_FILENAME: ':memory:' });
    assert.notEqual(code, 0);
    assert.match(output, /Refusing to start in production with missing or example secrets: APP_KEYS/);
  });
});

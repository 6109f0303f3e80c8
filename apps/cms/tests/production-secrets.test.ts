import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  DEMO_ACCOUNT_VARIABLES,
  SECRETS,
  assertNoProductionDemoAccounts,
  findDemoAccountVariables,
  findUnsafeSecrets,
} from '../src/bootstrap/production-secrets';
import { EXAMPLE_ENV, runCmsExpectingExit } from './helpers/cms-server';

const strong = Object.fromEntries(SECRETS.map((k) => [k, `${k.toLowerCase()}-Zq8v2LxP0r7Ty5Nw`]));
const noDemoAccounts = Object.fromEntries(DEMO_ACCOUNT_VARIABLES.map((k) => [k, '']));

describe('production secrets', () => {
  it('flags every example, short or missing secret', () => {
    assert.deepEqual(findUnsafeSecrets(EXAMPLE_ENV), [...SECRETS], 'every example secret is unsafe');
    assert.deepEqual(findUnsafeSecrets(strong), []);
    assert.deepEqual(findUnsafeSecrets({ ...strong, JWT_SECRET: 'short' }), ['JWT_SECRET']);
  });

  it('refuses to start the CMS in production with the example secrets', async () => {
    const { code, output } = await runCmsExpectingExit({ NODE_ENV: 'production', DATABASE_FILENAME: ':memory:' });
    assert.notEqual(code, 0);
    assert.match(output, /Refusing to start in production with missing, short or example secrets: APP_KEYS/);
  });
});

describe('demo accounts in production', () => {
  it('finds every demo account variable that is set, and only those', () => {
    assert.deepEqual(findDemoAccountVariables(EXAMPLE_ENV), [...DEMO_ACCOUNT_VARIABLES], 'the example sets them all');
    assert.deepEqual(findDemoAccountVariables({ EDITOR_PASSWORD: 'x', ADMIN_EMAIL: '  ' }), ['EDITOR_PASSWORD']);
    assert.doesNotThrow(() => assertNoProductionDemoAccounts({ NODE_ENV: 'development', ...EXAMPLE_ENV }));
    assert.doesNotThrow(() => assertNoProductionDemoAccounts({ NODE_ENV: 'production' }));
    assert.throws(
      () => assertNoProductionDemoAccounts({ NODE_ENV: 'production', AUTHOR_EMAIL: 'author@example.org' }),
      /Refusing to start in production with demo account variables set: AUTHOR_EMAIL\./,
    );
  });

  it('refuses to start the CMS in production with a demo password set, even with real secrets', async () => {
    const { code, output } = await runCmsExpectingExit({
      ...strong,
      ...noDemoAccounts,
      NODE_ENV: 'production',
      DATABASE_FILENAME: ':memory:',
      ADMIN_PASSWORD: 'A-real-looking-password-9',
    });
    assert.notEqual(code, 0);
    assert.match(output, /Refusing to start in production with demo account variables set: ADMIN_PASSWORD\./);
    assert.doesNotMatch(output, /A-real-looking-password-9/, 'the value is never printed');
  });
});

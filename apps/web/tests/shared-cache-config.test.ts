import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { sharedCacheConfig } from '../lib/shared-cache-config';

describe('sharedCacheConfig', () => {
  test('no REDIS_URL (or an empty one) means no shared cache', () => {
    assert.equal(sharedCacheConfig({}), null);
    assert.equal(sharedCacheConfig({ REDIS_URL: '  ' }), null);
  });

  test('REDIS_URL alone gets the defaults', () => {
    assert.deepEqual(sharedCacheConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }), {
      redisUrl: 'redis://127.0.0.1:6379',
      keyPrefix: 'nourish:',
      timeoutMs: 5000,
    });
  });

  test('prefix and timeout are taken as given', () => {
    assert.deepEqual(
      sharedCacheConfig({
        REDIS_URL: 'rediss://cache:6380/2',
        CACHE_KEY_PREFIX: 'site-a:',
        CACHE_REDIS_TIMEOUT_MS: '250',
      }),
      { redisUrl: 'rediss://cache:6380/2', keyPrefix: 'site-a:', timeoutMs: 250 },
    );
  });

  test('bad values stop the start with a message naming the variable', () => {
    assert.throws(() => sharedCacheConfig({ REDIS_URL: 'localhost:6379' }), /REDIS_URL must start with redis:\/\//);
    assert.throws(() => sharedCacheConfig({ REDIS_URL: 'not a url' }), /REDIS_URL is not a URL/);
    assert.throws(() => sharedCacheConfig({ REDIS_URL: 'http://cache:6379' }), /REDIS_URL must start with redis:\/\//);
    assert.throws(
      () => sharedCacheConfig({ REDIS_URL: 'redis://cache', CACHE_KEY_PREFIX: 'has space' }),
      /CACHE_KEY_PREFIX/,
    );
    assert.throws(
      () => sharedCacheConfig({ REDIS_URL: 'redis://cache', CACHE_REDIS_TIMEOUT_MS: '1.5s' }),
      /CACHE_REDIS_TIMEOUT_MS/,
    );
    assert.throws(
      () => sharedCacheConfig({ REDIS_URL: 'redis://cache', CACHE_REDIS_TIMEOUT_MS: '0' }),
      /from 10 to 60000/,
    );
  });
});

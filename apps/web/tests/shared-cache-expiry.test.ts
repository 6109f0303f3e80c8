import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';

import { expireInSharedCache, SHARED_CACHE_EXPIRY_KEY } from '../lib/shared-cache-expiry';

const register = (hook: unknown) => Object.assign(globalThis, { [SHARED_CACHE_EXPIRY_KEY]: hook });

describe('expireInSharedCache', () => {
  afterEach(() => register(undefined));

  test('without a shared cache there is nothing to wait for', async () => {
    await expireInSharedCache(['article:a']);
  });

  test('waits until the shared cache has expired every tag', async () => {
    const expired: string[] = [];
    register(async (tags: string[]) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expired.push(...tags);
    });
    await expireInSharedCache(['article:a', 'topic:b']);
    assert.deepEqual(expired, ['article:a', 'topic:b']);
  });

  test('a failed expiry is logged, not thrown: the edge is purged anyway', async (t) => {
    const logged = t.mock.method(console, 'error', () => undefined);
    register(() => Promise.reject(new Error('Redis revalidateTag: no answer within 50000 ms')));
    await expireInSharedCache(['article:a']);
    assert.equal(logged.mock.callCount(), 1);
    assert.match(String(logged.mock.calls[0]?.arguments[0]), /purging the edge anyway.*no answer/);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { NEXT_DEFAULT_EXPIRE_SECONDS, withStoredLifetime } from '../cache-lifetime.mjs';

const page = (revalidate: number | false | undefined) => ({
  lastModified: 1,
  lifespan: { revalidate },
  value: { kind: 'APP_PAGE' },
});

describe('withStoredLifetime', () => {
  test('a page gets its stored revalidate time as cacheControl, with Next default expiry', () => {
    assert.deepEqual(withStoredLifetime(page(300))?.cacheControl, {
      revalidate: 300,
      expire: NEXT_DEFAULT_EXPIRE_SECONDS,
    });
  });

  test('a page that never revalidates by time says so', () => {
    assert.deepEqual(withStoredLifetime(page(false))?.cacheControl, {
      revalidate: false,
      expire: NEXT_DEFAULT_EXPIRE_SECONDS,
    });
  });

  test('data entries, pages without a lifetime and misses are returned as they are', () => {
    const data = { lifespan: { revalidate: 300 }, value: { kind: 'FETCH' } };
    assert.equal(withStoredLifetime(data), data);
    const unknown = page(undefined);
    assert.equal(withStoredLifetime(unknown), unknown);
    assert.equal(withStoredLifetime(null), null);
    assert.equal(withStoredLifetime(undefined), undefined);
  });

  test('the entry is copied, not changed', () => {
    const entry = page(60);
    const result = withStoredLifetime(entry);
    assert.notEqual(result, entry);
    assert.equal('cacheControl' in entry, false);
    assert.equal(result?.lastModified, 1);
  });
});

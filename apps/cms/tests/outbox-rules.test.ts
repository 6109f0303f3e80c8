import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isAtomicWrite } from '../src/document-middlewares/atomic-writes';
import { backoffMs } from '../src/outbox/outbox-delivery';

describe('site notification retries', () => {
  it('back off exponentially from 5 s and never wait more than 5 minutes', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(backoffMs), [5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000]);
    assert.equal(backoffMs(300), 300_000);
  });
});

describe('atomic document writes', () => {
  it('cover every write of our content types and leave reads and plugins alone', () => {
    for (const action of ['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']) {
      assert.equal(isAtomicWrite('api::article.article', action), true, action);
    }
    assert.equal(isAtomicWrite('api::article.article', 'findMany'), false);
    assert.equal(isAtomicWrite('api::article.article', 'count'), false);
    assert.equal(isAtomicWrite('plugin::upload.file', 'create'), false);
  });
});

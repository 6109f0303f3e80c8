/**
 * The fixture check's normalisation hides exactly what differs between two boots of the same seed,
 * and nothing else (the check itself runs in the API suite: tests/api/site-fixtures.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { normalizeFixture } from './helpers/site-fixtures';

const body = (over: Record<string, unknown> = {}) => ({
  data: [
    {
      id: 7,
      documentId: 'abc',
      title: 'Sleep',
      updatedAt: '2026-12-02T10:54:06.952Z',
      firstPublishedAt: '2026-01-13T08:00:00.000Z',
      cover: { id: 3, url: '/uploads/cover_sleep_aa90146230.webp' },
      ...over,
    },
    { id: 9, documentId: 'abc', title: 'Sleep again' },
  ],
});

describe('fixture normalisation', () => {
  it('ignores ids, documentIds, run timestamps and upload hashes', () => {
    const other = body({
      id: 70,
      documentId: 'xyz',
      updatedAt: '2027-01-01T00:00:00.000Z',
      cover: { id: 30, url: '/uploads/cover_sleep_0123456789.webp' },
    });
    other.data[1]!.id = 90;
    other.data[1]!.documentId = 'xyz';
    assert.deepEqual(normalizeFixture(other), normalizeFixture(body()));
  });

  it('still sees content, dates from the content, and which ids are the same', () => {
    assert.notDeepEqual(normalizeFixture(body({ title: 'Sleep!' })), normalizeFixture(body()));
    assert.notDeepEqual(
      normalizeFixture(body({ firstPublishedAt: '2026-01-14T08:00:00.000Z' })),
      normalizeFixture(body()),
    );
    assert.notDeepEqual(
      normalizeFixture(body({ cover: { id: 3, url: '/uploads/cover_wake_aa90146230.webp' } })),
      normalizeFixture(body()),
    );
    // The two items share a documentId; a body where they differ is another answer.
    assert.notDeepEqual(normalizeFixture(body({ documentId: 'def' })), normalizeFixture(body()));
  });
});

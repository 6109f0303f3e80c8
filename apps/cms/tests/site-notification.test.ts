import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { REFERENCED_BY_LIMIT, capReferencedBy } from '../src/utils/referenced-by';
import { PREVIEW_LINK_TTL_SECONDS, signPreviewLink } from '../src/utils/preview-token';

const slugs = (n: number) => Array.from({ length: n }, (_, i) => `article-${i}`);

describe('change notifications name at most REFERENCED_BY_LIMIT referencing articles', () => {
  it('passes a short list through unflagged', () => {
    assert.deepEqual(capReferencedBy([]), { referencedBy: [], referencedByOverflow: false });
    assert.deepEqual(capReferencedBy(slugs(REFERENCED_BY_LIMIT)), {
      referencedBy: slugs(REFERENCED_BY_LIMIT),
      referencedByOverflow: false,
    });
  });

  it('cuts a longer list and flags the overflow, so the site refreshes every article page', () => {
    const capped = capReferencedBy(slugs(REFERENCED_BY_LIMIT * 40));
    assert.deepEqual(capped.referencedBy, slugs(REFERENCED_BY_LIMIT));
    assert.equal(capped.referencedByOverflow, true);
  });
});

describe('preview links', () => {
  it('sign one document, its status, path and a ten-minute expiry, never the secret itself', () => {
    const secret = 'preview-secret-for-tests-0123456789';
    const token = signPreviewLink(
      { documentId: 'abc123', status: 'draft', path: '/articles/iron-basics' },
      secret,
      1_800_000_000,
    );
    assert.equal(token.includes(secret), false);
    const [payload, signature] = token.split('.');
    assert.match(signature ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')), {
      use: 'link',
      documentId: 'abc123',
      status: 'draft',
      path: '/articles/iron-basics',
      exp: 1_800_000_000 + PREVIEW_LINK_TTL_SECONDS,
    });
    assert.throws(() => signPreviewLink({ documentId: 'abc123', status: 'draft', path: '/articles/x' }, ''));
  });
});

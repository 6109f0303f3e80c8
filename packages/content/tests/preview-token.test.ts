import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';

import {
  PREVIEW_LINK_TTL_SECONDS,
  PREVIEW_SESSION_TTL_SECONDS,
  isArticlePath,
  signPreviewToken,
  sitePathOrHome,
  verifyPreviewToken,
  type PreviewClaims,
} from '../src/preview-token';
// The CMS signs the admin's preview links with its own mirror of `signPreviewToken` (its image
// does not ship this package): sign there, verify here.
import {
  PREVIEW_LINK_TTL_SECONDS as CMS_LINK_TTL_SECONDS,
  signPreviewLink,
} from '../../../apps/cms/src/utils/preview-token';

const SECRET = 'preview-secret-for-tests-0123456789';
const NOW = 1_800_000_000;
const link = {
  use: 'link',
  documentId: 'e31ul2mfq3hzlpne5gjv2pbp',
  status: 'draft',
  path: '/articles/magnesium-glycinate',
} as const;

const decode = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const signRaw = (payload: string, secret = SECRET) =>
  `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;

describe('preview tokens', () => {
  it('round-trips the claims of one document, with its expiry', () => {
    const token = signPreviewToken(link, SECRET, PREVIEW_LINK_TTL_SECONDS, NOW);
    assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/, 'base64url payload and a SHA-256 signature');
    const claims = verifyPreviewToken(token, SECRET, 'link', NOW + 1);
    assert.deepEqual(claims, { ...link, exp: NOW + PREVIEW_LINK_TTL_SECONDS } satisfies PreviewClaims);
  });

  it('links last ten minutes and sessions one hour', () => {
    assert.equal(PREVIEW_LINK_TTL_SECONDS, 600);
    assert.equal(PREVIEW_SESSION_TTL_SECONDS, 3600);
  });

  it('refuses an expired token, at and after its expiry', () => {
    const token = signPreviewToken(link, SECRET, 600, NOW);
    assert.ok(verifyPreviewToken(token, SECRET, 'link', NOW + 599));
    assert.equal(verifyPreviewToken(token, SECRET, 'link', NOW + 600), null);
    assert.equal(verifyPreviewToken(token, SECRET, 'link', NOW + 10_000), null);
  });

  it('refuses a token signed with another (e.g. rotated) secret, or when no secret is set', () => {
    const token = signPreviewToken(link, SECRET, 600, NOW);
    assert.equal(verifyPreviewToken(token, 'a-new-rotated-secret-0123456789', 'link', NOW), null);
    assert.equal(verifyPreviewToken(token, undefined, 'link', NOW), null);
    assert.equal(verifyPreviewToken(token, '', 'link', NOW), null);
    assert.throws(() => signPreviewToken(link, '', 600, NOW));
  });

  it('refuses any change to the payload: another document, path, status or a later expiry', () => {
    const token = signPreviewToken(link, SECRET, 600, NOW);
    const signatureOnly = token.split('.')[1];
    const claims = decode(token);
    const changes: Array<Record<string, unknown>> = [
      { documentId: 'zzzzzzzzzzzzzzzzzzzzzzzz' },
      { path: '/articles/someone-elses-draft' },
      { status: 'published' },
      { exp: NOW + 999_999 },
      { use: 'session' },
    ];
    for (const change of changes) {
      const forged = `${encode({ ...claims, ...change })}.${signatureOnly}`;
      assert.equal(verifyPreviewToken(forged, SECRET, 'link', NOW), null, JSON.stringify(change));
      assert.equal(verifyPreviewToken(forged, SECRET, 'session', NOW), null, JSON.stringify(change));
    }
  });

  it('refuses malformed tokens', () => {
    const token = signPreviewToken(link, SECRET, 600, NOW);
    const [payload, signature] = token.split('.') as [string, string];
    const bad = [
      '',
      null,
      undefined,
      payload,
      `${payload}.`,
      `.${signature}`,
      `${token}.extra`,
      `${payload}.${signature.slice(0, -1)}`,
      `${payload}.${signature}A`,
      `${payload}.${Buffer.from(signature).toString('hex')}`,
      'x'.repeat(5000),
      // A correct signature over something that is not JSON, or not our claims.
      signRaw(Buffer.from('not json').toString('base64url')),
      signRaw(encode(['link'])),
      signRaw(encode({ ...link, exp: 'tomorrow' })),
      signRaw(encode({ ...link, exp: NOW + 60, path: '//evil.example' })),
      signRaw(encode({ ...link, exp: NOW + 60, path: '/admin' })),
      signRaw(encode({ ...link, exp: NOW + 60, documentId: '../x' })),
      signRaw(encode({ ...link, exp: NOW + 60, status: 'modified' })),
    ];
    for (const value of bad)
      assert.equal(verifyPreviewToken(value, SECRET, 'link', NOW), null, String(value).slice(0, 60));
  });

  it('keeps links and sessions apart', () => {
    const linkToken = signPreviewToken(link, SECRET, 600, NOW);
    const sessionToken = signPreviewToken({ ...link, use: 'session' }, SECRET, 3600, NOW);
    assert.equal(verifyPreviewToken(linkToken, SECRET, 'session', NOW), null);
    assert.equal(verifyPreviewToken(sessionToken, SECRET, 'link', NOW), null);
    assert.equal(verifyPreviewToken(sessionToken, SECRET, 'session', NOW)?.use, 'session');
  });
});

describe('the CMS signer and the site verifier agree', () => {
  it('a link signed by the CMS verifies on the site, for ten minutes, with the same claims', () => {
    const claims = {
      documentId: 'e31ul2mfq3hzlpne5gjv2pbp',
      status: 'draft',
      path: '/articles/magnesium-glycinate',
    } as const;
    const token = signPreviewLink(claims, SECRET, NOW);
    assert.deepEqual(verifyPreviewToken(token, SECRET, 'link', NOW), { use: 'link', ...claims, exp: NOW + 600 });
    assert.equal(verifyPreviewToken(token, SECRET, 'link', NOW + 600), null);
    assert.equal(verifyPreviewToken(token, `${SECRET}-rotated`, 'link', NOW), null);
    assert.equal(verifyPreviewToken(token, SECRET, 'session', NOW), null, 'a link is not a session');
  });

  it('both sides produce the same token for the same claims', () => {
    const claims = { documentId: 'abc123', status: 'published', path: '/articles/iron-basics' } as const;
    assert.equal(
      signPreviewLink(claims, SECRET, NOW),
      signPreviewToken({ use: 'link', ...claims }, SECRET, PREVIEW_LINK_TTL_SECONDS, NOW),
    );
    assert.equal(CMS_LINK_TTL_SECONDS, PREVIEW_LINK_TTL_SECONDS);
  });
});

describe('isArticlePath', () => {
  it('accepts article paths only', () => {
    assert.equal(isArticlePath('/articles/magnesium-glycinate'), true);
    for (const path of [
      '/',
      '/articles/',
      '/articles/../admin',
      '/articles/a/b',
      '//evil.example/articles/x',
      'https://evil.example/articles/x',
      '/articles/A',
      '/articles/x?y=1',
      '/topics/sleep',
    ]) {
      assert.equal(isArticlePath(path), false, path);
    }
  });
});

describe('sitePathOrHome (no open redirect)', () => {
  it('keeps plain paths on this site', () => {
    for (const path of ['/', '/articles/magnesium-glycinate', '/topics/sleep', '/search'])
      assert.equal(sitePathOrHome(path), path);
  });

  // Each as the route sees it: URLSearchParams has already decoded one level of %-encoding.
  const hostile = [
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%2F%2Fevil.example', // double-encoded: %252F%252F in the URL
    '%2F%2Fevil.example',
    '/%5Cevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '\t//evil.example',
    ' //evil.example',
    'https://evil.example',
    'http:evil.example',
    'javascript:alert(1)',
    '//evil.example/articles/x',
    '/./\\evil.example',
    '/articles/x?next=//evil',
    '/articles/x#//evil',
    '/articles/x@evil.example',
    'evil.example',
    '',
    null,
    undefined,
    `/${'a'.repeat(400)}`,
  ];
  for (const path of hostile) {
    it(`sends ${JSON.stringify(path)} home`, () => {
      assert.equal(sitePathOrHome(path), '/');
    });
  }

  it('every decoding of the classic payloads stays on the site', () => {
    for (const raw of [
      '%2F%2Fevil',
      '%2F%5Cevil',
      '/%5Cevil',
      '/%09/evil',
      '/%0A/evil',
      '%2F%09%2Fevil',
      'https%3A%2F%2Fevil',
    ]) {
      const once = new URLSearchParams(`path=${raw}`).get('path');
      assert.equal(sitePathOrHome(once), '/', raw);
      // The resulting Location, resolved against the site, is on the site.
      assert.equal(new URL(sitePathOrHome(once), 'https://site.example').origin, 'https://site.example', raw);
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isExternalHref, safeHref } from '../src/safe-href';

describe('safeHref', () => {
  const refused = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    '\u200bjavascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
    'javascript&colon;alert(1)',
    '&amp;#106;avascript:alert(1)',
    '%6Aavascript:alert(1)',
    '%256Aavascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'VbScRiPt:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/file',
    '/\\evil.example',
    'https://',
    // Pass the CMS's `^https?://[^\s]+$` check but do not parse as URLs.
    'https://%',
    'http://[',
    'https://[::1',
    'HTTP://%zz/path',
    '',
    '   ',
  ];
  for (const value of refused) {
    it(`refuses ${JSON.stringify(value)}`, () => assert.equal(safeHref(value), null));
  }

  it('refuses non-strings', () => {
    assert.equal(safeHref(null), null);
    assert.equal(safeHref(undefined), null);
  });

  it('keeps site-relative references unchanged', () => {
    for (const value of ['/articles/food-and-mood', '/search?q=iron:deficiency', '#how-absorption-works', '?page=2']) {
      assert.equal(safeHref(value), value);
    }
  });

  it('normalises absolute http(s) URLs and trims whitespace', () => {
    assert.equal(safeHref(' https://www.nhs.uk/conditions/insomnia/ '), 'https://www.nhs.uk/conditions/insomnia/');
    assert.equal(safeHref('HTTPS://Example.ORG/a b'), 'https://example.org/a%20b');
  });

  it('upgrades protocol-relative URLs to https', () => {
    assert.equal(safeHref('//example.org/x'), 'https://example.org/x');
  });

  it('allows mailto and tel', () => {
    assert.equal(safeHref('mailto:editors@example.org'), 'mailto:editors@example.org');
    assert.equal(safeHref('tel:+441234567890'), 'tel:+441234567890');
  });

  it('tells external links from site links', () => {
    assert.equal(isExternalHref('https://example.org'), true);
    assert.equal(isExternalHref('/articles/x'), false);
    assert.equal(isExternalHref('mailto:a@example.org'), false);
  });
});

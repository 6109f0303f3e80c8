/**
 * Uploads cannot put active content on the admin's origin: only raster images and PDF whose bytes
 * show that type and whose extension agrees are stored; anything else is refused with a 400 before
 * a file or a row is written. What is stored is served with nosniff and a sandboxing CSP.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { before, it } from 'node:test';

import sharp from 'sharp';

import { exampleEnv } from '../helpers/cms-server';
import type { CmsContext } from '../helpers/cms-suite';
import { first } from '../helpers/found';
import { AdminSession, getJson, type ErrorBody } from '../helpers/http';

type UploadedFile = { id: number; name: string; mime: string; ext: string; url: string };
type FilePage = { pagination: { total: number } };

const PDF =
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

export const uploadTests = (ctx: CmsContext) => {
  let author: AdminSession;
  let png: Buffer;

  before(async () => {
    author = await AdminSession.login(ctx.cms.url, exampleEnv('AUTHOR_EMAIL'), exampleEnv('AUTHOR_PASSWORD'));
    png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#2a7' } })
      .png()
      .toBuffer();
  });

  /** Files on disk and rows in plugin::upload.file (counted by the editor, who sees every file). */
  const stored = async () => {
    const files = (await fs.readdir(ctx.uploadsDir)).sort();
    const page = await getJson<FilePage>(`${ctx.cms.url}/upload/files?pageSize=1`, await ctx.editor.accessToken());
    assert.equal(page.status, 200, page.text);
    return { files, rows: page.body.pagination.total };
  };

  it('lets an author upload a PNG, served with nosniff and a sandboxing CSP', async () => {
    const before = await stored();
    const res = await author.upload('leafy-greens.png', png, 'image/png');
    assert.equal(res.status, 201, res.text);
    const file = first(res.body as UploadedFile[], 'uploaded file');
    assert.equal(file.mime, 'image/png');
    assert.equal(file.ext, '.png');
    assert.equal((await stored()).rows, before.rows + 1);

    const served = await fetch(`${ctx.cms.url}${file.url}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    const csp = served.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /\bsandbox\b/);
    assert.doesNotMatch(csp, /script-src/);
    assert.equal(served.headers.get('content-disposition'), null, 'images display inline');
    // Strapi re-encodes images it optimises, so the bytes differ; they are still a PNG.
    assert.deepEqual([...Buffer.from(await served.arrayBuffer()).subarray(0, 8)], [...png.subarray(0, 8)]);
  });

  it('accepts a PDF and serves it as a download', async () => {
    const res = await author.upload('study-summary.pdf', PDF, 'application/pdf');
    assert.equal(res.status, 201, res.text);
    const file = first(res.body as UploadedFile[], 'uploaded file');
    assert.equal(file.mime, 'application/pdf');
    const served = await fetch(`${ctx.cms.url}${file.url}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(served.headers.get('content-disposition'), 'attachment');
    assert.match(served.headers.get('content-security-policy') ?? '', /\bsandbox\b/);
  });

  const refused: Array<{
    what: string;
    name: string;
    bytes: () => Uint8Array | string;
    mime: string;
    message: RegExp;
  }> = [
    {
      what: 'an HTML page',
      name: 'offer.html',
      bytes: () => '<!doctype html><html><body><script>fetch("/admin/users")</script></body></html>',
      mime: 'text/html',
      message: /text\/html' is not allowed/,
    },
    {
      what: 'an SVG with a script',
      name: 'logo.svg',
      bytes: () => '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>',
      mime: 'image/svg+xml',
      message: /image\/svg\+xml' is not allowed/,
    },
    {
      what: 'an SVG with an XML prolog',
      name: 'chart.svg',
      bytes: () => '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
      mime: 'image/svg+xml',
      message: /not allowed/,
    },
    {
      what: 'a script renamed .png and sent as image/png',
      name: 'photo.png',
      bytes: () => 'alert(document.cookie);\n'.repeat(20),
      mime: 'image/png',
      message:
        /^Only JPEG, PNG, WebP, GIF, AVIF images and PDF files may be uploaded; this file is not a recognised image or PDF/,
    },
    {
      what: 'a script sent as application/octet-stream',
      name: 'tracker.png',
      bytes: () => 'document.write("<img src=//evil.example>")',
      mime: 'application/octet-stream',
      message: /may be uploaded; this file is not a recognised image or PDF/,
    },
    {
      what: 'a PNG named .pdf',
      name: 'report.pdf',
      bytes: () => png,
      mime: 'application/pdf',
      message: /^The file name must end in \.png: its content is image\/png, not \.pdf/,
    },
  ];

  for (const { what, name, bytes, mime, message } of refused) {
    it(`refuses ${what} with a 400 and stores nothing`, async () => {
      const before = await stored();
      const res = await author.upload(name, bytes(), mime);
      assert.equal(res.status, 400, res.text);
      const { error } = res.body as ErrorBody;
      assert.equal(error.name, 'ValidationError');
      assert.match(error.message, message);
      assert.deepEqual(await stored(), before, 'no file written, no row created');
    });
  }
};

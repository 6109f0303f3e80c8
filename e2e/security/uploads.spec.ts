/**
 * Uploads cannot run script on the admin's origin: an Author's HTML, SVG with script and a script
 * renamed `.png` are refused with a clear error and nothing is stored; a real image is accepted and
 * served with nosniff and a restrictive CSP.
 */
import { expect, test } from '@playwright/test';

import { adminSession, CMS_URL, request, type AdminSession } from './support';

/** The smallest valid PNG: one transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

const HOSTILE: Array<[name: string, type: string, content: string]> = [
  ['page.html', 'text/html', '<!doctype html><script>alert(document.cookie)</script>'],
  ['logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
  ['photo.png', 'image/png', 'fetch("/admin/users").then(r=>r.text()).then(alert)'],
  ['photo.jpg', 'image/jpeg', '<html><body onload="alert(1)"></body></html>'],
  ['script.js', 'text/javascript', 'alert(1)'],
  ['data.bin', 'application/octet-stream', 'MZ\u0090\u0000 not a picture'],
];

const upload = (admin: AdminSession, name: string, type: string, content: Buffer | string) => {
  const form = new FormData();
  form.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), name);
  return fetch(`${CMS_URL}/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.token}` },
    body: form,
  });
};

const fileCount = async (admin: AdminSession) => {
  const res = await admin.call('GET', '/upload/files?pageSize=1');
  expect(res.status, res.text.slice(0, 200)).toBe(200);
  const body = res.json as { pagination?: { total: number }; meta?: { pagination?: { total: number } } };
  return body.pagination?.total ?? body.meta?.pagination?.total ?? -1;
};

let author: AdminSession;
let editor: AdminSession;

test.beforeAll(async () => {
  author = await adminSession('author');
  editor = await adminSession('editor');
});

test('an Author uploading HTML, script-bearing SVG or a renamed script is refused, and nothing is stored', async () => {
  const before = await fileCount(editor);
  expect(before).toBeGreaterThanOrEqual(0);
  for (const [name, type, content] of HOSTILE) {
    const res = await upload(author, name, type, content);
    const text = await res.text();
    expect(res.status, `${name}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(res.status, name).toBeLessThan(500);
    const message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? '';
    expect(message, `${name} gets a clear error`).toMatch(/image|PDF|type|allowed/i);
  }
  expect(await fileCount(editor), 'no file row was written').toBe(before);
});

test('a real image and a PDF are accepted; uploads are served with nosniff and a restrictive CSP', async () => {
  const png = await upload(author, `pixel-${Date.now()}.png`, 'image/png', PNG);
  const pngBody = await png.text();
  expect([200, 201], pngBody.slice(0, 300)).toContain(png.status);
  const [file] = JSON.parse(pngBody) as Array<{ id: number; url: string; mime: string }>;
  expect(file?.mime).toBe('image/png');

  const served = await request(`${CMS_URL}${file.url}`);
  expect(served.status).toBe(200);
  expect(served.headers.get('x-content-type-options')).toBe('nosniff');
  const csp = served.headers.get('content-security-policy') ?? '';
  expect(csp, 'uploads carry their own CSP').toMatch(/default-src 'none'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);

  const pdf = await upload(author, `paper-${Date.now()}.pdf`, 'application/pdf', PDF);
  expect([200, 201], (await pdf.text()).slice(0, 300)).toContain(pdf.status);

  await editor.call('DELETE', `/upload/files/${file.id}`);
});

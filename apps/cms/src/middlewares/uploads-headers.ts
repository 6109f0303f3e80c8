/**
 * Files under /uploads are served from the admin's origin. Even if a file with active content
 * got there, the browser must neither guess its type nor run it: nosniff, a CSP that allows no
 * script and sandboxes the document, and PDFs (anything not an image) downloaded, not rendered.
 */
const UPLOADS_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
const INLINE_IMAGE = /\.(jpe?g|png|webp|gif|avif)$/i;

export default () =>
  async (ctx: { method: string; path: string; set(name: string, value: string): void }, next: () => Promise<void>) => {
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path.startsWith('/uploads/')) {
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Content-Security-Policy', UPLOADS_CSP);
      if (!INLINE_IMAGE.test(ctx.path)) ctx.set('Content-Disposition', 'attachment');
    }
    await next();
  };

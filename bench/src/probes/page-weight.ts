/** What a reader downloads for an article page: its HTML and first-load JavaScript, both gzip. */
import { gzipSync } from 'node:zlib';

export const gzipBytes = (body: Buffer | string) => gzipSync(body).length;

/** Scripts the browser loads on first visit: external, not `nomodule` (legacy-only), deduplicated. */
export const firstLoadScripts = (html: string): string[] => [
  ...new Set(
    [...html.matchAll(/<script\b([^>]*)>/g)]
      .map((m) => m[1])
      .filter((attrs) => !/\bnomodule\b/i.test(attrs))
      .map((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1])
      .filter((src): src is string => Boolean(src)),
  ),
];

export const fetchBody = async (url: string | URL) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return { body: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? 'text/html' };
};

export type PageWeight = { path: string; htmlGzip: number; jsGzip: number; scripts: number };

/** HTML and first-load JS of one page of the running site. */
export async function measurePageWeight(siteUrl: string, path: string): Promise<PageWeight> {
  const { body } = await fetchBody(new URL(path, siteUrl));
  const scripts = firstLoadScripts(body.toString('utf8'));
  let jsGzip = 0;
  for (const src of scripts) jsGzip += gzipBytes((await fetchBody(new URL(src, siteUrl))).body);
  return { path, htmlGzip: gzipBytes(body), jsGzip, scripts: scripts.length };
}

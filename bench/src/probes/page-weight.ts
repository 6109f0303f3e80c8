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

/** The App Router's inline flight data: every `<script>self.__next_f.push(...)</script>` element. */
export const inlineFlightBytes = (html: string): number =>
  [...html.matchAll(/<script\b[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g)].reduce(
    (sum, m) => sum + Buffer.byteLength(m[0]),
    0,
  );

export type PagePayload = { path: string; htmlBytes: number; flightBytes: number };

/** Raw HTML bytes of one page and how many of them are inline flight data. */
export async function measurePagePayload(siteUrl: string, path: string): Promise<PagePayload> {
  const html = (await fetchBody(new URL(path, siteUrl))).body.toString('utf8');
  return { path, htmlBytes: Buffer.byteLength(html), flightBytes: inlineFlightBytes(html) };
}

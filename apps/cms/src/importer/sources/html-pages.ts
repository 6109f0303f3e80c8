/**
 * The HTML pages source: saved pages on disk or live URLs -> one SourceEntry per page. Inputs are
 * .html files, folders of them, .txt lists of URLs (one a line, # comments) and http(s) URLs. A
 * page that cannot be read or holds no article is one failed entry; the run goes on.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { readArticlePage } from '../html/article-page';
import { type DecodedHtml, decodeHtml } from '../html/decode-html';
import type { SourceArticle, SourceEntry } from '../source-article';

export type HtmlPagesOptions = {
  /** How long one URL may take to answer, headers and body (default 15 s). */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 15_000;
const isUrl = (input: string) => /^https?:\/\//i.test(input);
const isHtmlFile = (name: string) => /\.html?$/i.test(name);
const failed = (sourceKey: string, error: string): SourceEntry => ({ ok: false, sourceKey, error });
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Images on disk that are not there are dropped with a warning, so the writer never fails on them. */
const dropMissingImages = (article: SourceArticle, warnings: string[]): SourceArticle => {
  const exists = (src: string) => /^https?:/.test(src) || existsSync(src);
  const body = article.body.filter((section) => {
    if (section.kind !== 'figure' || exists(section.image.src)) return true;
    warnings.push(`image not found: ${section.image.src}; its figure is left out`);
    return false;
  });
  if (article.cover && !exists(article.cover.src)) {
    warnings.push(`cover image not found: ${article.cover.src}; left out`);
    const { cover: _missing, ...rest } = article;
    return { ...rest, body };
  }
  return { ...article, body };
};

const withDecodingWarning = (
  page: DecodedHtml,
  entry: SourceEntry,
  tidy: (article: SourceArticle, warnings: string[]) => SourceArticle = (article) => article,
): SourceEntry => {
  if (!entry.ok) return entry;
  const warnings = page.warning ? [page.warning, ...entry.warnings] : [...entry.warnings];
  return { ok: true, article: tidy(entry.article, warnings), warnings };
};

const readFilePage = async (path: string): Promise<SourceEntry> => {
  const fileUrl = pathToFileURL(path).href;
  let page: DecodedHtml;
  try {
    page = decodeHtml(await readFile(path));
  } catch (error) {
    return failed(`url:${fileUrl}`, `cannot read ${path}: ${messageOf(error)}`);
  }
  return withDecodingWarning(page, readArticlePage(page.html, { url: fileUrl, fileUrl }), dropMissingImages);
};

const fetchPage = async (url: string, timeoutMs: number): Promise<SourceEntry> => {
  const sourceKey = `url:${url}`;
  let response: Response;
  let page: DecodedHtml;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      headers: { accept: 'text/html,application/xhtml+xml' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel(); // frees the connection; the error page itself is not wanted
      return failed(sourceKey, `${url} answered ${response.status} ${response.statusText}`.trim());
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/\b(text\/html|application\/xhtml\+xml)\b/i.test(type)) {
      await response.body?.cancel();
      return failed(sourceKey, `${url} is not HTML (content-type: ${type || 'none'})`);
    }
    page = decodeHtml(new Uint8Array(await response.arrayBuffer()), type);
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return failed(sourceKey, `${url} did not answer within ${timeoutMs} ms`);
    }
    // fetch() says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND...) is its cause.
    const cause =
      error instanceof Error && 'cause' in error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return failed(sourceKey, `cannot reach ${url}: ${messageOf(error)}${cause}`);
  }
  // Relative links and images resolve against where the page ended up after redirects.
  return withDecodingWarning(page, readArticlePage(page.html, { url: response.url || url }));
};

/** A .txt list: one URL a line; blank lines and lines starting with # are skipped. */
const urlsInList = async (path: string) =>
  (await readFile(path, 'utf8'))
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

export async function* readHtmlPages(inputs: string[], options: HtmlPagesOptions = {}): AsyncIterable<SourceEntry> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  for (const input of inputs) {
    if (isUrl(input)) {
      yield await fetchPage(input, timeoutMs);
      continue;
    }
    const path = resolve(input);
    const kind = await stat(path).catch(() => undefined);
    if (!kind) {
      yield failed(`url:${pathToFileURL(path).href}`, `no such file or folder: ${path}`);
    } else if (kind.isDirectory()) {
      const names = (await readdir(path)).filter(isHtmlFile).sort();
      for (const name of names) yield await readFilePage(join(path, name));
    } else if (/\.txt$/i.test(path)) {
      for (const line of await urlsInList(path)) {
        yield isUrl(line)
          ? await fetchPage(line, timeoutMs)
          : failed(`url:${line}`, `not an http(s) URL in ${path}: ${line}`);
      }
    } else if (isHtmlFile(path)) {
      yield await readFilePage(path);
    } else {
      yield failed(
        `url:${pathToFileURL(path).href}`,
        `not an .html file, a folder, a .txt list of URLs or a URL: ${path}`,
      );
    }
  }
}

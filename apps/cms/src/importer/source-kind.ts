/**
 * Which source an argument names: `.xml` -> WordPress WXR; a folder of .md files or a .md file ->
 * Markdown; an http(s) URL, an .html file, a folder of .html files or a .txt list of URLs -> HTML.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import { markdownFiles, readMarkdown } from './sources/markdown';
import { readHtmlPages } from './sources/html-pages';
import { readWxr } from './sources/wxr';
import type { SourceEntry } from './source-article';

export type Source = {
  kind: 'wxr' | 'markdown' | 'html';
  entries: AsyncIterable<SourceEntry>;
  total?: number;
  /** The source read again from its start; only for local files, where reading twice costs little. */
  reread?: () => AsyncIterable<SourceEntry>;
};

const htmlInputs = async (input: string): Promise<string[]> => {
  if (input.endsWith('.txt')) {
    return (await fs.readFile(input, 'utf8'))
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
  }
  return [input];
};

/** `mediaDir`: a local copy of a WordPress site's `wp-content/uploads`, read instead of downloading. */
export const openSource = async (input: string, options: { mediaDir?: string } = {}): Promise<Source> => {
  if (/^https?:\/\//i.test(input)) return { kind: 'html', entries: readHtmlPages([input]) };
  let stat;
  try {
    stat = await fs.stat(input);
  } catch {
    throw new Error(`${input}: no such file or folder`);
  }
  const ext = path.extname(input).toLowerCase();
  if (stat.isFile() && ext === '.xml')
    return {
      kind: 'wxr',
      entries: readWxr(input, { uploadsDir: options.mediaDir }),
      reread: () => readWxr(input, { uploadsDir: options.mediaDir }),
    };
  if (stat.isFile() && ext === '.md') {
    return { kind: 'markdown', entries: readMarkdown(input), total: 1, reread: () => readMarkdown(input) };
  }
  if (stat.isFile() && (ext === '.html' || ext === '.htm' || ext === '.txt')) {
    const inputs = await htmlInputs(input);
    // A .txt list names URLs, which a second reading would fetch again.
    const local = ext !== '.txt';
    return {
      kind: 'html',
      entries: readHtmlPages(inputs),
      total: inputs.length,
      ...(local ? { reread: () => readHtmlPages(inputs) } : {}),
    };
  }
  if (stat.isDirectory()) {
    const names = await fs.readdir(input);
    const md = await markdownFiles(input);
    if (md.length > 0) {
      return { kind: 'markdown', entries: readMarkdown(input), total: md.length, reread: () => readMarkdown(input) };
    }
    if (names.some((n) => /\.html?$/i.test(n))) {
      return { kind: 'html', entries: readHtmlPages([input]), reread: () => readHtmlPages([input]) };
    }
  }
  throw new Error(
    `${input}: not an import source (a WordPress .xml export, a folder of .md files, or HTML: .html files, a folder of them, a .txt list of URLs, or a URL)`,
  );
};

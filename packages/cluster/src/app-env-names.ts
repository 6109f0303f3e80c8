/**
 * The environment variables each deployable part reads, collected from its source, so that the
 * compose file can be checked against what the code really reads (a renamed or removed variable
 * shows up as an unread one).
 */
import fs from 'node:fs';
import path from 'node:path';

export type AppName = 'cms' | 'web' | 'edge';

const NAME = '([A-Z][A-Z0-9_]*)';
const READS = [
  new RegExp(`process\\.env\\.${NAME}`, 'g'),
  new RegExp(`process\\.env\\[['"]${NAME}['"]\\]`, 'g'),
  // Strapi's config helper: env('X'), env.int('X'), env.bool('X', ...), ...
  new RegExp(`\\benv(?:\\.[a-zA-Z]+)?\\(\\s*['"]${NAME}['"]`, 'g'),
  // An environment record passed in (`env = process.env`): env.X, env['X'].
  new RegExp(`\\benv\\.${NAME}\\b`, 'g'),
  new RegExp(`\\benv\\[['"]${NAME}['"]\\]`, 'g'),
];
// start.sh reads its settings as ${EDGE_...:-default}; its other variables are its own.
const SHELL_READS = [/\$\{(EDGE_[A-Z0-9_]*)/g];

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIP = new Set(['node_modules', '.next', 'dist', 'build', 'tests', '.tmp', '.strapi']);

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  if (fs.statSync(dir).isFile()) return [dir];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return SOURCE.test(entry.name) ? [full] : [];
  });
}

const namesIn = (text: string, patterns: readonly RegExp[]): string[] =>
  patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]));

/** What each part's code is, relative to the repository root. */
const SOURCES: Record<AppName, { files: readonly string[]; shell?: boolean }> = {
  // The CMS's config and code, and the shared contract package it runs.
  cms: { files: ['apps/cms/config', 'apps/cms/src', 'packages/content/src'] },
  // The site (next.config.ts, server.mjs, app/, lib/, ...) and the shared contract package.
  web: { files: ['apps/web', 'packages/content/src'] },
  // The edge is configured by its start script alone.
  edge: { files: ['infra/edge/start.sh'], shell: true },
};

/**
 * Read by the frameworks or runtimes themselves rather than by our code: Node and Next read
 * NODE_ENV; Strapi reads HOST/PORT through our config (found) and NODE_ENV.
 */
const FRAMEWORK_READS: Record<AppName, readonly string[]> = {
  cms: ['NODE_ENV'],
  web: ['NODE_ENV', 'PORT', 'HOSTNAME'],
  edge: [],
};

export function envNamesRead(root: string, app: AppName): Set<string> {
  const { files, shell } = SOURCES[app];
  const names = new Set<string>(FRAMEWORK_READS[app]);
  for (const file of files.flatMap((entry) => sourceFiles(path.join(root, entry)))) {
    for (const name of namesIn(fs.readFileSync(file, 'utf8'), shell ? SHELL_READS : READS)) names.add(name);
  }
  return names;
}

/**
 * The text the floor page shows: the audited article's text as plain blocks. The bench writes it
 * to article.json from the running CMS before it builds this app (bench/src/floor-article.ts), so
 * the floor shows the same text as the article page Lighthouse audits in the same run.
 */
import fs from 'node:fs';
import path from 'node:path';

export type FloorBlock =
  | { kind: 'heading'; level: 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] };

export type FloorArticle = { title: string; standfirst: string; blocks: FloorBlock[] };

export const FLOOR_ARTICLE_FILE = 'article.json';

/** Read at build time (the page is static); a missing file is a bench bug, said plainly. */
export function readFloorArticle(): FloorArticle {
  const file = path.join(process.cwd(), FLOOR_ARTICLE_FILE);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} does not exist: the bench writes it before \`next build\` (bench/src/floor-app.ts)`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as FloorArticle;
}

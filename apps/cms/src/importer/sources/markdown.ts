/**
 * Markdown articles with YAML front matter, in the demo content's format
 * (src/seed/content/articles, described in src/seed/article-file.ts), as import entries.
 *
 * For imports, front matter and directives may also name image files, relative to the Markdown
 * file: `cover: { src: images/a.jpg, alt: ... }` and `:::figure src=images/b.jpg alt="..."`. A
 * cover or figure without `src` gets the demo's generated artwork (from `hue`). `oldUrls` lists the
 * article's URLs on the old site (each becomes a Redirect). `author`, `reviewer` and `topics` are
 * slugs (matched to existing authors and topics by slug, else created); `recommended` items and
 * `alsoLike.pin` name other articles by slug, so they link to `/articles/<slug>`.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { parseArticleFile, type ArticleFile, type BodySection } from '../../seed/article-file';
import { renderArtwork } from '../../seed/generated-image';
import type { ImageSource, SourceArticle, SourceBodySection, SourceEntry, SourcePerson } from '../source-article';

/** `tomas-ribeiro` -> `Tomas Ribeiro`: the name a created author or topic gets from its slug. */
const nameFromSlug = (slug: string) =>
  slug
    .split('-')
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

const person = (slug: string): SourcePerson => ({ slug, name: nameFromSlug(slug) });

/** Generated artwork is written once per (seed, hue, size) so the same bytes dedupe on every run. */
const artworkFile = async (seed: string, hue: number, size: [number, number]) => {
  const dir = path.join(os.tmpdir(), 'nourish-import-artwork');
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${seed}-${String(hue)}-${size.join('x')}.webp`);
  try {
    await fs.access(file);
  } catch {
    await fs.writeFile(file, await renderArtwork(hue, seed, ...size));
  }
  return file;
};

const imageFile = async (markdownFile: string, src: string) => {
  const file = path.resolve(path.dirname(markdownFile), src);
  try {
    await fs.access(file);
  } catch {
    throw new Error(`image not found: ${src} (looked for ${file})`);
  }
  return file;
};

const articleLink = (slug: string) => ({ url: `/articles/${slug}`, label: '' });

const bodySection = async (
  file: string,
  parsed: ArticleFile,
  section: BodySection,
  index: number,
): Promise<SourceBodySection> => {
  if (section.kind !== 'figure') return section;
  const image: ImageSource = {
    src: section.src
      ? await imageFile(file, section.src)
      : await artworkFile(`figure-${parsed.slug}-${String(index)}`, section.hue, [1200, 675]),
    alt: section.alt ?? (section.caption || `Illustration for ${parsed.title}`),
  };
  return {
    kind: 'figure',
    image,
    ...(section.caption ? { caption: section.caption } : {}),
    ...(section.credit ? { credit: section.credit } : {}),
  };
};

export const markdownArticle = async (file: string, sourceKey: string, parsed: ArticleFile): Promise<SourceArticle> => {
  const body: SourceBodySection[] = [];
  for (const [i, section] of parsed.body.entries()) body.push(await bodySection(file, parsed, section, i));
  const cover: ImageSource = {
    src: parsed.cover.src
      ? await imageFile(file, parsed.cover.src)
      : await artworkFile(`cover-${parsed.slug}`, parsed.cover.hue, [1600, 900]),
    alt: parsed.cover.alt,
  };
  return {
    sourceKey,
    sourceUrls: parsed.oldUrls,
    title: parsed.title,
    slug: parsed.slug,
    excerpt: parsed.excerpt,
    body,
    cover,
    author: person(parsed.author),
    ...(parsed.reviewer ? { reviewer: person(parsed.reviewer) } : {}),
    topics: parsed.topics.map((slug) => ({ slug, name: nameFromSlug(slug) })),
    publishedAt: parsed.publishedAt,
    ...(parsed.updatedAt ? { updatedAt: parsed.updatedAt } : {}),
    keyTakeaways: parsed.keyTakeaways,
    references: parsed.references,
    recommended: parsed.recommended.map((item) =>
      'article' in item ? articleLink(item.article) : { url: item.url, label: item.label },
    ),
    alsoLike: parsed.alsoLike.pin.map(articleLink),
    alsoLikeExcluded: parsed.alsoLike.exclude.map(articleLink),
    sourceDraft: false,
  };
};

/** The .md files an input names: a file itself, or a folder's .md files (not its subfolders), sorted. */
export const markdownFiles = async (input: string): Promise<Array<{ file: string; key: string }>> => {
  const stat = await fs.stat(input);
  if (stat.isFile()) return [{ file: path.resolve(input), key: path.basename(input) }];
  const names = (await fs.readdir(input)).filter((n) => n.endsWith('.md')).sort();
  return names.map((n) => ({ file: path.resolve(input, n), key: n }));
};

/** One entry per file, read one at a time; a file that cannot be read or parsed is a failed entry. */
export async function* readMarkdown(input: string): AsyncIterable<SourceEntry> {
  for (const { file, key } of await markdownFiles(input)) {
    const sourceKey = `md:${key}`;
    try {
      const parsed = parseArticleFile(key, await fs.readFile(file, 'utf8'));
      yield { ok: true, article: await markdownArticle(file, sourceKey, parsed), warnings: [] };
    } catch (error) {
      yield { ok: false, sourceKey, error: error instanceof Error ? error.message : String(error) };
    }
  }
}

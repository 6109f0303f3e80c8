/** The Markdown fixture (tests/importer/fixture) copied to a scratch folder, and generated batches. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const FIXTURE_DIR = path.join(__dirname, 'fixture');

export const copyFixture = async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'impcore-md-'));
  await fs.cp(FIXTURE_DIR, dir, { recursive: true });
  return dir;
};

/** `count` small articles with generated covers, for runs long enough to interrupt. */
export const writeBatch = async (count: number) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'impcore-batch-'));
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(2, '0');
    await fs.writeFile(
      path.join(dir, `batch-${n}.md`),
      [
        '---',
        `title: "Pantry note number ${n}"`,
        `slug: pantry-note-${n}`,
        `excerpt: "Pantry note ${n}: one staple, what it keeps for, and one way to use it up."`,
        'author: nadia-kerr',
        'topics: [nutrition-basics]',
        'publishedAt: 2022-01-10',
        'cover:',
        `  alt: "Generated pattern for pantry note ${n}"`,
        `  hue: ${String(i * 23)}`,
        '---',
        '',
        `Staple ${n} keeps for months in a cool cupboard. Use it in soups before the next shop.`,
        '',
      ].join('\n'),
    );
  }
  return dir;
};

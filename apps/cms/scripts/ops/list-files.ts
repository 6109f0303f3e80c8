/** Every file under a folder, as paths relative to it with forward slashes, sorted. */
import fsp from 'node:fs/promises';
import path from 'node:path';

/** A folder that does not exist holds no files. `skipHidden` leaves out dotfiles such as .gitkeep. */
export const listFiles = async (root: string, { skipHidden = false } = {}): Promise<string[]> => {
  let entries: string[];
  try {
    entries = await fsp.readdir(root, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    const relative = entry.split(path.sep).join('/');
    if (skipHidden && relative.split('/').some((part) => part.startsWith('.'))) continue;
    if ((await fsp.stat(path.join(root, entry))).isFile()) files.push(relative);
  }
  return files.sort();
};

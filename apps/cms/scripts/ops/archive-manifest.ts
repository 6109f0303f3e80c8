/**
 * An archive is a directory: manifest.json plus the files it lists (database/, uploads/). The
 * manifest names every file with its size and sha256, so a restore can refuse a damaged or
 * tampered archive before it touches anything.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

import type { DatabaseClient } from './database-target';
import { listFiles } from './list-files';
import type { UploadProviderName } from './upload-store';

export const MANIFEST_FILE = 'manifest.json';
export const ARCHIVE_FORMAT = 'nourish-backup';
export const ARCHIVE_FORMAT_VERSION = 1;

export type ArchiveFile = {
  /** Relative to the archive, with forward slashes. */
  path: string;
  bytes: number;
  sha256: string;
  /** Uploads only: the type the store served, given back to it on restore. */
  contentType?: string;
};

export type ArchiveManifest = {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: typeof ARCHIVE_FORMAT_VERSION;
  createdAt: string;
  app: { name: string; version: string; strapiVersion: string; schemaHash: string };
  database: { client: DatabaseClient; file: string };
  uploads: { provider: UploadProviderName; location: string; urlPrefix: string; count: number };
  files: ArchiveFile[];
};

export class DamagedArchiveError extends Error {
  constructor(archive: string, problems: string[]) {
    super(`Refusing to restore ${archive}: the archive is damaged or incomplete:\n  - ${problems.join('\n  - ')}`);
    this.name = 'DamagedArchiveError';
  }
}

export const sha256File = async (file: string): Promise<string> => {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
};

/** Describes one file already written into the archive. */
export const describeFile = async (archive: string, relative: string, contentType?: string): Promise<ArchiveFile> => {
  const absolute = path.join(archive, relative);
  const { size } = await fsp.stat(absolute);
  return {
    path: relative.split(path.sep).join('/'),
    bytes: size,
    sha256: await sha256File(absolute),
    ...(contentType ? { contentType } : {}),
  };
};

export const writeManifest = (archive: string, manifest: ArchiveManifest) =>
  fsp.writeFile(path.join(archive, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A listed path must stay inside the archive (a crafted manifest must not reach other files). */
const isSafeRelative = (p: string) =>
  p.length > 0 && !p.startsWith('/') && !p.includes('\\') && p.split('/').every((part) => part !== '..' && part !== '');

/**
 * Reads the manifest and checks every file against it: present, same size, same sha256, nothing
 * unlisted. Throws DamagedArchiveError naming every problem found.
 */
export const readVerifiedManifest = async (archive: string): Promise<ArchiveManifest> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fsp.readFile(path.join(archive, MANIFEST_FILE), 'utf8'));
  } catch (error) {
    throw new DamagedArchiveError(archive, [`${MANIFEST_FILE} cannot be read: ${(error as Error).message}`]);
  }
  if (
    !isRecord(parsed) ||
    parsed.format !== ARCHIVE_FORMAT ||
    parsed.formatVersion !== ARCHIVE_FORMAT_VERSION ||
    !isRecord(parsed.app) ||
    !isRecord(parsed.database) ||
    !isRecord(parsed.uploads) ||
    !Array.isArray(parsed.files)
  ) {
    throw new DamagedArchiveError(archive, [
      `${MANIFEST_FILE} is not a ${ARCHIVE_FORMAT} manifest of version ${ARCHIVE_FORMAT_VERSION}`,
    ]);
  }
  const manifest = parsed as ArchiveManifest;
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const file of manifest.files) {
    if (!isSafeRelative(file.path)) {
      problems.push(`unsafe path in the manifest: ${JSON.stringify(file.path)}`);
      continue;
    }
    listed.add(file.path);
    const absolute = path.join(archive, file.path);
    const stat = await fsp.stat(absolute).catch(() => null);
    if (!stat?.isFile()) {
      problems.push(`${file.path} is missing`);
    } else if (stat.size !== file.bytes) {
      problems.push(`${file.path} has ${stat.size} bytes, the manifest says ${file.bytes}`);
    } else if ((await sha256File(absolute)) !== file.sha256) {
      problems.push(`${file.path} does not match its sha256`);
    }
  }
  if (!listed.has(manifest.database.file)) problems.push(`the database file ${manifest.database.file} is not listed`);
  for (const present of await listFiles(archive)) {
    if (present !== MANIFEST_FILE && !listed.has(present)) problems.push(`${present} is not in the manifest`);
  }
  if (problems.length > 0) throw new DamagedArchiveError(archive, problems);
  return manifest;
};

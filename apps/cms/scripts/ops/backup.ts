/**
 * `pnpm backup`: the database, then the uploads, into a dated archive with a checksummed manifest.
 *
 * Order matters for a backup taken while editors work: the database first, then the uploads. An
 * upload's file is stored before the row that names it is committed, so every file the dumped
 * database references already existed when the uploads were copied; a file uploaded after the dump
 * is at worst an extra, unreferenced object. (The other order could dump a row whose file was
 * never copied.)
 */
import fsp from 'node:fs/promises';
import path from 'node:path';

import { appVersion } from './app-version';
import {
  describeFile,
  writeManifest,
  type ArchiveFile,
  type ArchiveManifest,
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
} from './archive-manifest';
import type { CmsEnv } from './cms-env';
import { databaseTarget } from './database-target';
import { dumpPostgres } from './postgres-database';
import { backupSqlite } from './sqlite-database';
import { uploadStore } from './upload-store';

export type BackupOptions = { env: CmsEnv; outDir: string; now?: Date };

/** `nourish-backup-2026-12-03T15-04-05Z`: sorts by time, safe in every file system. */
export const archiveName = (at: Date) =>
  `nourish-backup-${at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-')}`;

export const createBackup = async ({
  env,
  outDir,
  now = new Date(),
}: BackupOptions): Promise<{ archive: string; manifest: ArchiveManifest }> => {
  const database = databaseTarget(env);
  const store = uploadStore(env);
  const archive = path.resolve(outDir, archiveName(now));
  // Written under another name and renamed when complete: a half-written archive never looks whole.
  const partial = `${archive}.partial`;
  await fsp.rm(partial, { recursive: true, force: true });
  await fsp.mkdir(path.join(partial, 'database'), { recursive: true });
  try {
    const files: ArchiveFile[] = [];
    const databaseFile = database.client === 'postgres' ? 'database/postgres.dump' : 'database/sqlite.db';
    if (database.client === 'postgres') await dumpPostgres(database, path.join(partial, databaseFile));
    else await backupSqlite(database, path.join(partial, databaseFile));
    files.push(await describeFile(partial, databaseFile));

    const keys = await store.keys();
    for (const key of keys) {
      const relative = `uploads/${key}`;
      await fsp.mkdir(path.dirname(path.join(partial, relative)), { recursive: true });
      const contentType = await store.download(key, path.join(partial, relative));
      files.push(await describeFile(partial, relative, contentType));
    }

    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      createdAt: now.toISOString(),
      app: await appVersion(),
      database: { client: database.client, file: databaseFile },
      uploads: { provider: store.provider, location: store.location, urlPrefix: store.urlPrefix, count: keys.length },
      files,
    };
    await writeManifest(partial, manifest);
    await fsp.rename(partial, archive);
    return { archive, manifest };
  } catch (error) {
    await fsp.rm(partial, { recursive: true, force: true });
    throw error;
  } finally {
    store.close();
  }
};

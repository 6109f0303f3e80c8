/**
 * `pnpm restore <archive>`: checks the archive against its manifest, then loads the database and
 * the uploads into the environment the CMS is configured for, which must be empty (or --force).
 * Stop the CMS first: it would otherwise keep writing to what is being replaced; the restore
 * refuses while it sees one running (running-cms.ts).
 */
import path from 'node:path';

import { appVersion } from './app-version';
import { readVerifiedManifest, type ArchiveManifest } from './archive-manifest';
import type { CmsEnv } from './cms-env';
import { databaseTarget } from './database-target';
import { rewriteMediaUrls } from './media-urls';
import { postgresTableCount, restorePostgres } from './postgres-database';
import { targetInUse } from './running-cms';
import { restoreSqlite, sqliteTableCount } from './sqlite-database';
import { uploadStore } from './upload-store';

export type RestoreOptions = { env: CmsEnv; archive: string; force?: boolean };

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

export type RestoreResult = {
  manifest: ArchiveManifest;
  /** File rows whose URLs were moved to this environment's media origin (media-urls.ts). */
  movedFiles: number;
};

export const restoreBackup = async ({ env, archive, force = false }: RestoreOptions): Promise<RestoreResult> => {
  const dir = path.resolve(archive);
  // Nothing is touched before the whole archive is known to be intact.
  const manifest = await readVerifiedManifest(dir);
  const database = databaseTarget(env);
  const store = uploadStore(env);
  try {
    if (manifest.database.client !== database.client) {
      throw new RestoreRefusedError(
        `The archive holds a ${manifest.database.client} database; this CMS is configured for ${database.client}`,
      );
    }
    const current = await appVersion();
    if (current.schemaHash !== manifest.app.schemaHash && !force) {
      throw new RestoreRefusedError(
        `The archive was taken from another content model (${manifest.app.name} ${manifest.app.version}, Strapi ${manifest.app.strapiVersion}); ` +
          'Strapi would alter the restored tables to fit this one at boot. Restore with the code it was taken from, or pass --force',
      );
    }
    // Even with --force: replacing data under a running CMS would mix its writes with the archive's.
    const inUse = await targetInUse(env, database);
    if (inUse) {
      throw new RestoreRefusedError(`The target is in use: ${inUse}. Stop every CMS using it, then restore`);
    }
    const tables = database.client === 'postgres' ? await postgresTableCount(database) : sqliteTableCount(database);
    if (tables > 0 && !force) {
      throw new RestoreRefusedError(
        `${database.label} is not empty (${tables} tables): restore into an empty database, or pass --force to replace it`,
      );
    }
    const existing = await store.keys();
    if (existing.length > 0 && !force) {
      throw new RestoreRefusedError(
        `The upload store ${store.location} is not empty (${existing.length} files): restore into an empty one, or pass --force to add to it`,
      );
    }

    const databaseFile = path.join(dir, manifest.database.file);
    if (database.client === 'postgres') await restorePostgres(database, databaseFile, tables > 0);
    else await restoreSqlite(database, databaseFile);

    for (const file of manifest.files) {
      if (!file.path.startsWith('uploads/')) continue;
      await store.upload(file.path.slice('uploads/'.length), path.join(dir, file.path), file.contentType);
    }
    const movedFiles = await rewriteMediaUrls(
      database,
      { provider: manifest.uploads.provider, urlPrefix: manifest.uploads.urlPrefix },
      { provider: store.provider, urlPrefix: store.urlPrefix },
    );
    return { manifest, movedFiles };
  } finally {
    store.close();
  }
};

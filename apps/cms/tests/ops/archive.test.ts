/**
 * The archive's own checks, without a CMS: a small SQLite database and upload folder backed up and
 * restored, and each kind of damage refused with its reason before anything is written.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import Database from 'better-sqlite3';

import { DamagedArchiveError, type ArchiveManifest } from '../../scripts/ops/archive-manifest';
import { createBackup } from '../../scripts/ops/backup';
import { databaseTarget } from '../../scripts/ops/database-target';
import { rewriteMediaUrls } from '../../scripts/ops/media-urls';
import { RestoreRefusedError, restoreBackup } from '../../scripts/ops/restore';

describe('backup archives', () => {
  let dir: string;
  let archive: string;
  const source = () => ({
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'source.db'),
    PUBLIC_DIR: path.join(dir, 'public'),
  });
  let targets = 0;
  /** A fresh, empty target environment. */
  const target = () => {
    targets += 1;
    return {
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(dir, `target-${targets}.db`),
      PUBLIC_DIR: path.join(dir, `public-${targets}`),
    };
  };
  /** A copy of the archive, changed by `damage`. */
  const damaged = async (damage: (copy: string, manifest: ArchiveManifest) => Promise<void>) => {
    targets += 1;
    const copy = path.join(dir, `damaged-${targets}`);
    await fs.cp(archive, copy, { recursive: true });
    const manifest = JSON.parse(await fs.readFile(path.join(copy, 'manifest.json'), 'utf8')) as ArchiveManifest;
    await damage(copy, manifest);
    return copy;
  };
  const writeManifest = (copy: string, manifest: ArchiveManifest) =>
    fs.writeFile(path.join(copy, 'manifest.json'), JSON.stringify(manifest));
  const refusedAsDamaged = async (copy: string, reason: RegExp) => {
    const env = target();
    await assert.rejects(restoreBackup({ env, archive: copy }), (error: unknown) => {
      assert.ok(error instanceof DamagedArchiveError, String(error));
      assert.match(error.message, reason);
      return true;
    });
    await assert.rejects(fs.stat(env.DATABASE_FILENAME), 'no database was written');
  };

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nourish-opsbk-archive-'));
    const db = new Database(source().DATABASE_FILENAME);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE files (id INTEGER PRIMARY KEY, url TEXT, formats TEXT, provider TEXT)');
    db.prepare('INSERT INTO files (url, formats, provider) VALUES (?, ?, ?)').run(
      '/uploads/leaf_abc.png',
      JSON.stringify({ small: { url: '/uploads/small_leaf_abc.png' } }),
      'local',
    );
    // Left in the WAL (the connection stays open): the backup API must still see it.
    db.prepare('INSERT INTO files (url, formats, provider) VALUES (?, ?, ?)').run(
      '/uploads/note_def.pdf',
      null,
      'local',
    );
    await fs.mkdir(path.join(source().PUBLIC_DIR, 'uploads', 'nested'), { recursive: true });
    await fs.writeFile(path.join(source().PUBLIC_DIR, 'uploads', 'leaf_abc.png'), 'png bytes');
    await fs.writeFile(path.join(source().PUBLIC_DIR, 'uploads', 'nested', 'note_def.pdf'), 'pdf bytes');
    await fs.writeFile(path.join(source().PUBLIC_DIR, 'uploads', '.gitkeep'), '');
    ({ archive } = await createBackup({ env: source(), outDir: dir, now: new Date('2026-12-03T15:04:05.678Z') }));
    db.close();
  });

  after(() => fs.rm(dir, { recursive: true, force: true }));

  it('names the archive by its UTC time and lists the database and every upload but dotfiles', async () => {
    assert.equal(path.basename(archive), 'nourish-backup-2026-12-03T15-04-05Z');
    const manifest = JSON.parse(await fs.readFile(path.join(archive, 'manifest.json'), 'utf8')) as ArchiveManifest;
    assert.deepEqual(
      manifest.files.map((file) => file.path),
      ['database/sqlite.db', 'uploads/leaf_abc.png', 'uploads/nested/note_def.pdf'],
    );
    assert.equal(manifest.uploads.count, 2);
    assert.equal(manifest.createdAt, '2026-12-03T15:04:05.678Z');
  });

  it('restores the database, rows still in the WAL included, and the uploads', async () => {
    const env = target();
    const { movedFiles } = await restoreBackup({ env, archive });
    assert.equal(movedFiles, 0, 'same origin: nothing to move');
    const db = new Database(env.DATABASE_FILENAME, { readonly: true });
    assert.deepEqual(db.prepare('SELECT url FROM files ORDER BY id').pluck().all(), [
      '/uploads/leaf_abc.png',
      '/uploads/note_def.pdf',
    ]);
    db.close();
    assert.equal(
      await fs.readFile(path.join(env.PUBLIC_DIR, 'uploads', 'nested', 'note_def.pdf'), 'utf8'),
      'pdf bytes',
    );
    // And refuses to do it again over what it restored.
    await assert.rejects(restoreBackup({ env, archive }), RestoreRefusedError);
    await restoreBackup({ env, archive, force: true });
  });

  it('refuses an upload whose bytes changed', async () =>
    refusedAsDamaged(
      await damaged((copy) => fs.writeFile(path.join(copy, 'uploads', 'leaf_abc.png'), 'PNG bytes')),
      /uploads\/leaf_abc\.png does not match its sha256/,
    ));

  it('refuses a truncated database file', async () =>
    refusedAsDamaged(
      await damaged((copy) => fs.truncate(path.join(copy, 'database', 'sqlite.db'), 100)),
      /database\/sqlite\.db has 100 bytes, the manifest says \d+/,
    ));

  it('refuses a missing file and a file the manifest does not list', async () =>
    refusedAsDamaged(
      await damaged(async (copy) => {
        await fs.rm(path.join(copy, 'uploads', 'nested', 'note_def.pdf'));
        await fs.writeFile(path.join(copy, 'uploads', 'stray.png'), 'stray');
      }),
      /note_def\.pdf is missing[\s\S]*uploads\/stray\.png is not in the manifest/,
    ));

  it('refuses a manifest that points outside the archive, or is not one', async () => {
    await refusedAsDamaged(
      await damaged((copy, manifest) =>
        writeManifest(copy, {
          ...manifest,
          files: [...manifest.files, { path: '../source.db', bytes: 1, sha256: '0' }],
        }),
      ),
      /unsafe path in the manifest: "\.\.\/source\.db"/,
    );
    await refusedAsDamaged(
      await damaged((copy) => fs.writeFile(path.join(copy, 'manifest.json'), '{"format":"something else"}')),
      /is not a nourish-backup manifest/,
    );
    await refusedAsDamaged(
      await damaged((copy) => fs.rm(path.join(copy, 'manifest.json'))),
      /manifest\.json cannot be read/,
    );
  });

  it('refuses an archive of another content model unless forced, and of the other database client', async () => {
    const otherModel = await damaged((copy, manifest) =>
      writeManifest(copy, { ...manifest, app: { ...manifest.app, schemaHash: 'f'.repeat(64) } }),
    );
    await assert.rejects(restoreBackup({ env: target(), archive: otherModel }), /another content model.*--force/s);
    await restoreBackup({ env: target(), archive: otherModel, force: true });
    await assert.rejects(
      restoreBackup({ env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/opsbk_never_created' }, archive }),
      /holds a sqlite database; this CMS is configured for postgres/,
    );
  });

  it('moves file URLs, formats included, to another media origin', async () => {
    const env = target();
    await restoreBackup({ env, archive });
    const db = databaseTarget(env);
    const moved = await rewriteMediaUrls(
      db,
      { provider: 'local', urlPrefix: '/uploads/' },
      { provider: 's3', urlPrefix: 'https://media.example/' },
    );
    assert.equal(moved, 2);
    const sqlite = new Database(env.DATABASE_FILENAME, { readonly: true });
    const rows = sqlite
      .prepare<[], { url: string; formats: string | null; provider: string }>(
        'SELECT url, formats, provider FROM files ORDER BY id',
      )
      .all();
    sqlite.close();
    assert.deepEqual(rows, [
      {
        url: 'https://media.example/leaf_abc.png',
        formats: JSON.stringify({ small: { url: 'https://media.example/small_leaf_abc.png' } }),
        provider: 'aws-s3',
      },
      { url: 'https://media.example/note_def.pdf', formats: null, provider: 'aws-s3' },
    ]);
  });
});

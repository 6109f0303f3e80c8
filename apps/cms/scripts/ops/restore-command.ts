/** `pnpm restore <archive> [--force]`: see restore.ts. Stop the CMS first. */
import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadCmsEnv } from './cms-env';
import { invocationDir } from './invocation-dir';
import { restoreBackup } from './restore';

const main = async () => {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [archive] = positionals;
  if (!archive || positionals.length > 1) throw new Error('usage: pnpm restore <archive directory> [--force]');
  const { manifest, movedFiles } = await restoreBackup({
    env: loadCmsEnv(),
    archive: path.resolve(invocationDir(), archive),
    force: values.force,
  });
  console.log(
    `restore: ${archive} (taken ${manifest.createdAt})\n  database: ${manifest.database.client}\n  uploads: ${manifest.uploads.count} (${movedFiles} file URLs moved to this media origin)\n  checksums verified; start the CMS`,
  );
};

main().catch((error: unknown) => {
  console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

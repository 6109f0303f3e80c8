/** `pnpm backup [--out DIR]`: see backup.ts. Relative paths are from where pnpm was invoked. */
import path from 'node:path';
import { parseArgs } from 'node:util';

import { createBackup } from './backup';
import { loadCmsEnv } from './cms-env';
import { invocationDir } from './invocation-dir';

const main = async () => {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'backups' } } });
  const { archive, manifest } = await createBackup({
    env: loadCmsEnv(),
    outDir: path.resolve(invocationDir(), values.out),
  });
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  console.log(
    `backup: ${archive}\n  database: ${manifest.database.client}\n  uploads: ${manifest.uploads.count} from ${manifest.uploads.location}\n  ${manifest.files.length} files, ${bytes} bytes, each with its sha256 in manifest.json`,
  );
};

main().catch((error: unknown) => {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

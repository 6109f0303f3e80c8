/**
 * What a backup was taken from: the CMS's package version, Strapi's version, and a hash of the
 * content model (every schema.json and component definition). Strapi aligns the database with the
 * content model at boot and drops what the model no longer has, so restoring into code with
 * another model can lose data: the restore refuses that unless forced.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

import { CMS_DIR } from './cms-env';

type PackageJson = { name: string; version: string };

const readPackage = async (file: string) => JSON.parse(await fsp.readFile(file, 'utf8')) as PackageJson;

const modelFiles = async (dir: string): Promise<string[]> => {
  const entries = await fsp.readdir(dir, { recursive: true });
  return entries
    .map((entry) => entry.split(path.sep).join('/'))
    .filter(
      (entry) =>
        /(^|\/)content-types\/[^/]+\/schema\.json$/.test(entry) || /^components\/[^/]+\/[^/]+\.json$/.test(entry),
    )
    .sort();
};

export const contentModelHash = async (): Promise<string> => {
  // The source tree, or the build's copy of it where only dist/ is deployed.
  const dir = [path.join(CMS_DIR, 'src'), path.join(CMS_DIR, 'dist', 'src')].find((candidate) =>
    fs.existsSync(path.join(candidate, 'api')),
  );
  if (!dir) throw new Error(`No content model under ${CMS_DIR}/src or dist/src`);
  const hash = createHash('sha256');
  for (const file of await modelFiles(dir)) {
    // Parsed and re-serialised: formatting is not the model.
    hash.update(file).update(JSON.stringify(JSON.parse(await fsp.readFile(path.join(dir, file), 'utf8'))));
  }
  return hash.digest('hex');
};

export const appVersion = async () => {
  const app = await readPackage(path.join(CMS_DIR, 'package.json'));
  const strapi = await readPackage(path.join(CMS_DIR, 'node_modules', '@strapi', 'strapi', 'package.json'));
  return { name: app.name, version: app.version, strapiVersion: strapi.version, schemaHash: await contentModelHash() };
};

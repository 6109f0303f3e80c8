/**
 * The environment the CMS runs with, read the way Strapi reads it: the process's variables over
 * apps/cms/.env (Strapi's dotenv never overrides a variable that is already set).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

export type CmsEnv = Readonly<Record<string, string | undefined>>;

/** apps/cms, where the CMS runs (this file is apps/cms/scripts/ops/cms-env.ts). */
export const CMS_DIR = path.resolve(__dirname, '..', '..');

export const loadCmsEnv = (): CmsEnv => {
  const file = path.join(CMS_DIR, '.env');
  const fromFile = fs.existsSync(file) ? parseEnv(fs.readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...process.env };
};

/** Strapi's `env()` helper over a CmsEnv, for the config functions the ops commands share. */
export const strapiEnv = (vars: CmsEnv) => {
  const read = (name: string, fallback = '') => vars[name] ?? fallback;
  return Object.assign(read, {
    bool: (name: string, fallback = false) => {
      const value = vars[name];
      return value === undefined ? fallback : value === 'true';
    },
  });
};

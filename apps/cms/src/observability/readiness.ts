/**
 * Can this CMS instance do its job: the database answers and the upload storage is reachable
 * (the local uploads folder is writable, or the S3 endpoint answers). The CMS uses no Redis.
 * Results are reused for a second and concurrent probes share one check, so probes cannot load
 * the database.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import type { Core } from '@strapi/strapi';

import type { S3UploadSettings } from '../utils/upload-storage';

export type Check = { ok: boolean; detail: string };
export type Readiness = { ready: boolean; checks: { database: Check; storage: Check } };

const REUSE_MS = 1000;
const TIMEOUT_MS = 2000;

/** The error's code or kind only: a message could name internal addresses to whoever asks. */
const failed = (error: unknown): Check => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return { ok: false, detail: code };
  return { ok: false, detail: error instanceof Error && /did not answer/.test(error.message) ? 'timeout' : 'error' };
};

const withTimeout = <T>(work: Promise<T>, what: string): Promise<T> =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer in ${String(TIMEOUT_MS)} ms`)), TIMEOUT_MS).unref(),
    ),
  ]);

const checkDatabase = async (strapi: Core.Strapi): Promise<Check> => {
  const started = Date.now();
  try {
    await withTimeout(strapi.db.connection.raw('select 1'), 'the database');
    return { ok: true, detail: `answered in ${String(Date.now() - started)} ms` };
  } catch (error) {
    return failed(error);
  }
};

const checkStorage = async (strapi: Core.Strapi, s3: S3UploadSettings | null): Promise<Check> => {
  try {
    if (!s3) {
      const uploads = path.join(strapi.dirs.static.public, 'uploads');
      await fs.access(uploads, fs.constants.W_OK);
      return { ok: true, detail: 'local uploads writable' };
    }
    // Any answer (403 without credentials included) means the endpoint is reachable.
    const endpoint = s3.endpoint ?? `https://s3.${s3.region}.amazonaws.com`;
    const res = await fetch(endpoint, { method: 'HEAD', signal: AbortSignal.timeout(TIMEOUT_MS) });
    return { ok: true, detail: `S3 endpoint answered ${String(res.status)}` };
  } catch (error) {
    return failed(error);
  }
};

export const createReadiness = (strapi: Core.Strapi, s3: S3UploadSettings | null) => {
  let last: { at: number; result: Promise<Readiness> } | null = null;
  return (): Promise<Readiness> => {
    if (last && Date.now() - last.at < REUSE_MS) return last.result;
    const result = Promise.all([checkDatabase(strapi), checkStorage(strapi, s3)]).then(([database, storage]) => ({
      ready: database.ok && storage.ok,
      checks: { database, storage },
    }));
    last = { at: Date.now(), result };
    return result;
  };
};

/**
 * A local S3-compatible server (s3rver) with one bucket, run as a child process, for the upload
 * provider's tests. It keeps objects in a temporary folder and accepts its default keys.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { inheritedEnv, spawnService, waitUntilReady } from '@nourish/test-support';

import { APP_DIR } from './cms-server';

// s3rver's built-in credentials (it checks signatures against these).
export const S3RVER_KEY = 'S3RVER';

const s3rverBin = () => {
  const require = createRequire(path.join(APP_DIR, 'package.json'));
  return path.join(path.dirname(require.resolve('s3rver/package.json')), 'bin', 's3rver.js');
};

export const startS3Server = async (port: number, bucket: string) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nourish-s3-'));
  const server = spawnService({
    command: [
      process.execPath,
      s3rverBin(),
      '--address',
      '127.0.0.1',
      '--port',
      String(port),
      '--directory',
      dir,
      '--configure-bucket',
      bucket,
    ],
    cwd: APP_DIR,
    env: inheritedEnv(),
  });
  const url = `http://127.0.0.1:${port}`;
  // Any answer means it listens (an unsigned bucket listing may be refused).
  await waitUntilReady(server, { name: 's3rver', url, timeoutMs: 30_000, isReady: () => true });
  return {
    url,
    /** Where readers load an object from: path-style, as s3rver serves it. */
    publicUrl: `${url}/${bucket}`,
    /** Object keys in the bucket (an anonymous ListObjectsV2, which s3rver answers). */
    async keys() {
      const res = await fetch(`${url}/${bucket}?list-type=2`);
      if (!res.ok) throw new Error(`listing ${bucket} answered ${res.status}: ${await res.text()}`);
      return [...(await res.text()).matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1] ?? '').sort();
    },
    async stop() {
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
};

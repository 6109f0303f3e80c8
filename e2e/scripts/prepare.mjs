// Every e2e run starts from a fresh CMS database and upload folder, and so from empty site caches:
// cached CMS data (.next/cache) and cached pages (.next/server/route-cache, which Next 16 keeps
// across restarts) belong to the database they came from. E2E_REUSE=1 keeps everything.
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const tmp = path.join(root, '.tmp');
if (process.env.E2E_REUSE !== '1') {
  fs.rmSync(tmp, { recursive: true, force: true });
  const next = path.join(root, '..', 'apps', 'web', '.next');
  for (const cache of ['cache/fetch-cache', 'cache/images', 'server/route-cache']) {
    fs.rmSync(path.join(next, cache), { recursive: true, force: true });
  }
}
fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });

// Every e2e run starts from a fresh CMS database and upload folder (unless the servers are being
// reused with E2E_REUSE=1, which keeps whatever they already hold).
import fs from 'node:fs';
import path from 'node:path';

const tmp = path.join(import.meta.dirname, '..', '.tmp');
if (process.env.E2E_REUSE !== '1') fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });

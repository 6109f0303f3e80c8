// Every e2e run starts from a fresh CMS database and upload folder.
import fs from 'node:fs';
import path from 'node:path';

const tmp = path.join(import.meta.dirname, '..', '.tmp');
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(path.join(tmp, 'public', 'uploads'), { recursive: true });

/**
 * Starts the e2e CMS and site exactly as playwright.config.ts does, and keeps them running, for
 * writing specs against: `npx tsx scripts/serve.ts`, then `E2E_REUSE=1 pnpm test` in another shell.
 */
import { spawn } from 'node:child_process';

import config from '../playwright.config';

const servers = Array.isArray(config.webServer) ? config.webServer : config.webServer ? [config.webServer] : [];
for (const server of servers) {
  const child = spawn(server.command, { cwd: server.cwd, env: server.env, shell: true, stdio: 'inherit' });
  process.on('exit', () => child.kill());
}
process.on('SIGINT', () => process.exit(0));

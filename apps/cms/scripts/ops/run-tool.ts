/** Runs a command-line tool (pg_dump, pg_restore) and turns a failure into an error with its stderr. */
import { execFile } from 'node:child_process';

export const runTool = (command: string, args: string[], env: Record<string, string>): Promise<void> =>
  new Promise((resolve, reject) => {
    execFile(command, args, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, _out, stderr) => {
      if (!error) {
        resolve();
        return;
      }
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(
        new Error(
          missing
            ? `${command} was not found: install the PostgreSQL client tools (Debian: postgresql-client) of the server's major version`
            : `${command} failed: ${stderr.trim() || error.message}`,
        ),
      );
    });
  });

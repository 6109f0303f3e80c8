// @ts-check
/**
 * Structured logs for production: with LOG_FORMAT=json (compose sets it),
 * every console line of the process (the server's, the app's, Next's own) becomes one JSON object
 * with time, level, message and the id of the request being served, and every request gets an
 * access line. A log pipeline can then follow one reader request into the CMS's logs (same id).
 */
import { format } from 'node:util';

const LEVELS = /** @type {const} */ ({ debug: 'debug', log: 'info', info: 'info', warn: 'warn', error: 'error' });

/** @param {Record<string, string | undefined>} env */
export const jsonLogsWanted = (env = process.env) => env.LOG_FORMAT === 'json';

/**
 * Replaces console's methods with JSON writers (stdout; warn and error to stderr).
 * @param {() => string | undefined} requestId the id of the request being served, if any
 */
export function logJsonLines(requestId) {
  for (const [method, level] of Object.entries(LEVELS)) {
    const stream = level === 'warn' || level === 'error' ? process.stderr : process.stdout;
    /** @type {Record<string, unknown>} */ (console)[method] = (/** @type {unknown[]} */ ...args) => {
      const id = requestId();
      stream.write(
        `${JSON.stringify({ time: new Date().toISOString(), level, msg: format(...args), ...(id ? { requestId: id } : {}) })}\n`,
      );
    };
  }
}

/**
 * One access line per request, written when it has been answered.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} requestId
 */
export function logAccess(req, res, requestId) {
  const started = performance.now();
  res.once('finish', () => {
    process.stdout.write(
      `${JSON.stringify({
        time: new Date().toISOString(),
        level: 'info',
        msg: 'request',
        requestId,
        method: req.method,
        path: (req.url ?? '/').split('?')[0],
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      })}\n`,
    );
  });
}

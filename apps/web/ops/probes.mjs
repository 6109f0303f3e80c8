// @ts-check
/**
 * Liveness and readiness, answered by the server before Next sees the request (no render, no
 * cache entry, no log line):
 *   GET /_live   204 while the process serves requests. Orchestrators restart on failure.
 *   GET /_ready  200 when this instance can do its job: the CMS answers its own readiness probe
 *                and the shared cache (Redis, when configured) is connected; 503 otherwise, with
 *                the failing check. The edge takes a not-ready instance out of rotation.
 * A readiness result is reused for READY_CACHE_MS and concurrent probes share one check, so
 * probing cannot load the CMS whatever the public or several edges send.
 */
const READY_CACHE_MS = 1000;

/** Set by cache-handler.mjs once Next has created the shared cache: whether Redis is connected. */
export const SHARED_CACHE_STATE_KEY = Symbol.for('nourish.sharedCacheConnected');

/**
 * @typedef {{ ok: boolean, detail: string }} Check
 * @typedef {{ ready: boolean, checks: { cms: Check, cache: Check } }} Readiness
 */

/** @param {{ cmsUrl: string, redisUrl?: string, timeoutMs: number }} options */
export function createProbes({ cmsUrl, redisUrl, timeoutMs }) {
  /** @returns {Promise<Check>} */
  const checkCms = async () => {
    const started = Date.now();
    try {
      const res = await fetch(new URL('/_ready', cmsUrl), { signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer();
      return res.ok
        ? { ok: true, detail: `ready in ${String(Date.now() - started)} ms` }
        : { ok: false, detail: `answered ${String(res.status)}` };
    } catch (error) {
      // No message: it would name internal addresses to whoever can reach the probe.
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return { ok: false, detail: timedOut ? `no answer in ${String(timeoutMs)} ms` : 'unreachable' };
    }
  };
  /** @returns {Check} */
  const checkCache = () => {
    if (!redisUrl) return { ok: true, detail: 'in memory (REDIS_URL unset)' };
    const connected = /** @type {(() => boolean) | undefined} */ (
      /** @type {Record<symbol, unknown>} */ (globalThis)[SHARED_CACHE_STATE_KEY]
    );
    // Next creates the cache handler at its first lookup; until then there is nothing to test.
    if (!connected) return { ok: true, detail: 'not opened yet' };
    return connected() ? { ok: true, detail: 'Redis connected' } : { ok: false, detail: 'Redis not connected' };
  };

  /** @type {{ at: number, result: Promise<Readiness> } | null} */
  let last = null;
  const readiness = () => {
    if (last && Date.now() - last.at < READY_CACHE_MS) return last.result;
    const result = checkCms().then((cms) => {
      const cache = checkCache();
      return { ready: cms.ok && cache.ok, checks: { cms, cache } };
    });
    last = { at: Date.now(), result };
    return result;
  };

  /**
   * Answers a probe request; false for every other request.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (req.url === '/_live') {
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
      return true;
    }
    if (req.url !== '/_ready') return false;
    readiness().then((state) => {
      const body = JSON.stringify({ status: state.ready ? 'ready' : 'not ready', checks: state.checks });
      res
        .writeHead(state.ready ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        .end(req.method === 'HEAD' ? undefined : body);
    });
    return true;
  };
}

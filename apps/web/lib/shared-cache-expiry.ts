/**
 * Expires tags in the shared cache (Redis) and resolves once that is done. `revalidateTag` in a
 * route handler only takes effect after the handler has returned, alongside its `after()`
 * callbacks, so the edge purge could beat it: the edge's next miss then fetched the old page from
 * an instance that still found it in Redis, and kept it for its s-maxage (bench `scale-out`: 1-2
 * of 20 publishes never reached the edge). cache-handler.mjs registers the expiry under
 * SHARED_CACHE_EXPIRY_KEY when the shared cache is on; without it there is nothing to wait for.
 */
export const SHARED_CACHE_EXPIRY_KEY = Symbol.for('nourish.sharedCacheExpiry');

export type SharedCacheExpiry = (tags: string[]) => Promise<void>;

const registered = (): SharedCacheExpiry | undefined => {
  const hook: unknown = (globalThis as Record<symbol, unknown>)[SHARED_CACHE_EXPIRY_KEY];
  return typeof hook === 'function' ? (hook as SharedCacheExpiry) : undefined;
};

/** Never throws: a Redis that cannot take the expiry now gets it again when back (cache-handler.mjs). */
export async function expireInSharedCache(tags: string[]): Promise<void> {
  const expire = registered();
  if (!expire || tags.length === 0) return;
  try {
    await expire(tags);
  } catch (error) {
    console.error(
      `[revalidate] shared cache expiry failed, purging the edge anyway: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

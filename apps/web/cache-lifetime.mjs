// @ts-check
/**
 * Hands Next the lifetime of a page read from the shared cache. Next 16 decides whether a cached
 * page is stale from the lifetime the entry carries (`cacheControl`) or, failing that, from what
 * this process remembers of rendering the route itself. A page another instance rendered has
 * neither, so Next took it for stale after 1 s: each instance served it as STALE and rendered it
 * again, and the cache was shared in name only (measured: bench `scale-out`). The shared cache
 * keeps the page's revalidate time (`lifespan.revalidate`); this returns it as `cacheControl`.
 */

/** Next's default `expireTime` (one year), which next.config.ts leaves as it is. */
export const NEXT_DEFAULT_EXPIRE_SECONDS = 31_536_000;

/**
 * @typedef {{ revalidate: number | false; expire: number | undefined }} CacheControl
 * @typedef {{ lifespan?: { revalidate?: number | false } | null; value?: { kind?: string } | null }} StoredEntry
 */

/**
 * The entry with its page's lifetime as `cacheControl`; anything else (data, or a page stored
 * without a lifetime) unchanged.
 * @template {StoredEntry} T
 * @param {T | null | undefined} entry
 * @returns {(T & { cacheControl?: CacheControl }) | null | undefined}
 */
export function withStoredLifetime(entry) {
  const revalidate = entry?.lifespan?.revalidate;
  if (!entry || entry.value?.kind !== 'APP_PAGE') return entry;
  if (revalidate === false) return { ...entry, cacheControl: { revalidate, expire: NEXT_DEFAULT_EXPIRE_SECONDS } };
  if (typeof revalidate !== 'number' || revalidate <= 0) return entry;
  return { ...entry, cacheControl: { revalidate, expire: Math.max(revalidate, NEXT_DEFAULT_EXPIRE_SECONDS) } };
}

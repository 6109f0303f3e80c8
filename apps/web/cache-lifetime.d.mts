/** Types of cache-lifetime.mjs (the site's tsconfig does not check JavaScript). */
export declare const NEXT_DEFAULT_EXPIRE_SECONDS: number;
export type CacheControl = { revalidate: number | false; expire: number | undefined };
export type StoredEntry = { lifespan?: { revalidate?: number | false } | null; value?: { kind?: string } | null };
export declare function withStoredLifetime<T extends StoredEntry>(
  entry: T | null | undefined,
): (T & { cacheControl?: CacheControl }) | null | undefined;

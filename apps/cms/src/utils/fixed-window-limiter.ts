/**
 * Per-key request counts in fixed one-window buckets, in memory (one CMS process; behind several
 * instances each counts its own share). Written here rather than taken from koa2-ratelimit (the
 * library Strapi's admin login uses): its memory store is one module-wide object shared with the
 * admin's limiter and sweeps every key on every request, so a flood from many addresses costs
 * O(clients) per request; this one sweeps expired keys once per window.
 */
export type LimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

export const createFixedWindowLimiter = (limit: number, windowMs: number, now: () => number = Date.now) => {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = now() + windowMs;

  const sweep = (at: number) => {
    for (const [key, window] of windows) if (window.resetAt <= at) windows.delete(key);
    nextSweep = at + windowMs;
  };

  return {
    hit(key: string): LimitResult {
      const at = now();
      if (at >= nextSweep) sweep(at);
      let window = windows.get(key);
      if (!window || window.resetAt <= at) {
        window = { count: 0, resetAt: at + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return {
        allowed: window.count <= limit,
        remaining: Math.max(limit - window.count, 0),
        retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - at) / 1000)),
      };
    },
    /** Keys currently tracked (for tests). */
    get size() {
      return windows.size;
    },
  };
};

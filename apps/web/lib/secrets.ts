import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented secret with the configured one in constant time (hashing first makes the
 * lengths equal, so not even the length leaks). An unset secret never matches.
 */
export const secretMatches = (presented: string | null | undefined, expected: string | undefined): boolean => {
  if (!presented || !expected) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
};

export const previewSecret = (): string | undefined => process.env.PREVIEW_SECRET || undefined;
export const revalidateSecret = (): string | undefined => process.env.REVALIDATE_SECRET || undefined;

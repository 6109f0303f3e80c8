/**
 * Lookups that fail the test with a clear message when nothing is there, so a test reads on
 * with a value rather than a maybe (the CMS typechecks with noUncheckedIndexedAccess).
 */
import assert from 'node:assert/strict';

/** The value, asserted to be there. */
export function found<T>(value: T | null | undefined, what: string): T {
  assert.ok(value !== undefined && value !== null, `${what} not found`);
  return value;
}

/** The first item, asserted to exist. */
export const first = <T>(items: readonly T[], what: string): T => found(items[0], `first ${what}`);

/** The item at `index`, asserted to exist. */
export const nth = <T>(items: readonly T[], index: number, what: string): T => found(items[index], `${what} #${index}`);

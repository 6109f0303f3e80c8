/** Polling for something another process does in its own time, failing with what was awaited. */
import assert from 'node:assert/strict';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `check` is true; fails the test if it is not within `ms`. */
export const waitUntil = async (check: () => Promise<boolean>, ms: number, what: string, intervalMs = 250) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(intervalMs);
  }
  assert.fail(`${what} did not happen within ${ms} ms`);
};

/**
 * The reporter's closing line (scripts/node-test-summary.mjs) against fixtures with every outcome,
 * and against the counts node itself prints for the same run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const reporter = path.join(here, '..', 'node-test-summary.mjs');
const fixture = (name) => path.join(here, 'fixtures', name);

// Without NODE_TEST_CONTEXT: with it, the inner run would stream its events to this runner instead.
const { NODE_TEST_CONTEXT: _, ...env } = process.env;

/** Runs node --test on the files with the spec reporter and ours, both on stdout. */
const run = (...files) => {
  const result = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${reporter}`,
      '--test-reporter-destination=stdout',
      ...files,
    ],
    { encoding: 'utf8', env: { ...env, npm_package_name: 'fixture' } },
  );
  const lines = result.stdout.split('\n');
  const closing = lines.filter((l) => l.startsWith('fixture: '));
  assert.equal(closing.length, 1, `one closing line expected, got:\n${result.stdout.slice(-2000)}`);
  // node's own counts, as the spec reporter prints them (`ℹ pass 2`), where this node prints them.
  const own = Object.fromEntries(
    lines
      .map((l) => /^\S+ (pass|fail|cancelled|skipped|todo) (\d+)$/.exec(l))
      .filter(Boolean)
      .map((m) => [m[1], Number(m[2])]),
  );
  return { status: result.status, closing: closing[0], own };
};

test('every outcome is counted, with cancelled and todo named', () => {
  const { status, closing, own } = run(fixture('every-outcome.mjs'), fixture('crashes-on-load.mjs'));
  assert.notEqual(status, 0);
  // passed: 2; failed: fails, inner fail, the parent, the crashed file (4) + 2 cancelled; skipped: 2 + 2 todo.
  assert.equal(closing, 'fixture: 2 passed, 6 failed, 4 skipped (2 cancelled, 2 todo)');
  if (own.pass !== undefined) {
    assert.equal(
      closing,
      `fixture: ${own.pass} passed, ${own.fail + own.cancelled} failed, ${own.skipped + own.todo} skipped (${own.cancelled} cancelled, ${own.todo} todo)`,
    );
  }
});

test('a clean run ends with the plain line', () => {
  const { status, closing } = run(fixture('crashes-on-load.mjs').replace('crashes-on-load', 'passes'));
  assert.equal(status, 0);
  assert.equal(closing, 'fixture: 1 passed, 0 failed, 0 skipped');
});

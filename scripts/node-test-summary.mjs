/**
 * A node:test reporter that ends a run with one line, `<package>: N passed, N failed, N skipped`,
 * the same closing line as the security suite, which scripts/test.sh sums. Run it beside the
 * spec reporter (see the `test` scripts of packages/content and apps/cms).
 *
 * It reads the runner's own closing counts (the `tests/pass/fail/cancelled/skipped/todo`
 * diagnostics, printed by every reporter on Node 20, 22 and 24), so it counts exactly what node
 * counts. A cancelled test (a timeout, a file that stopped early) did not pass: it counts as failed.
 * The last value of each count wins: the whole run's summary comes after any per-file one.
 */
export default async function* nodeTestSummary(source) {
  const counts = {};
  for await (const event of source) {
    if (event.type !== 'test:diagnostic' || event.data.nesting !== 0) continue;
    const match = /^(pass|fail|cancelled|skipped|todo) (\d+)$/.exec(event.data.message);
    if (match) counts[match[1]] = Number(match[2]);
  }
  const name = process.env.npm_package_name ?? 'node:test';
  if (counts.pass === undefined) {
    yield `${name}: 0 passed, 1 failed, 0 skipped (the run ended without a summary)\n`;
    return;
  }
  const n = (key) => counts[key] ?? 0;
  yield `${name}: ${n('pass')} passed, ${n('fail') + n('cancelled')} failed, ${n('skipped') + n('todo')} skipped\n`;
}

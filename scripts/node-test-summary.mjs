/**
 * A node:test reporter that ends a run with one line, `<package>: N passed, N failed, N skipped`,
 * the same closing line as the security suite, which scripts/test.sh sums. Run it beside the
 * spec reporter (see the `test` scripts of packages/content and apps/cms).
 *
 * It reads only structured events, never the text of a message (TAP's `# pass` or the spec
 * reporter's `ℹ pass`, whose wording and presence have changed between Node versions):
 * - Node 22.10+ and 23+ send `test:summary`; the run's cumulative one (no `file`) is node's own count.
 * - Node 20 has no such event, so every finished test is counted from its `test:pass` / `test:fail`
 *   event the way node's runner counts it (suites are not tests; skip and todo first; a test
 *   that timed out or whose parent ended first is cancelled).
 * A cancelled test did not pass: it counts as failed. Todo tests count as skipped. Both also
 * appear by name at the end of the line when there are any.
 */
const CANCELLED = new Set(['cancelledByParent', 'testTimeoutFailure']);

export default async function* nodeTestSummary(source) {
  const tally = { passed: 0, failed: 0, cancelled: 0, skipped: 0, todo: 0 };
  let summary;
  let seen = false;
  for await (const event of source) {
    const data = event.data;
    if (event.type === 'test:summary') {
      if (data.file === undefined) summary = data.counts;
      continue;
    }
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (data.details?.type === 'suite') continue;
    seen = true;
    if (data.skip) tally.skipped++;
    else if (data.todo) tally.todo++;
    else if (event.type === 'test:pass') tally.passed++;
    else if (CANCELLED.has(data.details?.error?.failureType)) tally.cancelled++;
    else tally.failed++;
  }
  const name = process.env.npm_package_name ?? 'node:test';
  const counts = summary ?? tally;
  if (!summary && !seen) {
    yield `${name}: 0 passed, 1 failed, 0 skipped (the run reported no test)\n`;
    return;
  }
  const detail = [counts.cancelled && `${counts.cancelled} cancelled`, counts.todo && `${counts.todo} todo`].filter(
    Boolean,
  );
  const failed = counts.failed + counts.cancelled;
  const skipped = counts.skipped + counts.todo;
  yield `${name}: ${counts.passed} passed, ${failed} failed, ${skipped} skipped${detail.length ? ` (${detail.join(', ')})` : ''}\n`;
}

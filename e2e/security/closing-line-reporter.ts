/**
 * Ends a suite (security, resilience: named after the Playwright projects that ran) with its own
 * `name: N passed, N failed` line (skipped and interrupted tests
 * counted too), so a run that stopped early or skipped a probe can never read as a clean pass.
 */
import type { FullResult, Reporter, Suite } from '@playwright/test/reporter';

export default class ClosingLineReporter implements Reporter {
  private root: Suite | undefined;
  private readonly name: string | undefined;

  /** `name` starts the line; without it, the names of the projects that ran. */
  constructor(options: { name?: string } = {}) {
    this.name = options.name;
  }

  onBegin(_config: unknown, suite: Suite): void {
    this.root = suite;
  }

  onEnd(result: FullResult): void {
    const tests = this.root?.allTests() ?? [];
    const count = (outcome: string) => tests.filter((test) => test.outcome() === outcome).length;
    const passed = count('expected') + count('flaky');
    const failed = count('unexpected');
    // A test that never ran because the run was interrupted or timed out, or because an earlier test
    // of its serial group failed, is a failure, not a skip. Only a test.skip() is a skip.
    const notRun = tests.filter(
      (test) =>
        test.outcome() === 'skipped' &&
        (test.expectedStatus !== 'skipped' || (result.status !== 'passed' && test.results.length === 0)),
    ).length;
    const skipped = count('skipped') - notRun;
    // A run that failed without failing a test (a server that did not start) still counts as one failure.
    const runFailed = result.status !== 'passed' && failed + notRun === 0 ? 1 : 0;
    const name =
      this.name ?? ([...new Set(this.root?.suites.map((project) => project.title) ?? [])].join('+') || 'playwright');
    console.log(`${name}: ${passed} passed, ${failed + notRun + runFailed} failed, ${skipped} skipped`);
  }
}

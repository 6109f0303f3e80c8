/**
 * Lighthouse probe: runs Lighthouse 12 (default config: mobile emulation + simulated throttling)
 * against each URL in one shared headless Chromium and returns the four category scores plus the
 * lab metrics we budget on (LCP, TBT, CLS).
 *
 *   const [home] = await runLighthouse(['http://127.0.0.1:3100/'], { runs: 3 });
 *
 * Uses Debian's Chromium (@nourish/test-support; CHROME_PATH overrides /usr/bin/chromium): Lighthouse
 * cannot download a browser of its own here.
 */
import type { Flags, Result } from 'lighthouse';
import { launch } from 'chrome-launcher';
import { CHROMIUM_FLAGS, chromiumPath } from '@nourish/test-support';

export type LighthouseResult = {
  url: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
};

// chrome-launcher, unlike Playwright, neither goes headless nor skips the first-run UI by itself.
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS, '--no-first-run'];

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type CategoryId = (typeof CATEGORIES)[number];

/** Category score as an integer 0-100; null means the category could not be computed. */
const score = (lhr: Result, id: CategoryId): number => {
  const value = lhr.categories[id]?.score;
  if (value === null || value === undefined) {
    throw new Error(`Lighthouse ${lhr.requestedUrl}: no ${id} score (${lhr.runtimeError?.code ?? 'NO_SCORE'})`);
  }
  return Math.round(value * 100);
};

const metric = (lhr: Result, auditId: string): number => {
  const value = lhr.audits[auditId]?.numericValue;
  if (value === undefined) {
    const code = lhr.audits[auditId]?.errorMessage ?? lhr.runtimeError?.code ?? 'NO_VALUE';
    throw new Error(`Lighthouse ${lhr.requestedUrl}: no ${auditId} value (${code})`);
  }
  return value;
};

type Lighthouse = (typeof import('lighthouse'))['default'];

/**
 * Lighthouse is loaded with a native import(), not a static import: under tsx a static import in this
 * CommonJS package is require()d, so tsx re-compiles Lighthouse's ESM with esbuild's keepNames, which
 * injects `__name(...)` into the page functions Lighthouse stringifies into the browser, and the run
 * dies with "ReferenceError: __name is not defined". import() goes through Node's ESM loader untouched.
 */
const loadLighthouse = async (): Promise<Lighthouse> => (await import('lighthouse')).default;

const runOnce = async (lighthouse: Lighthouse, url: string, port: number): Promise<LighthouseResult> => {
  // No config argument: Lighthouse's default config is the mobile, simulated-throttling one.
  const flags: Flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
  };
  const runnerResult = await lighthouse(url, flags);
  if (!runnerResult) throw new Error(`Lighthouse ${url}: no result (NO_RESULT)`);
  const { lhr } = runnerResult;
  // A failed load (DNS, HTTP error, no FCP, ...) still returns an lhr, with scores set to null:
  // fail loudly instead of reporting zeros.
  if (lhr.runtimeError) {
    throw new Error(`Lighthouse ${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  }
  return {
    url,
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    seo: score(lhr, 'seo'),
    lcpMs: metric(lhr, 'largest-contentful-paint'),
    tbtMs: metric(lhr, 'total-blocking-time'),
    cls: metric(lhr, 'cumulative-layout-shift'),
  };
};

/**
 * Runs Lighthouse `runs` times per URL (default 1) and keeps, per URL, the run with the median
 * performance score: single runs are noisy, and reporting one whole run (rather than a median per
 * field) keeps LCP/TBT/CLS consistent with the score they produced.
 */
export async function runLighthouse(urls: string[], options: { runs?: number } = {}): Promise<LighthouseResult[]> {
  const runs = options.runs ?? 1;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`);
  const lighthouse = await loadLighthouse();

  // One browser for all runs: Lighthouse opens a fresh tab and clears storage per navigation.
  const chrome = await launch({
    chromePath: chromiumPath(),
    chromeFlags: CHROME_FLAGS,
    logLevel: 'error',
  });
  try {
    const results: LighthouseResult[] = [];
    for (const url of urls) {
      // Sequential on purpose: parallel runs in one browser skew each other's timings.
      const attempts: LighthouseResult[] = [];
      for (let i = 0; i < runs; i++) attempts.push(await runOnce(lighthouse, url, chrome.port));
      attempts.sort((a, b) => a.performance - b.performance);
      results.push(attempts[Math.floor(attempts.length / 2)]);
    }
    return results;
  } finally {
    chrome.kill();
  }
}

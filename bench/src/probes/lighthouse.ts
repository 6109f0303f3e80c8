/**
 * Lighthouse probe: runs Lighthouse 12 (default config: mobile emulation + simulated throttling)
 * against each URL in one shared headless Chromium and returns the four category scores plus the
 * lab metrics we budget on (LCP, TBT, CLS): the median of `runs` runs, with the spread of
 * performance and TBT.
 *
 *   const [floor, home] = await runLighthouse(['http://127.0.0.1:3110/', 'http://127.0.0.1:3100/'], { runs: 3 });
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

/** The median of each figure over `runs` runs, with the lowest and highest performance and TBT. */
export type LighthouseMedian = LighthouseResult & {
  runs: number;
  performanceRange: [number, number];
  tbtMsRange: [number, number];
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

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Each figure's median over one URL's runs (scores rounded to integers, as Lighthouse shows them),
 * and the spread of performance and TBT: single runs are noisy, and a comparison with another page
 * means something only next to how far each moved.
 */
export function medianOfRuns(attempts: LighthouseResult[]): LighthouseMedian {
  const [first] = attempts;
  if (first === undefined) throw new Error('medianOfRuns: no runs');
  if (attempts.some((a) => a.url !== first.url)) throw new Error('medianOfRuns: runs of different URLs');
  const of = (key: Exclude<keyof LighthouseResult, 'url'>) => median(attempts.map((a) => a[key]));
  const range = (key: 'performance' | 'tbtMs'): [number, number] => [
    Math.min(...attempts.map((a) => a[key])),
    Math.max(...attempts.map((a) => a[key])),
  ];
  return {
    url: first.url,
    performance: Math.round(of('performance')),
    accessibility: Math.round(of('accessibility')),
    bestPractices: Math.round(of('bestPractices')),
    seo: Math.round(of('seo')),
    lcpMs: of('lcpMs'),
    tbtMs: of('tbtMs'),
    cls: of('cls'),
    runs: attempts.length,
    performanceRange: range('performance'),
    tbtMsRange: range('tbtMs'),
  };
}

/**
 * Runs Lighthouse `runs` times per URL (default 1), interleaved (every URL once, then every URL
 * again, ...): a machine that slows down for a while then slows every page alike, so pages compared
 * with each other (ours with the framework floor) are compared in the same conditions.
 */
export async function runLighthouse(urls: string[], options: { runs?: number } = {}): Promise<LighthouseMedian[]> {
  const runs = options.runs ?? 1;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${String(runs)}`);
  const lighthouse = await loadLighthouse();

  // One browser for all runs: Lighthouse opens a fresh tab and clears storage per navigation.
  const chrome = await launch({
    chromePath: chromiumPath(),
    chromeFlags: CHROME_FLAGS,
    logLevel: 'error',
  });
  try {
    const attempts = urls.map((): LighthouseResult[] => []);
    for (let i = 0; i < runs; i++) {
      // Sequential on purpose: parallel runs in one browser skew each other's timings.
      for (const [n, url] of urls.entries()) attempts[n].push(await runOnce(lighthouse, url, chrome.port));
    }
    return attempts.map(medianOfRuns);
  } finally {
    chrome.kill();
  }
}

/**
 * Main-thread probe: Chromium's own counters (CDP `Performance.getMetrics`) for one page load, the
 * pages taking turns with the framework floor, N loads each. Lighthouse's TBT moved 2x between runs
 * of one page on the shared bench machine; these counters are what the renderer's main thread
 * actually ran (no simulated throttling), in thread time, so the minimum over a few loads is a
 * steady figure to compare pages by.
 *
 *   const [floor, article] = await measureMainThread(['http://127.0.0.1:3110/', 'http://127.0.0.1:3100/a'], { loads: 7 });
 *
 * Each load is a fresh browser context (cold HTTP cache, no service worker), a mobile viewport and
 * no throttling; the counters are read once the page has loaded and the main thread has had an
 * idle period (hydration done).
 */
import { launch } from 'chrome-launcher';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_FLAGS, chromiumPath } from '@nourish/test-support';

/** One load's counters: main-thread CPU time in ms (Chromium reports seconds), Nodes a count. */
export type MainThreadSample = {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  recalcStyleMs: number;
  nodes: number;
};

export type MainThreadFigures = {
  url: string;
  loads: number;
  min: MainThreadSample;
  median: MainThreadSample;
};

const FIELDS = {
  taskMs: 'TaskDuration',
  scriptMs: 'ScriptDuration',
  layoutMs: 'LayoutDuration',
  recalcStyleMs: 'RecalcStyleDuration',
  nodes: 'Nodes',
} as const satisfies Record<keyof MainThreadSample, string>;

type SampleKey = keyof MainThreadSample;
const SAMPLE_KEYS = Object.keys(FIELDS) as SampleKey[];

/** The sample from `Performance.getMetrics`'s list; a counter Chromium did not report is an error. */
export function sampleFromMetrics(metrics: ReadonlyArray<{ name: string; value: number }>): MainThreadSample {
  const value = (name: string): number => {
    const found = metrics.find((m) => m.name === name);
    if (found === undefined) throw new Error(`Performance.getMetrics reported no ${name}`);
    return found.value;
  };
  const ms = (name: string) => value(name) * 1000;
  return {
    taskMs: ms(FIELDS.taskMs),
    scriptMs: ms(FIELDS.scriptMs),
    layoutMs: ms(FIELDS.layoutMs),
    recalcStyleMs: ms(FIELDS.recalcStyleMs),
    nodes: value(FIELDS.nodes),
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const eachField = (samples: MainThreadSample[], of: (values: number[]) => number): MainThreadSample =>
  Object.fromEntries(SAMPLE_KEYS.map((key) => [key, of(samples.map((s) => s[key]))])) as MainThreadSample;

/** Each counter's minimum and median over one URL's loads (each counter on its own). */
export function summariseLoads(url: string, samples: MainThreadSample[]): MainThreadFigures {
  if (samples.length === 0) throw new Error(`summariseLoads: no loads of ${url}`);
  return {
    url,
    loads: samples.length,
    min: eachField(samples, (values) => Math.min(...values)),
    median: eachField(samples, median),
  };
}

/** A page's minimum counters over the floor's: the steadiest comparison (noise only adds time). */
export function ratioToFloor(page: MainThreadFigures, floor: MainThreadFigures): MainThreadSample {
  return Object.fromEntries(
    SAMPLE_KEYS.map((key) => {
      const base = floor.min[key];
      if (base <= 0) throw new Error(`the floor's ${FIELDS[key]} is ${String(base)}: no ratio`);
      return [key, page.min[key] / base];
    }),
  ) as MainThreadSample;
}

// A mid-range phone's viewport, as Lighthouse's mobile emulation, without its CPU throttling.
const MOBILE_VIEWPORT = { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

const loadOnce = async (browser: Browser, url: string): Promise<MainThreadSample> => {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport(MOBILE_VIEWPORT);
    const cdp = await page.createCDPSession();
    // Thread time, not wall time: what the main thread itself ran, which other processes holding
    // the cores do not stretch (at a load average of 18, one load's wall TaskDuration was 2.4 s
    // against 0.2 s of thread time).
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    // Async scripts (Next's chunks) run before the load event.
    const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (!response?.ok())
      throw new Error(`main-thread probe: ${url} answered ${String(response?.status() ?? 'nothing')}`);
    // Hydration and late tasks: wait for the main thread's first idle period (capped at 2 s).
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          requestIdleCallback(() => resolve(), { timeout: 2000 });
        }),
    );
    const { metrics } = await cdp.send('Performance.getMetrics');
    return sampleFromMetrics(metrics);
  } finally {
    await context.close();
  }
};

/**
 * Loads every URL `loads` times, taking turns (every URL once, then again, ...), and returns each
 * URL's figures. Unless `warm` says the pages were just loaded (a Lighthouse run before), one round
 * that is not counted comes first: it fills the site's page cache and image optimizer.
 */
export async function measureMainThread(
  urls: string[],
  options: { loads: number; warm?: boolean },
): Promise<MainThreadFigures[]> {
  const { loads, warm = false } = options;
  if (!Number.isInteger(loads) || loads < 1) throw new Error(`loads must be a positive integer, got ${String(loads)}`);
  const chrome = await launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS, '--no-first-run'],
    logLevel: 'error',
  });
  try {
    const browser = await puppeteer.connect({
      browserURL: `http://127.0.0.1:${String(chrome.port)}`,
      defaultViewport: null,
    });
    try {
      if (!warm) for (const url of urls) await loadOnce(browser, url);
      const samples = urls.map((): MainThreadSample[] => []);
      for (let i = 0; i < loads; i++) {
        // Sequential on purpose: loads in parallel would share the two cores and skew each other.
        for (const [n, url] of urls.entries()) samples[n].push(await loadOnce(browser, url));
      }
      return urls.map((url, n) => summariseLoads(url, samples[n]));
    } finally {
      await browser.disconnect();
    }
  } finally {
    chrome.kill();
  }
}

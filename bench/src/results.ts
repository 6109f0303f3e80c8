/** The shape of one benchmark run, as written to docs/benchmarks.json and read by bench:check. */
import type { EditorialMeasure } from './probes/editorial-calls';
import type { LighthouseMedian, LighthouseResult } from './probes/lighthouse';
import type { LoadResult, SequentialResult } from './probes/http-load';
import type { LabelledFigures } from './main-thread-table';
import type { CacheCounts } from './probes/next-cache-hits';
import type { PageWeight } from './probes/page-weight';
import type { PublishToLive } from './probes/publish-to-live';
import type { CallMeasure } from './probes/strapi-calls';
import type { UncachedScale } from './probes/uncached-scale';
import type { WxrImportMeasure } from './probes/wxr-import';

export type SizeResult = {
  database: 'postgres' | 'sqlite';
  articles: number;
  /** First boot of the CMS on an empty database: schema, demo seed (26 articles), search index. */
  demoSeedSeconds: number;
  /** The bulk generator from the demo content up to `articles`. */
  generateSeconds: number;
  calls: CallMeasure[];
  /** The admin's editorial panels (absent in runs before they were measured). */
  editorial?: EditorialMeasure[];
  /** Peak resident memory of the CMS while its calls were under load. */
  cmsPeakRssBytes: number;
};

/** One page's Lighthouse figures; runs before the floor kept one whole run, with no count or spread. */
export type LighthouseAudit = LighthouseResult &
  Partial<Pick<LighthouseMedian, 'runs' | 'performanceRange' | 'tbtMsRange'>>;

/**
 * The framework floor (bench/floor-app): a bare App Router page of the same Next and React with the
 * audited article's text, audited in the same Lighthouse rounds as our pages. `error` when it could
 * not be built, started or audited (the targets relative to it are then not measured).
 */
export type FloorResult = { path: string; weight: PageWeight; lighthouse: LighthouseAudit } | { error: string };

/** Pages labelled floor, article, home, topic; `error` when the probe could not run. */
export type MainThreadResult = { loads: number; pages: LabelledFigures[] } | { error: string };

export type SiteResult = {
  database: 'postgres' | 'sqlite';
  articles: number;
  page: string;
  cached: LoadResult;
  nginx: LoadResult;
  /** `next start` serving its smallest static file: what the framework costs per request at least. */
  nextStatic: LoadResult;
  uncached: SequentialResult;
  weight: PageWeight;
  /** Home and topic pages' HTML and first-load JS. Absent in runs before the framework floor. */
  listingWeights?: { home: PageWeight; topic: PageWeight };
  lighthouse: LighthouseAudit[];
  /** Absent in runs before the framework floor was benchmarked. */
  floor?: FloorResult;
  /**
   * Chromium's main-thread counters per page load (probes/main-thread.ts), the floor (when it was
   * measured) and our article, home and topic pages taking turns. Absent in runs before the probe.
   */
  mainThread?: MainThreadResult;
  publish: PublishToLive;
  peakRssBytes: { cms: number; site: number };
  /** The site alone (no edge) serving home and a topic page from its own cache. */
  listings?: { home: LoadResult; topic: LoadResult };
  /** Varnish (infra/edge) in front of the site. Absent in runs before the edge was benchmarked. */
  edge?: EdgeResult;
};

export type EdgePage = 'article' | 'home' | 'topic';
/** What the load client accepts: nothing (the page itself, the targets' basis) or gzip, as browsers do. */
export type Encoding = 'identity' | 'gzip';

/** One page under load through the edge, next to nginx serving the same bytes, measured back to back. */
export type EdgePageResult = {
  page: EdgePage;
  path: string;
  /** Absent in the first runs: identity. */
  encoding?: Encoding;
  bytes: number;
  /** The edge answered exactly the bytes nginx served (what makes the ratio a fair one). */
  sameBytes: boolean;
  nginx: LoadResult;
  edge: LoadResult;
};

export type EdgeResult = {
  varnish: string;
  pages: EdgePageResult[];
  /** A reader-like mix through the edge, cold at the start: home, topic pages, random articles. */
  mix: { paths: number; articles: number; load: LoadResult; hits: number; misses: number; hitRatio: number };
};

/** The scale-out part (issue #12): two site instances behind the edge, on two CMS instances. */
export type ScaleOutResult = {
  /** When this part ran (`--only=scale-out` replaces it alone in an earlier run's results). */
  date: string;
  database: 'postgres';
  articles: number;
  /** Uncached renders through the edge (bypassed), one site instance against two. */
  render: UncachedScale;
  /** One request sequence through the edge's round robin: cache shared in Redis vs one per instance. */
  cache: { paths: number; articles: number; concurrency: number; shared: CacheCounts; perInstance: CacheCounts };
  /** Publishes through the first CMS, each polled at the edge and on each instance. */
  publish: PublishToLive;
};

export type BenchResults = {
  mode: 'full' | 'smoke';
  date: string;
  machine: {
    cores: number;
    memoryGiB: number;
    cpu: string;
    node: string;
    postgres: string;
    sqlite: string;
    strapi: string;
    next: string;
  };
  settings: { connections: number; durationSec: number; warmupSec: number; samples: number };
  sizes: SizeResult[];
  site: SiteResult | null;
  /** Absent in runs before the scale-out part. */
  scaleOut?: ScaleOutResult;
  /** WordPress imports by the CLI, smallest first (issue #15). Absent in runs before the importer. */
  imports?: WxrImportMeasure[];
};

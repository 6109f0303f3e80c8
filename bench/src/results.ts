/** The shape of one benchmark run, as written to docs/benchmarks.json and read by bench:check. */
import type { LighthouseResult } from './probes/lighthouse';
import type { LoadResult, SequentialResult } from './probes/http-load';
import type { PageWeight } from './probes/page-weight';
import type { PublishToLive } from './probes/publish-to-live';
import type { CallMeasure } from './probes/strapi-calls';

export type SizeResult = {
  database: 'postgres' | 'sqlite';
  articles: number;
  /** First boot of the CMS on an empty database: schema, demo seed (26 articles), search index. */
  demoSeedSeconds: number;
  /** The bulk generator from the demo content up to `articles`. */
  generateSeconds: number;
  calls: CallMeasure[];
  /** Peak resident memory of the CMS while its calls were under load. */
  cmsPeakRssBytes: number;
};

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
  lighthouse: LighthouseResult[];
  publish: PublishToLive;
  peakRssBytes: { cms: number; site: number };
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
};

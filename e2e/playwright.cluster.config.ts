/**
 * The cluster suite (`pnpm test:cluster`, e2e/cluster/): faults on the production topology as
 * `pnpm cluster` runs it (packages/cluster), which the suite starts itself (cluster/stack.ts).
 * The specs share one cluster and run in file order: the ones that kill a part come last.
 */
import { defineConfig } from '@playwright/test';

import { EDGE_URL } from './cluster/stack';

export default defineConfig({
  testDir: './cluster',
  outputDir: 'test-results/cluster',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./security/closing-line-reporter.ts', { name: 'cluster-topology' }]],
  use: { baseURL: EDGE_URL },
  projects: [{ name: 'cluster', testMatch: ['**/*.spec.ts'] }],
});

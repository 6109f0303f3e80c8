/**
 * The shared-cache suite (`pnpm test:cluster-cache`, e2e/cluster-cache/): two site instances on one
 * private Redis as their Next cache, on a stack the suite starts itself (cluster-cache/stack.ts)
 * because its specs freeze and kill the CMS and Redis. Hence no webServer here.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './cluster-cache',
  outputDir: 'test-results/cluster-cache',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./security/closing-line-reporter.ts', { name: 'cluster-cache' }]],
  projects: [{ name: 'cluster-cache', testMatch: ['**/*.spec.ts'] }],
});

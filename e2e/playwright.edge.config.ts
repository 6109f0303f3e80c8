/**
 * The edge suite (`pnpm test:edge`, e2e/edge/): Varnish in front of the site, on a stack the suite
 * starts itself (edge/stack.ts) because its specs freeze, kill and restart the CMS and the site.
 * Hence no webServer here; the reader/editor/security suites keep playwright.config.ts.
 */
import { defineConfig } from '@playwright/test';

import { EDGE_URL } from './edge/stack';

export default defineConfig({
  testDir: './edge',
  outputDir: 'test-results/edge',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./security/closing-line-reporter.ts', { name: 'edge' }]],
  use: { baseURL: EDGE_URL },
  projects: [{ name: 'edge', testMatch: ['**/*.spec.ts'] }],
});

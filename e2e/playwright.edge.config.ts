/**
 * The edge suite (`pnpm test:edge`, e2e/edge/): Varnish in front of the site, on a stack the suite
 * starts itself (edge/stack.ts) because its specs freeze, kill and restart the CMS and the site.
 * Hence no webServer here; the reader/editor/security suites keep playwright.config.ts.
 */
import { EDGE_URL } from './edge/stack';
import { suiteConfig } from './fixtures/suite-config';

export default suiteConfig({ dir: 'edge', reportName: 'edge', timeout: 90_000, baseURL: EDGE_URL });

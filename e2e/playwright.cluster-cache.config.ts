/**
 * The shared-cache suite (`pnpm test:cluster-cache`, e2e/cluster-cache/): two site instances on one
 * private Redis as their Next cache, on a stack the suite starts itself (cluster-cache/stack.ts)
 * because its specs freeze and kill the CMS and Redis. Hence no webServer here.
 */
import { suiteConfig } from './fixtures/suite-config';

export default suiteConfig({ dir: 'cluster-cache', reportName: 'cluster-cache', timeout: 90_000 });

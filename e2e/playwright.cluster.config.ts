/**
 * The cluster suite (`pnpm test:cluster`, e2e/cluster/): faults on the production topology as
 * `pnpm cluster` runs it (packages/cluster), which the suite starts itself (cluster/stack.ts).
 * The specs share one cluster and run in file order: the ones that kill a part come last.
 */
import { EDGE_URL } from './cluster/stack';
import { suiteConfig } from './fixtures/suite-config';

export default suiteConfig({ dir: 'cluster', reportName: 'cluster-topology', timeout: 120_000, baseURL: EDGE_URL });

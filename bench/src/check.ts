/**
 * `pnpm bench:check`: reads a run's results (docs/benchmarks.json unless a path is given), prints
 * every target with its figure, and exits non-zero when one is missed.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { BenchResults } from './results';
import { ROOT } from './servers';
import { evaluateTargets } from './targets';

const file = path.resolve(process.argv[2] ?? path.join(ROOT, 'docs/benchmarks.json'));
if (!fs.existsSync(file)) {
  console.error(`${file} does not exist: run \`pnpm bench\` first`);
  process.exit(2);
}
const results = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
const targets = evaluateTargets(results);
console.log(`Targets for the ${results.mode} run of ${results.date} (${path.relative(ROOT, file)}):\n`);
for (const t of targets) console.log(`${t.met === null ? 'n/a   ' : t.met ? 'met   ' : 'MISSED'}  ${t.target}: ${t.measured}`);
const missed = targets.filter((t) => t.met === false);
console.log(`\n${targets.filter((t) => t.met).length} met, ${missed.length} missed, ${targets.filter((t) => t.met === null).length} not in this run`);
process.exit(missed.length > 0 ? 1 : 0);

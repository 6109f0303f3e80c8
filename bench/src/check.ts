/**
 * `pnpm bench:check [--smoke] [results.json]`: prints every target with its figure and exits
 * non-zero when one is missed or was not measured (a target the run could not measure is not met).
 *
 * - Without --smoke: the full targets, on docs/benchmarks.json. Smoke results fail them outright:
 *   200 articles and seconds per probe say nothing about the full targets.
 * - With --smoke: the smoke targets (targets.ts), on .tmp/bench/benchmarks.json, as CI runs it
 *   after `pnpm bench --smoke`.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { BenchResults } from './results';
import { ROOT } from './servers';
import { evaluateTargets, targetsFor } from './targets';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const unknown = args.filter((a) => a.startsWith('--') && a !== '--smoke');
if (unknown.length > 0) {
  console.error(`unknown option ${unknown.join(' ')}: usage \`pnpm bench:check [--smoke] [results.json]\``);
  process.exit(2);
}
const given = args.find((a) => !a.startsWith('--'));
// A path given is relative to where the command was typed (pnpm runs the script in bench/).
const file = given
  ? path.resolve(process.env.INIT_CWD ?? process.cwd(), given)
  : path.join(ROOT, smoke ? '.tmp/bench/benchmarks.json' : 'docs/benchmarks.json');
if (!fs.existsSync(file)) {
  console.error(`${file} does not exist: run \`pnpm bench${smoke ? ' --smoke' : ''}\` first`);
  process.exit(2);
}
const results = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
const mode = smoke ? 'smoke' : 'full';
const targets = evaluateTargets(results, targetsFor(mode));

console.log(
  `${mode === 'smoke' ? 'Smoke' : 'Full'} targets, on the ${results.mode} run of ${results.date} (${path.relative(ROOT, file)}):\n`,
);
const label = { met: 'met         ', missed: 'MISSED      ', 'not measured': 'NOT MEASURED' } as const;
for (const t of targets) console.log(`${label[t.outcome]}  ${t.target}: ${t.measured}`);
const count = (outcome: string) => targets.filter((t) => t.outcome === outcome).length;
console.log(`\n${count('met')} met, ${count('missed')} missed, ${count('not measured')} not measured`);

const failures: string[] = [];
if (mode === 'full' && results.mode === 'smoke') {
  failures.push(
    'these are smoke results: a smoke run (200 articles, seconds per probe) cannot pass the full targets: run `pnpm bench` for them, or check the smoke targets with `pnpm bench:check --smoke`',
  );
}
if (count('missed') > 0) failures.push(`${count('missed')} target(s) missed`);
if (count('not measured') > 0)
  failures.push(`${count('not measured')} target(s) not measured: a target the run did not measure is not met`);
if (failures.length > 0) {
  console.error(`\nbench:check failed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  process.exit(1);
}
console.log('\nbench:check passed');

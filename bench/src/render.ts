/** Re-renders docs/benchmarks.md from docs/benchmarks.json (after a change to the report's layout). */
import fs from 'node:fs';
import path from 'node:path';

import { renderReport } from './report';
import type { BenchResults } from './results';
import { ROOT } from './servers';

const json = path.resolve(process.argv[2] ?? path.join(ROOT, 'docs/benchmarks.json'));
const results = JSON.parse(fs.readFileSync(json, 'utf8')) as BenchResults;
fs.writeFileSync(json.replace(/\.json$/, '.md'), renderReport(results));
console.log(`wrote ${path.relative(ROOT, json.replace(/\.json$/, '.md'))}`);

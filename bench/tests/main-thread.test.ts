/** The main-thread probe's pure parts (src/probes/main-thread.ts) and its report table. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { mainThreadTable } from '../src/main-thread-table';
import {
  ratioToFloor,
  sampleFromMetrics,
  summariseLoads,
  type MainThreadFigures,
  type MainThreadSample,
} from '../src/probes/main-thread';

const metrics = (task: number, script: number, layout: number, style: number, nodes: number) => [
  { name: 'Timestamp', value: 1234.5 },
  { name: 'TaskDuration', value: task },
  { name: 'ScriptDuration', value: script },
  { name: 'LayoutDuration', value: layout },
  { name: 'RecalcStyleDuration', value: style },
  { name: 'Nodes', value: nodes },
];

const sample = (taskMs: number, scriptMs: number, layoutMs: number, recalcStyleMs: number, nodes: number) => ({
  taskMs,
  scriptMs,
  layoutMs,
  recalcStyleMs,
  nodes,
});

test('sampleFromMetrics turns Chromium seconds into ms and keeps the node count', () => {
  assert.deepEqual(sampleFromMetrics(metrics(0.25, 0.04, 0.011, 0.002, 170)), sample(250, 40, 11, 2, 170));
});

test('sampleFromMetrics names the counter Chromium did not report', () => {
  const withoutLayout = metrics(0.25, 0.04, 0.011, 0.002, 170).filter((m) => m.name !== 'LayoutDuration');
  assert.throws(() => sampleFromMetrics(withoutLayout), /no LayoutDuration/);
});

test('summariseLoads takes each counter minimum and median on its own', () => {
  const loads: MainThreadSample[] = [
    sample(300, 50, 10, 4, 600),
    sample(250, 60, 30, 2, 600),
    sample(500, 40, 20, 3, 602),
  ];
  const figures = summariseLoads('http://x/', loads);
  assert.equal(figures.loads, 3);
  assert.deepEqual(figures.min, sample(250, 40, 10, 2, 600));
  assert.deepEqual(figures.median, sample(300, 50, 20, 3, 600));
  // An even count takes the mean of the middle two.
  assert.equal(summariseLoads('http://x/', loads.slice(0, 2)).median.taskMs, 275);
  assert.throws(() => summariseLoads('http://x/', []), /no loads/);
});

const figures = (url: string, min: MainThreadSample): MainThreadFigures => ({ url, loads: 1, min, median: min });

test('ratioToFloor divides the minimums, and refuses a floor with a zero counter', () => {
  const floor = figures('http://floor/', sample(250, 40, 10, 2, 170));
  const page = figures('http://page/', sample(500, 60, 30, 3, 340));
  assert.deepEqual(ratioToFloor(page, floor), { taskMs: 2, scriptMs: 1.5, layoutMs: 3, recalcStyleMs: 1.5, nodes: 2 });
  assert.throws(() => ratioToFloor(page, figures('http://floor/', sample(250, 40, 0, 2, 170))), /LayoutDuration/);
});

test('mainThreadTable shows each page against the reference, and no ratios without one', () => {
  const pages = [
    { label: 'floor', figures: figures('http://floor/', sample(250, 40, 10, 2, 170)) },
    { label: 'article', figures: figures('http://page/', sample(500, 60, 30, 3, 340)) },
  ];
  const rows = mainThreadTable(pages, 'floor').split('\n');
  assert.equal(rows.length, 4);
  assert.match(
    rows[3],
    /^\| article \| 1 \| 500 \/ 500 \| 60 \/ 60 \| 30 \/ 30 \| 3 \/ 3 \| 340 \/ 340 \| 2\.00x \| 1\.50x \| 3\.00x \|$/,
  );
  const withoutFloor = mainThreadTable(pages.slice(1), 'floor').split('\n');
  assert.match(withoutFloor[2], /^\| article \| 1 \| 500 \/ 500 \|.* \| {2}\| {2}\| {2}\|$/);
});

/** Reading CPU time from /proc (src/probes/process-cpu.ts): the parsers, and a meter on a busy child. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';

import { cpuMeter, machineTicks, processTicks } from '../src/probes/process-cpu';

test('processTicks adds utime and stime, whatever the process name holds', () => {
  // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
  const stat = '4242 (node (worker) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 11 0';
  assert.equal(processTicks(stat), 1234 + 567);
});

test('machineTicks counts busy time and idle time of all cores', () => {
  const procStat = 'cpu  100 5 50 800 20 3 7 0 0 0\ncpu0 50 2 25 400 10 1 3 0 0 0\n';
  assert.deepEqual(machineTicks(procStat), { busy: 100 + 5 + 50 + 3 + 7, total: 100 + 5 + 50 + 3 + 7 + 800 + 20 });
});

/** A child that says "ready" on stdout once Node has started, then runs `code`. */
const child = (code: string) => spawn(process.execPath, ['-e', `process.stdout.write('ready\\n'); ${code}`]);

/** Resolves on the child's first stdout line that equals `line`. */
const said = (proc: ReturnType<typeof spawn>, line: string) =>
  new Promise<void>((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split('\n').includes(line)) resolve();
    });
    proc.once('exit', (status) => reject(new Error(`child exited (${String(status)}) before it said ${line}`)));
  });

/** CPU time the spinning child spends, by its own account (process.cpuUsage). */
const SPIN_SECONDS = 0.3;

test('a meter sees the CPU time a busy child spends, and none for an idle one', async () => {
  // The busy child spins for a fixed amount of its own CPU time, not of wall time: on a loaded
  // machine (CI once ran this at a load average of 20 on 2 cores) a share of a core per second
  // says nothing. Metering starts once both have started: Node's own start-up is not counted.
  const spin = child(
    `const from = process.cpuUsage(); for (;;) { const u = process.cpuUsage(from); if (u.user + u.system >= ${SPIN_SECONDS * 1e6}) break; }` +
      ` process.stdout.write('spent\\n'); setInterval(() => {}, 60_000);`,
  );
  const idle = child('setInterval(() => {}, 60_000);');
  try {
    const spinReady = said(spin, 'ready');
    const spinSpent = said(spin, 'spent');
    await Promise.all([spinReady, said(idle, 'ready')]);
    const meter = cpuMeter({ spin: spin.pid!, idle: idle.pid! });
    const from = performance.now();
    await spinSpent;
    const elapsed = (performance.now() - from) / 1000;
    const use = meter.stop();
    const cpuSeconds = (name: 'spin' | 'idle') => use.cores[name] * elapsed;
    // Ticks are 10 ms and the meter may start a moment after the child began spinning.
    assert.ok(
      cpuSeconds('spin') > SPIN_SECONDS * 0.6 && cpuSeconds('spin') < SPIN_SECONDS * 1.5,
      `the spinning child spent ${SPIN_SECONDS} s of CPU; the meter saw ${cpuSeconds('spin').toFixed(3)} s`,
    );
    assert.ok(cpuSeconds('idle') < 0.05, `the idle child was metered at ${cpuSeconds('idle').toFixed(3)} s of CPU`);
    assert.ok(use.machineCores >= use.cores.spin - 0.05, 'the machine was at least as busy as the child');
  } finally {
    spin.kill('SIGKILL');
    idle.kill('SIGKILL');
  }
});

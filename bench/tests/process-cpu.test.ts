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
const child = async (code: string) => {
  const proc = spawn(process.execPath, ['-e', `process.stdout.write('ready\\n'); ${code}`]);
  await new Promise<void>((resolve, reject) => {
    proc.stdout.once('data', () => resolve());
    proc.once('exit', (status) => reject(new Error(`child exited (${String(status)}) before it was ready`)));
  });
  return proc;
};

test('a meter sees a spinning child use about a core, and an idle one use none', async () => {
  // Metered only after both have started: Node's own start-up costs a busy machine up to a tenth
  // of a core-second, which an idle child would otherwise be charged with (CI once saw it).
  const spin = await child('for (;;);');
  const idle = await child('setInterval(() => {}, 60_000);');
  try {
    const meter = cpuMeter({ spin: spin.pid!, idle: idle.pid! });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const use = meter.stop();
    // Shared cores: the spinning child gets less than a whole one, but far more than the idle one.
    assert.ok(use.cores.spin > 0.2, `spinning child used ${use.cores.spin} cores`);
    assert.ok(use.cores.idle < 0.1, `idle child used ${use.cores.idle} cores`);
    assert.ok(use.machineCores >= use.cores.spin - 0.05, 'the machine was at least as busy as the child');
  } finally {
    spin.kill('SIGKILL');
    idle.kill('SIGKILL');
  }
});

/**
 * CPU use of named process trees over an interval (Linux /proc): each process's utime + stime
 * from /proc/<pid>/stat, summed over its descendants, and the whole machine's busy time from
 * /proc/stat, so a report can say which process used how many of the cores and what was left.
 */
import fs from 'node:fs';

/** Linux reports both files in USER_HZ, 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

export type CpuUse = {
  seconds: number;
  /** Average cores each named process tree used over the interval (1 = one core all the time). */
  cores: Record<string, number>;
  /** Average busy cores of the whole machine over the interval (every process, other load too). */
  machineCores: number;
};

/** Each process's children by parent pid, read from /proc/<pid>/status (PPid). */
export const childrenOf = (): Map<number, number[]> => {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  return children;
};

/** utime + stime of one process, in ticks (fields 14 and 15; the name in field 2 may hold spaces). */
export const processTicks = (stat: string): number => {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime and stime are fields 14 and 15.
  return Number(fields[11]) + Number(fields[12]);
};

const treeTicks = (pid: number, children: Map<number, number[]>): number => {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  return processTicks(stat) + (children.get(pid) ?? []).reduce((sum, c) => sum + treeTicks(c, children), 0);
};

/** Busy and total ticks of all cores together (the first line of /proc/stat). */
export const machineTicks = (procStat: string) => {
  const values = (procStat.split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user).
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
};

/** A name stands for one process tree or several (e.g. a database's server processes). */
export type Processes = Record<string, number | number[]>;

const snapshot = (pids: Processes) => {
  const children = childrenOf();
  const ticks = (p: number | number[]) => [p].flat().reduce((sum, pid) => sum + treeTicks(pid, children), 0);
  return {
    at: performance.now(),
    trees: Object.fromEntries(Object.entries(pids).map(([name, p]) => [name, ticks(p)])),
    machine: machineTicks(fs.readFileSync('/proc/stat', 'utf8')),
  };
};

/**
 * Starts counting; `stop()` returns the CPU each tree and the machine used since. A process that
 * ends in between takes its count with it (its share shows as the machine's rest).
 */
export function cpuMeter(pids: Processes) {
  const start = snapshot(pids);
  return {
    stop(): CpuUse {
      const end = snapshot(pids);
      const seconds = (end.at - start.at) / 1000;
      const cores = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / seconds) * 100) / 100;
      return {
        seconds: Math.round(seconds * 10) / 10,
        cores: Object.fromEntries(
          Object.keys(pids).map((name) => [name, cores((end.trees[name] ?? 0) - (start.trees[name] ?? 0))]),
        ),
        machineCores: cores(end.machine.busy - start.machine.busy),
      };
    },
  };
}

// The CPU time this process's main thread has used, in ms: the gateways and subgraphs a benchmark
// measures run there, its simulators and load generator on threads of their own. Unlike a rate, it
// does not move when the machine is slower or busier, so per request it compares targets measured
// minutes apart. Linux only (/proc); null elsewhere.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on (`getconf CLK_TCK`)

export function mainThreadCpuMs(): number | null {
  try {
    return cpuMsOf(`/proc/self/task/${process.pid}/stat`);
  } catch {
    return null;
  }
}

/** The CPU time (user + system) of the process or thread whose /proc stat file this is, in ms. */
export function cpuMsOf(statFile: string): number {
  // the fields after the command name, which may hold spaces and parentheses: utime and stime are the 12th and 13th
  const stat = readFileSync(statFile, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The CPU time of each of this process's descendants (the embedded PostgreSQL server and its backends), in ms; null where /proc cannot tell. */
export function descendantsCpuMs(): Map<number, number> | null {
  try {
    const parents = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // ended while listed
      }
    }
    const isDescendant = (pid: number): boolean => {
      for (let up = parents.get(pid); up !== undefined && up > 1; up = parents.get(up)) if (up === process.pid) return true;
      return false;
    };
    const times = new Map<number, number>();
    for (const pid of parents.keys()) {
      if (!isDescendant(pid)) continue;
      try {
        times.set(pid, cpuMsOf(`/proc/${pid}/stat`));
      } catch {
        // ended since
      }
    }
    return times;
  } catch {
    return null;
  }
}

/** The CPU time descendants used between two readings, in ms: those that ended in between are left out (their last time is gone with them). */
export function descendantsCpuMsSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

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
  return cpuMsOfFields(statFields(readFileSync(statFile, 'utf8')));
}

/** The fields after the command name, which may hold spaces and parentheses: the state first, then the parent's pid. */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

/** utime and stime are the 12th and 13th fields after the command name */
const cpuMsOfFields = (fields: string[]) => ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;

/** The CPU time of each of this process's descendants (the embedded PostgreSQL server and its backends), in ms; null where /proc cannot tell. */
export function descendantsCpuMs(): Map<number, number> | null {
  try {
    const processes = new Map<number, { parent: number; cpuMs: number }>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const fields = statFields(readFileSync(`/proc/${entry}/stat`, 'utf8'));
        processes.set(Number(entry), { parent: Number(fields[1]), cpuMs: cpuMsOfFields(fields) });
      } catch {
        // ended while listed
      }
    }
    const isDescendant = (pid: number): boolean => {
      for (let up = processes.get(pid)?.parent; up !== undefined && up > 0; up = processes.get(up)?.parent)
        if (up === process.pid) return true;
      return false;
    };
    return new Map([...processes].filter(([pid]) => isDescendant(pid)).map(([pid, { cpuMs }]) => [pid, cpuMs]));
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

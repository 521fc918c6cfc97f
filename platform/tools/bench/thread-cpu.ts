// The CPU time this process's main thread has used, in ms: the gateways and subgraphs a benchmark
// measures run there, its simulators and load generator on threads of their own. Unlike a rate, it
// does not move when the machine is slower or busier, so per request it compares targets measured
// minutes apart. Linux only (/proc); null elsewhere.
import { readFileSync } from 'node:fs';

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

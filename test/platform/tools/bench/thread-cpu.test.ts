// The bench's reading of the CPU its database server took: every descendant of the process (the
// server is a child, its backends grandchildren), each counted from where it stood at the first
// reading, and one that ended in between left out rather than subtracted.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { descendantsCpuMs, descendantsCpuMsSince } from '../../../../platform/tools/bench/thread-cpu';

/** A grandchild (a shell's child: `; true` keeps the shell from becoming it) that burns `cpuMs` of CPU, says so, then waits for its input to close. */
async function burner(cpuMs: number) {
  const script = `const t = () => process.cpuUsage().user / 1000; const end = t() + ${cpuMs}; while (t() < end); console.log('burnt'); process.stdin.resume();`;
  const shell = spawn('sh', ['-c', `${JSON.stringify(process.execPath)} -e ${JSON.stringify(script)}; true`], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  shell.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const burnt = new Promise<void>((resolve) => {
    shell.stdout.on('data', () => out.includes('burnt') && resolve());
  });
  return {
    burnt,
    stop: async () => {
      shell.stdin.end();
      await once(shell, 'exit');
    },
  };
}

describe('descendantsCpuMs', () => {
  it("counts a grandchild's CPU from the first reading on", async () => {
    const before = descendantsCpuMs()!;
    const child = await burner(300);
    try {
      await child.burnt;
      const after = descendantsCpuMs()!;
      // clock ticks of 10 ms, and the node start-up on top
      expect(descendantsCpuMsSince(before, after)).toBeGreaterThanOrEqual(280);
    } finally {
      await child.stop();
    }
  });

  it('leaves out a descendant that ended between the readings, rather than subtracting its time', async () => {
    const child = await burner(100);
    await child.burnt;
    const before = descendantsCpuMs()!;
    await child.stop();
    const after = descendantsCpuMs()!;
    expect(descendantsCpuMsSince(before, after)).toBeGreaterThanOrEqual(0);
    expect([...before.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(90);
  });
});

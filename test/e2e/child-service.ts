// Runs the service as `npm start` runs it (platform/tools/start.ts), in a child process of its own, so
// that a test can kill it the way a crash does: SIGKILL, no shutdown hook, nothing flushed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '../../platform/config';

export interface ChildService {
  gatewayUrl: string;
  pid: number;
  /** SIGKILL, and resolves once the process is gone */
  kill(): Promise<void>;
  /** Ctrl-C (SIGINT): the service stops what it started, and resolves once the process is gone */
  stop(): Promise<void>;
}

const ROOT = path.join(__dirname, '..', '..');
const READY = /gateway ready in \d+ ms: (\S+)/;
/** every listening port free: whatever the configuration names (a subgraph added later included) */
const FREE_PORTS = Object.fromEntries(
  Object.keys(loadConfig({}).env)
    .filter((k) => k.endsWith('_PORT'))
    .map((k) => [k, '0']),
);

/** how to kill each child still running */
const alive = new Set<() => Promise<void>>();

/** Starts the service with `env` over the defaults and free ports (a variable set to undefined is left out); resolves when its gateway answers. */
export function startChildService(env: Record<string, string | undefined>, timeoutMs = 60_000): Promise<ChildService> {
  const merged: Record<string, string | undefined> = { ...process.env, ...FREE_PORTS, LOG_LEVEL: 'warn', ...env };
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'platform', 'tools', 'start.ts')], {
    cwd: ROOT,
    env: Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  alive.add(kill);
  void exited.then(() => alive.delete(kill));

  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise<ChildService>((resolve, reject) => {
    const fail = (why: string) => {
      void kill();
      reject(new Error(`the service did not start: ${why}\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`no gateway after ${timeoutMs} ms`), timeoutMs);
    const early = (code: number | null, signal: string | null) => fail(`it exited (${signal ?? code})`);
    child.once('exit', early);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = READY.exec(line);
      if (!ready) return;
      clearTimeout(timer);
      child.off('exit', early);
      const stop = async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
        await exited;
      };
      resolve({ gatewayUrl: ready[1], pid: child.pid!, kill, stop });
    });
  });
}

/** Kills every child service still running: a test's last clean-up, whatever it failed on. */
export async function killChildServices(): Promise<void> {
  await Promise.all([...alive].map((kill) => kill()));
}

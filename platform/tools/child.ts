// The service as `npm start` runs it (platform/tools/start.ts), in a child process of its own: the
// extra replicas of `REPLICAS=N npm start`, and the tests that kill one the way a crash does.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface ChildService {
  gatewayUrl: string;
  /** every replica's gateway, this one's first (REPLICAS=N) */
  gatewayUrls: string[];
  pid: number;
  /** SIGKILL (a crash: no shutdown hook, nothing flushed), and resolves once the process is gone */
  kill(): Promise<void>;
  /** Ctrl-C (SIGINT): it stops what it started, and resolves once the process is gone */
  stop(): Promise<void>;
  /** resolves when the process is gone, however it went */
  exited: Promise<void>;
}

const START = path.join(__dirname, 'start.ts');
const SERVE = path.join(__dirname, 'serve.ts');
const READY = /ready in \d+ ms: (\S+)/;
const REPLICA = /^Replica \d+'s gateway: (\S+)/;

/**
 * Starts the service with `env` over this process's (a variable set to undefined is left out);
 * resolves when its gateway answers. `serve`: one subgraph or the gateway alone (`npm run serve -- <serve>`).
 */
export function startChildService(env: Record<string, string | undefined>, timeoutMs = 60_000, serve?: string): Promise<ChildService> {
  const merged: Record<string, string | undefined> = { ...process.env, ...env };
  const child = spawn(process.execPath, ['--import', 'tsx', ...(serve ? [SERVE, serve] : [START])], {
    cwd: path.join(__dirname, '..', '..'),
    env: Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)),
    // the channel closes when this process ends, however it ends: the child then stops (start.ts)
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  const kill = signal('SIGKILL');

  // kept to say why it did not start; afterwards, what it says goes to this process's stderr
  let stderr = '';
  const keep = (chunk: Buffer) => (stderr += chunk.toString());
  child.stderr!.on('data', keep);
  return new Promise<ChildService>((resolve, reject) => {
    const fail = (why: string) => {
      void kill();
      reject(new Error(`the service did not start: ${why}\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`no gateway after ${timeoutMs} ms`), timeoutMs);
    const early = (code: number | null, sig: string | null) => fail(`it exited (${sig ?? code})`);
    child.once('exit', early);
    // the ready line, then the other replicas' gateways, one a line, up to the first other line
    const gatewayUrls: string[] = [];
    let started = false;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (started) return;
      const url = (gatewayUrls.length ? REPLICA : READY).exec(line)?.[1];
      if (url) return void gatewayUrls.push(url);
      if (!gatewayUrls.length) return;
      started = true;
      clearTimeout(timer);
      child.off('exit', early);
      child.stderr!.off('data', keep).pipe(process.stderr);
      resolve({ gatewayUrl: gatewayUrls[0], gatewayUrls, pid: child.pid!, kill, stop: signal('SIGINT'), exited });
    });
  });
}

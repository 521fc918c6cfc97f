// The simulators on a thread of their own, for a benchmark whose process is what it measures: the
// legacy systems' work (XML, whole histories) then stays off the event loop of the servers under
// test, as it would on the systems' own machines.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { startSimulators } from '../../../legacy';
import type { System } from '../../errors';

interface Seed {
  seed: number;
  scale: number;
  now: string;
}

export interface SimulatorsThread {
  urls: Record<System, string>;
  close(): Promise<void>;
}

export function simulatorsOnThread(seed: Seed): Promise<SimulatorsThread> {
  // TypeScript, as in this process: tsx's require hook first
  const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(__filename)});`;
  const worker = new Worker(boot, { eval: true, workerData: seed });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (urls: Record<System, string>) =>
      resolve({
        urls,
        close: async () => {
          await worker.terminate();
        },
      }),
    );
  });
}

if (!isMainThread && parentPort) {
  const { seed, scale, now } = workerData as Seed;
  void startSimulators({ seed: { seed, scale, now: new Date(now) } }).then((handles) =>
    parentPort!.postMessage(Object.fromEntries(Object.entries(handles).map(([system, handle]) => [system, handle!.url]))),
  );
}

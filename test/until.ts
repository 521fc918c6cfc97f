// Waiting in tests: for a condition, never for a time.
import { setTimeout as sleep } from 'node:timers/promises';

/** Asks until the answer is there (truthy): a condition waited for, not a time. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) {
    const found = await probe();
    if (found) return found;
  }
  throw new Error(`gave up waiting for ${what}`);
}

// Runs the service as `npm start` runs it, in a child process of its own (platform/tools/child.ts),
// on free ports, so that a test can kill it the way a crash does.
import { FREE_PORTS, MEMBERS_ASKED } from './harness';
import { startChildService as startChild, type ChildService } from '../../platform/tools/child';

export type { ChildService };

/** how to kill each child still running */
const alive = new Set<() => Promise<void>>();

/**
 * Starts the service with `env` over the defaults, free ports and every member look-up asked (as test stacks do, harness.ts);
 * a variable set to undefined is left out. Resolves when its gateway answers. `serve`: one subgraph or the gateway alone
 * (`npm run serve -- <serve>`), whose URL is then `gatewayUrl`.
 */
export async function startChildService(
  env: Record<string, string | undefined>,
  timeoutMs = 60_000,
  serve?: string,
): Promise<ChildService> {
  const child = await startChild({ ...FREE_PORTS, ...MEMBERS_ASKED, LOG_LEVEL: 'warn', ...env }, timeoutMs, serve);
  alive.add(child.kill);
  void child.exited.then(() => alive.delete(child.kill));
  return child;
}

/** Kills every child service still running: a test's last clean-up, whatever it failed on. */
export async function killChildServices(): Promise<void> {
  await Promise.all([...alive].map((kill) => kill()));
}

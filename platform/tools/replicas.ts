// REPLICAS=N npm start: replicas 1 to N-1, each `npm start` in a child process of its own, over
// replica 0's database and simulators. Replica i listens on each of replica 0's ports plus 10 x i.
import { LEGACY_URL, listeningPorts, type Env } from '../config';
import { SYSTEMS, type System } from '../errors';
import { startChildService, type ChildService } from './child';

const PORT_STEP = 10;

/** What replica `i` runs with: the shared database and legacy systems, its own ports (a free port stays free). */
export function replicaEnv(
  env: Env,
  shared: { databaseUrl: string; legacyUrls: Record<System, string> },
  i: number,
): Record<string, string> {
  const ports = Object.entries(listeningPorts(env)).map(([name, port]) => [name, String(port === 0 ? 0 : port + PORT_STEP * i)]);
  return {
    ...Object.fromEntries(ports),
    ...Object.fromEntries(SYSTEMS.map((s) => [LEGACY_URL[s], shared.legacyUrls[s]])),
    DATABASE_URL: shared.databaseUrl,
    REPLICAS: '1',
  };
}

/** Starts replicas 1 to count-1, at once; resolves when every gateway answers. */
export async function startReplicas(
  count: number,
  env: Env,
  shared: { databaseUrl: string; legacyUrls: Record<System, string> },
): Promise<ChildService[]> {
  const started = await Promise.allSettled(Array.from({ length: count - 1 }, (_, i) => startChildService(replicaEnv(env, shared, i + 1))));
  const replicas = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(replicas.map((r) => r.stop()));
    throw failed.reason;
  }
  return replicas;
}

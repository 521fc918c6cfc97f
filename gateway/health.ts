// What an orchestrator asks the gateway: is the process alive (/health), can it serve (/ready: 503
// only when a subgraph or a database does not answer; a legacy system down leaves the gateway serving
// every other field, so it is reported in the body as degraded, never as a 503 that would take every
// replica out of rotation for one silo), and its metrics (/metrics, Prometheus text format, for the
// service role: what the process does, its traffic and its failures, is not for every client).
// A subgraph served alone answers /health and /ready of its own (its silos and its database), which
// the gateway's /ready asks and reports: the silos and the database are the subgraph's to probe.
// /ready probes each system through its breaker: an open breaker is not probed, a half-open one
// closes when the probe gets an answer, so polling /ready also finds a recovered system back.
import type express from 'express';
import type { LegacyGuard, SystemHealth } from '../adapters/transport/resilience';
import type { TokenVerifier } from '../platform/auth/tokens';
import { withDeadline } from '../platform/http/deadline';
import { registry } from '../platform/metrics/registry';
import type { SubgraphEndpoint } from './in-process';

/** 401 without a valid token, 403 for a role other than the service's; the scraper sends its token. */
async function serviceOnly(verifyToken: TokenVerifier, authorization: string | undefined): Promise<number | null> {
  try {
    const caller = await verifyToken(authorization);
    if (!caller) return 401;
    return caller.role === 'service' ? null : 403;
  } catch {
    return 401;
  }
}

/** How long a subgraph may take to answer `{ __typename }` before /ready counts it failed. */
const SUBGRAPH_PROBE_MS = 2000;

/** How long the database may take to answer `SELECT 1` before /ready counts it failed. */
const DATABASE_PROBE_MS = 1000;

/**
 * How long /ready waits for a legacy system's probe before it reports it late (unavailable, so
 * degraded, never a 503): a hanging silo must not hold /ready past an orchestrator's probe
 * deadline (Kubernetes': 1 s), which would take the replica out of rotation for the silo.
 */
const LEGACY_PROBE_MS = 800;

const PROBE = { query: '{ __typename }' };

const noAnswer = () => new Error('no answer');

/** What /ready answers, the gateway's and a subgraph's alike. */
export interface ReadyReport {
  status: 'ready' | 'degraded' | 'unavailable';
  /** the legacy systems that cannot be called now */
  unavailable: string[];
  subgraphs?: Record<string, 'ok' | 'failed'>;
  database?: 'ok' | 'failed';
  systems: Record<string, Omit<SystemHealth, 'system'>>;
}

/** A subgraph's answer to the probe, and what a subgraph served alone reports of its silos and database. */
interface SubgraphProbe {
  probe: 'ok' | 'failed';
  report?: Partial<ReadyReport>;
}

async function answers(endpoint: SubgraphEndpoint): Promise<SubgraphProbe> {
  try {
    if ('execute' in endpoint) {
      const { status, body } = await withDeadline(endpoint.execute(PROBE, null), SUBGRAPH_PROBE_MS, noAnswer);
      return { probe: status === 200 && !body.errors ? 'ok' : 'failed' };
    }
    // its own /ready, beside its /graphql (open: no caller assertion), which probes its silos and its database
    const res = await fetch(new URL('ready', endpoint.url), { signal: AbortSignal.timeout(SUBGRAPH_PROBE_MS) });
    const report = (await res.json().catch(() => undefined)) as Partial<ReadyReport> | undefined;
    return { probe: res.ok ? 'ok' : 'failed', report };
  } catch {
    return { probe: 'failed' };
  }
}

/** `SELECT 1`: ok, or failed when it fails or takes longer than DATABASE_PROBE_MS. */
async function databaseAnswers(selectOne: () => Promise<unknown>): Promise<'ok' | 'failed'> {
  try {
    await withDeadline(selectOne(), DATABASE_PROBE_MS, noAnswer);
    return 'ok';
  } catch {
    return 'failed';
  }
}

/** A system's health as the worst of its reports: one subgraph that cannot call it makes it unavailable. */
function worst(reports: Record<string, Omit<SystemHealth, 'system'>>[]): ReadyReport['systems'] {
  const systems: ReadyReport['systems'] = {};
  for (const report of reports)
    for (const [system, health] of Object.entries(report)) if (systems[system]?.usable !== false) systems[system] = health;
  return systems;
}

/** What /ready reports on this process's silos and database, and on the subgraphs it routes to. */
export async function readiness(
  legacy: readonly LegacyGuard[],
  /** `SELECT 1` on the database this process's subgraphs use; none when they run elsewhere (they own it) */
  database?: () => Promise<unknown>,
  subgraphs?: Record<string, SubgraphEndpoint>,
): Promise<ReadyReport> {
  const [own, probes, db] = await Promise.all([
    Promise.all(legacy.map((guard) => guard.health(LEGACY_PROBE_MS))),
    Promise.all(Object.entries(subgraphs ?? {}).map(async ([name, endpoint]) => [name, await answers(endpoint)] as const)),
    database && databaseAnswers(database),
  ]);
  const reports = probes.flatMap(([, { report }]) => (report ? [report] : []));
  const systems = worst([Object.fromEntries(own.map(({ system, ...health }) => [system, health])), ...reports.map((r) => r.systems ?? {})]);
  const databases = [...(db ? [db] : []), ...reports.flatMap((r) => (r.database ? [r.database] : []))];
  const dbState = databases.length === 0 ? undefined : databases.includes('failed') ? 'failed' : 'ok';
  const unavailable = Object.entries(systems).flatMap(([system, health]) => (health.usable ? [] : [system]));
  const serving = probes.every(([, { probe }]) => probe === 'ok') && dbState !== 'failed';
  return {
    status: !serving ? 'unavailable' : unavailable.length === 0 ? 'ready' : 'degraded',
    unavailable,
    ...(subgraphs && { subgraphs: Object.fromEntries(probes.map(([name, { probe }]) => [name, probe])) }),
    ...(dbState && { database: dbState }),
    systems,
  };
}

/** /health (alive) and /ready (200 while serving, possibly degraded; 503 when unavailable): no token needed. */
export function readinessRoutes(report: () => Promise<ReadyReport>) {
  return (app: express.Express): void => {
    app.get('/health', (_req, res) => {
      res.json({ status: 'ok' });
    });

    app.get('/ready', async (_req, res) => {
      const ready = await report();
      res.status(ready.status === 'unavailable' ? 503 : 200).json(ready);
    });
  };
}

export function healthRoutes(
  legacy: readonly LegacyGuard[],
  subgraphs: Record<string, SubgraphEndpoint>,
  verifyToken: TokenVerifier,
  /** `SELECT 1` on the database this process's subgraphs use; none when they run elsewhere (they own it) */
  database?: () => Promise<unknown>,
) {
  return (app: express.Express): void => {
    readinessRoutes(() => readiness(legacy, database, subgraphs))(app);

    app.get('/metrics', async (req, res) => {
      const refusal = await serviceOnly(verifyToken, req.headers.authorization);
      if (refusal) {
        res.status(refusal).json({ error: refusal === 401 ? 'a service token is required' : 'for the service role only' });
        return;
      }
      res.type(registry.contentType).send(await registry.metrics());
    });
  };
}

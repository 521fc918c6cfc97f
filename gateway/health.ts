// What an orchestrator asks the gateway: is the process alive (/health), can it serve (/ready: 503
// only when a subgraph does not answer; a legacy system down leaves the gateway serving every other
// field, so it is reported in the body as degraded, never as a 503 that would take every replica
// out of rotation for one silo), and its metrics (/metrics, Prometheus text format, for the
// service role: what the process does, its traffic and its failures, is not for every client).
// /ready probes each system through its breaker: an open breaker is not probed, a half-open one
// closes when the probe gets an answer, so polling /ready also finds a recovered system back.
import type express from 'express';
import type { LegacyGuard } from '../adapters/transport/resilience';
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

/** The subgraphs answer the gateway only: a probe carries what the gateway sends with every fetch. */
export type ProbeHeaders = () => Promise<Record<string, string>>;

const PROBE = { query: '{ __typename }' };

const noAnswer = () => new Error('no answer');

async function answers(endpoint: SubgraphEndpoint, headers: ProbeHeaders): Promise<'ok' | 'failed'> {
  try {
    if ('execute' in endpoint) {
      const { status, body } = await withDeadline(endpoint.execute(PROBE, null), SUBGRAPH_PROBE_MS, noAnswer);
      return status === 200 && !body.errors ? 'ok' : 'failed';
    }
    const res = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await headers()) },
      body: JSON.stringify(PROBE),
      signal: AbortSignal.timeout(SUBGRAPH_PROBE_MS),
    });
    return res.ok ? 'ok' : 'failed';
  } catch {
    return 'failed';
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

export function healthRoutes(
  legacy: readonly LegacyGuard[],
  subgraphs: { endpoints: Record<string, SubgraphEndpoint>; headers: ProbeHeaders },
  verifyToken: TokenVerifier,
  /** `SELECT 1` on the database this process's subgraphs use; none when they run elsewhere (they own it) */
  database?: () => Promise<unknown>,
) {
  return (app: express.Express): void => {
    app.get('/health', (_req, res) => {
      res.json({ status: 'ok' });
    });

    app.get('/ready', async (_req, res) => {
      const [systems, probes, db] = await Promise.all([
        Promise.all(legacy.map((guard) => guard.health())),
        Promise.all(
          Object.entries(subgraphs.endpoints).map(async ([name, endpoint]) => [name, await answers(endpoint, subgraphs.headers)] as const),
        ),
        database && databaseAnswers(database),
      ]);
      const unavailable = systems.filter((s) => !s.usable).map((s) => s.system);
      const serving = probes.every(([, probe]) => probe === 'ok') && db !== 'failed';
      res.status(serving ? 200 : 503).json({
        status: !serving ? 'unavailable' : unavailable.length === 0 ? 'ready' : 'degraded',
        unavailable,
        subgraphs: Object.fromEntries(probes),
        ...(db && { database: db }),
        systems: Object.fromEntries(systems.map(({ system, ...health }) => [system, health])),
      });
    });

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

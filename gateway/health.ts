// What an orchestrator asks the gateway: is the process alive (/health), can it answer in full
// (/ready: every legacy system usable), and its metrics (/metrics, Prometheus text format, for the
// service role: what the process does, its traffic and its failures, is not for every client).
// /ready probes each system through its breaker: an open breaker is not probed, a half-open one
// closes when the probe gets an answer, so polling /ready also finds a recovered system back.
import type express from 'express';
import type { LegacyGuard } from '../adapters/transport/resilience';
import type { TokenVerifier } from '../platform/auth/tokens';
import { registry } from '../platform/metrics/registry';

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

export function healthRoutes(legacy: readonly LegacyGuard[], verifyToken: TokenVerifier) {
  return (app: express.Express): void => {
    app.get('/health', (_req, res) => {
      res.json({ status: 'ok' });
    });

    app.get('/ready', async (_req, res) => {
      const systems = await Promise.all(legacy.map((guard) => guard.health()));
      const unavailable = systems.filter((s) => !s.usable).map((s) => s.system);
      res.status(unavailable.length === 0 ? 200 : 503).json({
        status: unavailable.length === 0 ? 'ready' : 'degraded',
        unavailable,
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

// What an orchestrator asks the gateway: is the process alive (/health), can it answer in full
// (/ready: every legacy system usable), and its metrics (/metrics, Prometheus text format).
// /ready probes each system through its breaker: an open breaker is not probed, a half-open one
// closes when the probe gets an answer, so polling /ready also finds a recovered system back.
import type express from 'express';
import type { LegacyGuard } from '../adapters/transport/resilience';
import { registry } from '../platform/metrics/registry';

export function healthRoutes(legacy: readonly LegacyGuard[]) {
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

    app.get('/metrics', async (_req, res) => {
      res.type(registry.contentType).send(await registry.metrics());
    });
  };
}

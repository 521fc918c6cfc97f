// The process's one Prometheus registry: every metric registers here, `GET /metrics` serves it.
import { collectDefaultMetrics, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

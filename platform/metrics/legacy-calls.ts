// What the legacy systems cost and how they fail, per system: one count per call as a caller saw
// it (retries inside a call are counted apart), its latency, and each system's circuit breaker.
import { Counter, Gauge, Histogram } from 'prom-client';
import { registry } from './registry';

export type CallOutcome = 'ok' | 'rejected' | 'unavailable' | 'short_circuited';
export type BreakerState = 'closed' | 'half-open' | 'open';

export const legacyCalls = new Counter({
  name: 'omnigraph_legacy_calls_total',
  help: 'Legacy calls by system and outcome (rejected: a business error; short_circuited: failed fast, breaker open)',
  labelNames: ['system', 'outcome'] as const,
  registers: [registry],
});

export const legacyCallDuration = new Histogram({
  name: 'omnigraph_legacy_call_duration_seconds',
  help: 'Legacy call latency, retries and queueing included',
  labelNames: ['system', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const legacyRetries = new Counter({
  name: 'omnigraph_legacy_retries_total',
  help: 'Attempts sent again after a transient failure',
  labelNames: ['system'] as const,
  registers: [registry],
});

const STATE_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

const breakerState = new Gauge({
  name: 'omnigraph_legacy_breaker_state',
  help: 'Circuit breaker per legacy system: 0 closed, 1 half-open, 2 open',
  labelNames: ['system'] as const,
  registers: [registry],
});

export function recordBreakerState(system: string, state: BreakerState): void {
  breakerState.set({ system }, STATE_VALUE[state]);
}

// One guard per legacy system, from the configuration: what the clients call through and what
// the gateway's /ready reports.
import type { Config } from '../../platform/config';
import type { System } from '../../platform/errors';
import type { Logger } from '../../platform/logging';
import { LegacyGuard } from './resilience';

/** A guard for each system given a URL (a subgraph served alone calls only some). */
export function createGuards<S extends System>(config: Config, urls: Record<S, string>, logger: Logger): Record<S, LegacyGuard> {
  const { env } = config;
  const settings = {
    retries: env.LEGACY_RETRIES,
    retryBaseMs: env.LEGACY_RETRY_BASE_MS,
    maxInFlight: env.LEGACY_MAX_IN_FLIGHT,
    breakerMinCalls: env.LEGACY_BREAKER_MIN_CALLS,
    breakerResetMs: env.LEGACY_BREAKER_RESET_MS,
  };
  const log = logger.child({ component: 'legacy' });
  const guard = (s: S) => new LegacyGuard(s, settings, () => answers(urls[s], config.legacy[s].timeoutMs), log);
  return Object.fromEntries((Object.keys(urls) as S[]).map((s) => [s, guard(s)])) as Record<S, LegacyGuard>;
}

/**
 * The cheapest probe that works for all four protocols: the system answers HTTP at its base URL
 * in time, whatever the answer (a 404 or a 401 is an answer). A 5xx or no answer is a failure.
 */
async function answers(url: string, timeoutMs: number): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  await response.body?.cancel();
  if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
}

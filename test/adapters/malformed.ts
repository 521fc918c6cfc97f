// A legacy double that answers differently from the simulators: the clients' tests give each client
// a guard that logs to the test, and check that a malformed answer is its system being unavailable
// (SYSTEM_UNAVAILABLE to a caller), logged with its route, and not counted by the breaker.
import { LegacyGuard, type GuardSettings } from '../../adapters/transport/resilience';
import { LegacyUnavailableError, type System } from '../../platform/errors';
import { capturedLogger, type LogLine } from '../captured-logs';

const SETTINGS: GuardSettings = { retries: 2, retryBaseMs: 1, maxInFlight: 10, breakerMinCalls: 2, breakerResetMs: 60_000 };

export interface LoggedGuard {
  guard: LegacyGuard;
  lines: LogLine[];
}

/** A guard per test, closed after it, whose log lines the test reads. */
export function useLoggedGuard(system: System): () => LoggedGuard {
  let current: LoggedGuard | undefined;
  afterEach(() => current?.guard.close());
  return () => {
    const { logger, lines } = capturedLogger();
    current = { guard: new LegacyGuard(system, SETTINGS, async () => undefined, logger), lines };
    return current;
  };
}

/** The call fails as its system being unavailable, and the log names the system and the route. */
export async function expectMalformed(call: Promise<unknown>, { guard, lines }: LoggedGuard, route: string): Promise<void> {
  const err = await call.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LegacyUnavailableError);
  expect(err).toMatchObject({ system: guard.system, name: 'MalformedAnswerError' });
  expect(lines).toContainEqual(expect.objectContaining({ msg: 'legacy answer malformed', system: guard.system, route }));
  expect(guard.state).toBe('closed');
}

// How every call to one legacy system is guarded: a deadline for the whole call, retries of
// transient failures with exponential backoff and jitter (reads only, unless the caller says a
// write is safe to send again), a cap on calls in flight, and a circuit breaker (opossum) that
// fails fast while the system is down and lets a probe through to find it back.
//
// The budget: a call takes at most its deadline (the system's *_TIMEOUT_MS), queueing, attempts,
// backoffs and Retry-After waits included. Each attempt gets what is left of it, so a hanging
// system costs one timeout and is not asked again; a quick failure (refused, reset, 5xx) leaves
// time for the retries.
import CircuitBreaker from 'opossum';
import {
  LegacyRejectedError,
  LegacyUnavailableError,
  NothingDoneError,
  UnansweredError,
  type MalformedAnswerError,
  type System,
} from '../../platform/errors';
import type { Logger } from '../../platform/logging';
import {
  legacyCallDuration,
  legacyCalls,
  legacyRetries,
  recordBreakerState,
  type BreakerState,
  type CallOutcome,
} from '../../platform/metrics/legacy-calls';
import { raceTimer } from '../../platform/http/deadline';
import { Bulkhead } from './bulkhead';
import { systemClock, type Clock } from './clock';

export type { BreakerState, CallOutcome };

export interface GuardSettings {
  /** attempts after the first, for a transient failure */
  retries: number;
  /** the first backoff; it doubles with each retry, half of it random */
  retryBaseMs: number;
  /** requests in flight to the system at once; more wait for a slot */
  maxInFlight: number;
  /** calls within the breaker's window before it may open (it opens above 50% failures) */
  breakerMinCalls: number;
  /** how long an open breaker fails fast before it lets one call through; also its window */
  breakerResetMs: number;
}

export interface CallOptions {
  /** the most the whole call may take */
  budgetMs: number;
  /** the request may be sent again after a transient failure */
  retry: boolean;
}

/** Sends one attempt; `timeLeft` is what remains of the call's deadline, in ms. */
export type Attempt<T> = (timeLeft: () => number) => Promise<T>;

/** A failure the system asked to be retried after a while (HTTP 429 + Retry-After). */
export class ThrottledError extends NothingDoneError {
  constructor(
    system: System,
    detail: string,
    readonly retryAfterMs: number,
  ) {
    super(system, detail);
  }
}

/** No answer within the call's deadline: an attempt timed out (its request may have been done). */
export class TimedOutError extends UnansweredError {}

/** Not sent: no slot among the calls in flight came free before the call's deadline. */
export class NoSlotError extends NothingDoneError {}

/** Not sent: the system's breaker is open. */
export class CircuitOpenError extends NothingDoneError {}

export interface SystemHealth {
  system: System;
  /** calls get through: the breaker is not open and the system answered the probe */
  usable: boolean;
  breaker: BreakerState;
  /** `skipped` while the breaker is open: no request is sent then; `late`: no answer within the deadline of the one asking */
  probe: 'ok' | 'failed' | 'skipped' | 'late';
  lastCall: { outcome: CallOutcome; at: string } | null;
}

export class LegacyGuard {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private readonly bulkhead: Bulkhead;
  private last: SystemHealth['lastCall'] = null;

  constructor(
    readonly system: System,
    private readonly settings: GuardSettings,
    /** a cheap request that succeeds when the system answers at all */
    private readonly probe: () => Promise<unknown>,
    /** failed calls and breaker changes: what an operator looks for when answers degrade */
    private readonly logger: Logger,
    private readonly clock: Clock = systemClock,
  ) {
    this.bulkhead = new Bulkhead(settings.maxInFlight);
    this.breaker = new CircuitBreaker((guarded: () => Promise<unknown>) => guarded(), {
      timeout: false, // the deadline is ours: it also bounds queueing and retries
      errorThresholdPercentage: 50,
      volumeThreshold: settings.breakerMinCalls,
      resetTimeout: settings.breakerResetMs,
      // A window no longer than the pause: the failures that opened the breaker have left it
      // by the time it closes again, so one later failure does not open it at once.
      rollingCountTimeout: settings.breakerResetMs,
      // A business "no" is the system working.
      errorFilter: (err: unknown) => err instanceof LegacyRejectedError,
    });
    const record = () => recordBreakerState(system, this.state);
    this.breaker
      .on('open', () => {
        record();
        logger.warn({ system }, 'circuit breaker open: calls fail fast until a probe gets through');
      })
      .on('halfOpen', record)
      .on('close', () => {
        record();
        logger.info({ system }, 'circuit breaker closed');
      });
    record();
  }

  get state(): BreakerState {
    if (this.breaker.opened) return 'open';
    return this.breaker.halfOpen ? 'half-open' : 'closed';
  }

  async call<T>(attempt: Attempt<T>, options: CallOptions): Promise<T> {
    const stopTimer = legacyCallDuration.startTimer({ system: this.system });
    const deadline = this.clock.now() + options.budgetMs;
    let outcome: CallOutcome = 'unavailable';
    try {
      const result = (await this.breaker.fire(() => this.attempts(attempt, deadline, options.retry))) as T;
      outcome = 'ok';
      return result;
    } catch (err) {
      if (err instanceof Error && CircuitBreaker.isOurError(err)) {
        outcome = 'short_circuited';
        throw new CircuitOpenError(this.system, 'circuit open: failing fast');
      }
      if (err instanceof LegacyRejectedError) outcome = 'rejected';
      else this.logger.warn({ system: this.system, err: err instanceof Error ? err.message : String(err) }, 'legacy call failed');
      throw err;
    } finally {
      legacyCalls.inc({ system: this.system, outcome });
      stopTimer({ outcome });
      this.last = { outcome, at: new Date(this.clock.now()).toISOString() };
    }
  }

  /**
   * Probes through the breaker: a half-open breaker closes when the probe gets an answer. A probe
   * with no answer after `answerWithinMs` is reported `late`, not usable, and not waited for (a
   * readiness check answers within its orchestrator's deadline); left to end, it still counts for
   * the breaker.
   */
  async health(answerWithinMs: number): Promise<SystemHealth> {
    const fired = this.breaker.fire(this.probe).then(
      () => 'ok' as const,
      (err: unknown) => (err instanceof Error && CircuitBreaker.isOurError(err) ? ('skipped' as const) : ('failed' as const)),
    );
    const probe = await raceTimer(fired, answerWithinMs, () => 'late' as const);
    const breaker = this.state;
    return { system: this.system, usable: probe === 'ok' && breaker !== 'open', breaker, probe, lastCall: this.last };
  }

  /**
   * A call that got an answer its client could not read (adapters/transport/answers.ts says why it
   * is neither retried nor counted by the breaker): logged beside the calls that failed.
   */
  reportMalformed(err: MalformedAnswerError): void {
    this.logger.warn({ system: this.system, route: err.route, problems: err.problems }, 'legacy answer malformed');
  }

  /** Stops the breaker's timers. */
  close(): void {
    this.breaker.shutdown();
  }

  private async attempts<T>(attempt: Attempt<T>, deadline: number, retry: boolean): Promise<T> {
    for (let retries = 0; ; retries++) {
      try {
        return await this.once(attempt, deadline);
      } catch (err) {
        const wait = this.retryDelay(err, retries, retry);
        if (wait === undefined || this.clock.now() + wait >= deadline) throw err;
        legacyRetries.inc({ system: this.system });
        await this.clock.sleep(wait);
      }
    }
  }

  private async once<T>(attempt: Attempt<T>, deadline: number): Promise<T> {
    const timeLeft = () => deadline - this.clock.now();
    if (!(await this.bulkhead.acquire(timeLeft()))) {
      throw new NoSlotError(this.system, `no free slot among ${this.settings.maxInFlight} before the deadline`);
    }
    try {
      return await attempt(timeLeft);
    } finally {
      this.bulkhead.release();
    }
  }

  /** How long to wait before sending again, or undefined not to. */
  private retryDelay(err: unknown, retries: number, retry: boolean): number | undefined {
    if (retries >= this.settings.retries || !(err instanceof LegacyUnavailableError)) return undefined;
    // A throttled request was refused before it had any effect: safe to send again, even a write.
    if (err instanceof ThrottledError) return err.retryAfterMs;
    // so is one never sent (no connection made); one whose answer was lost is not
    if (!retry && !(err instanceof NothingDoneError)) return undefined;
    const ceiling = this.settings.retryBaseMs * 2 ** retries;
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }
}

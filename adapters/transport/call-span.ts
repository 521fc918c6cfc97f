// The span of one legacy call in the request's trace (platform/tracing): a CLIENT span named after
// the system and the route, never the path (it carries ids, card numbers, SKUs), whose context
// every attempt passes on to the system (W3C traceparent), with the system, the outcome and the
// HTTP status as attributes.
//
// One span per call, not one per attempt: retries are the exception (reads, transient failures),
// so the usual call costs one span; an attempt sent again is an event on it (when, after what), the
// attempts are counted, and the outcome is the call's as its caller sees it and as the metrics count
// it (platform/metrics/legacy-calls.ts), deadline, backoffs and queueing included.
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import type { AxiosRequestConfig } from 'axios';
import { LegacyRejectedError, MalformedAnswerError, type System } from '../../platform/errors';
import type { CallOutcome as MetricsOutcome } from '../../platform/metrics/legacy-calls';
import { CircuitOpenError, NoSlotError, TimedOutError } from './resilience';

export const LEGACY_SYSTEM = 'legacy.system';
/** ok, rejected (the system's own error code in legacy.error_code), unavailable, timeout, short_circuited, malformed */
export const LEGACY_OUTCOME = 'legacy.outcome';
export const LEGACY_ERROR_CODE = 'legacy.error_code';
export const LEGACY_ATTEMPTS = 'legacy.attempts';
/** the route template (semantic conventions, still incubating there) */
const URL_TEMPLATE = 'url.template';

/** the metrics' outcomes (the words they share come from one place), and two a trace tells apart */
export type CallOutcome = MetricsOutcome | 'timeout' | 'malformed';

const tracer = trace.getTracer('omnigraph/legacy');

export interface CallSpan {
  /** Sends one attempt, the call's trace context in its headers. */
  attempt<T>(send: (headers: AxiosRequestConfig['headers']) => Promise<T>, given: AxiosRequestConfig['headers']): Promise<T>;
}

/** Runs one call (its attempts and the reading of its answer) in a span of its own. */
export function inCallSpan<T>(system: System, config: AxiosRequestConfig, call: (span: CallSpan) => Promise<T>): Promise<T> {
  const method = (config.method ?? 'GET').toUpperCase();
  const name = config.route ? `${system} ${method} ${config.route}` : `${system} ${method}`;
  const attributes = {
    [LEGACY_SYSTEM]: system,
    [ATTR_HTTP_REQUEST_METHOD]: method,
    ...(config.route ? { [URL_TEMPLATE]: config.route } : {}),
  };
  return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    // nothing to record: tracing off (no header to send either), or a trace its client chose not to sample (told on)
    if (!span.isRecording()) return call({ attempt: (send, given) => send(withContext(span, given)) });
    try {
      const result = await call(recordingAttempts(span));
      span.setAttribute(LEGACY_OUTCOME, 'ok' satisfies CallOutcome);
      return result;
    } catch (err) {
      recordFailure(span, err);
      throw err;
    } finally {
      span.end();
    }
  });
}

/** The HTTP status of the call's last answer, on its span (the active one while an attempt runs). */
export function recordStatus(status: number): void {
  trace.getActiveSpan()?.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
}

function recordingAttempts(span: Span): CallSpan {
  let attempts = 0;
  return {
    attempt: async (send, given) => {
      attempts += 1;
      span.setAttribute(LEGACY_ATTEMPTS, attempts);
      if (attempts > 1) span.addEvent('retry', { [LEGACY_ATTEMPTS]: attempts });
      try {
        return await send(withContext(span, given));
      } catch (err) {
        span.addEvent('attempt failed', { [LEGACY_OUTCOME]: outcomeOf(err) });
        throw err;
      }
    },
  };
}

/** The headers with the call's trace context added (none without a provider). */
function withContext(span: Span, given: AxiosRequestConfig['headers']): AxiosRequestConfig['headers'] {
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  return Object.keys(carrier).length ? { ...given, ...carrier } : given;
}

function recordFailure(span: Span, err: unknown): void {
  const outcome = outcomeOf(err);
  span.setAttribute(LEGACY_OUTCOME, outcome);
  span.setAttribute(ATTR_ERROR_TYPE, outcome);
  if (err instanceof LegacyRejectedError) {
    // a business "no" (not found, out of stock) is the system working, as the breaker has it: no error status
    span.setAttribute(LEGACY_ERROR_CODE, err.legacyCode);
    return;
  }
  // the outcome only: an error's detail names the path, and the path carries ids
  span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
}

function outcomeOf(err: unknown): CallOutcome {
  if (err instanceof LegacyRejectedError) return 'rejected';
  // before the others: a malformed answer is a LegacyUnavailableError too
  if (err instanceof MalformedAnswerError) return 'malformed';
  if (err instanceof CircuitOpenError) return 'short_circuited';
  if (err instanceof TimedOutError || err instanceof NoSlotError) return 'timeout';
  return 'unavailable';
}

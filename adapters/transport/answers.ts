// Every legacy JSON answer is read through its schema (adapters/<silo>/wire.ts) before a client
// hands it on: an answer of the wrong shape fails here, as its system being unavailable with its
// route in the log, rather than as a TypeError deeper in. Fields the schema does not name are
// dropped, not refused: the real systems may send more than their reference says.
//
// The answer is read after the guarded call, not inside it, on purpose:
// - it is not retried: the system did answer, and the same request reads the same records again;
// - it does not count for the breaker: the breaker is per system and stops callers waiting on one
//   that is down, while a malformed answer came back at once from a system that is up, and is the
//   fault of one route, often of one record. Counted, one bad record on a busy route could open the
//   breaker and take every healthy route of the system down with it.
// A body that is not JSON at all stays a transport failure (adapters/transport/http.ts): an answer
// cut off on the way may well come whole the second time.
import { z } from 'zod';
import { MalformedAnswerError, type System } from '../../platform/errors';
import type { LegacyGuard } from './resilience';

export interface AnswerSource {
  system: System;
  /** `GET /api/v2/products/{}` */
  route: string;
  /** logs the malformed answer with the system's failed calls */
  guard?: LegacyGuard;
}

const MAX_PROBLEMS = 3;

// Fields several systems write alike.
/** The day of an ISO time is one of the calendar's: the pattern lets 30 February through. */
const calendarDay = (iso: string) => {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
};

/**
 * ISO-8601 with its offset; the references say UTC, an offset is read as well, with or without its
 * colon, and a time without seconds (zod's own `iso.datetime` refuses the last two); a day the
 * calendar does not have (30 February) is a malformed answer here, not an error later in the mapping.
 */
export const isoTime = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/)
  .refine(calendarDay, 'not a day of the calendar');
/** A decimal string: "19.99", "20.0", "10". */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/);

/** The answer as its schema reads it, or the error that says it is malformed. */
export function checkAnswer<S extends z.ZodTypeAny>(schema: S, data: unknown, source: AnswerSource): z.output<S> | MalformedAnswerError {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data as z.output<S>;
  const err = new MalformedAnswerError(source.system, source.route, problemsOf(parsed.error, data));
  source.guard?.reportMalformed(err);
  return err;
}

export function readAnswer<S extends z.ZodTypeAny>(schema: S, data: unknown, source: AnswerSource): z.output<S> {
  const answer = checkAnswer(schema, data, source);
  if (answer instanceof MalformedAnswerError) throw answer;
  return answer;
}

/** Names the departures from the schema, never the values the answer holds (names, emails...). */
function problemsOf(error: z.ZodError, data: unknown): string {
  const problems = error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const where = issue.path.join('.') || 'answer';
    return issue.code === 'invalid_type'
      ? `${where}: ${issue.expected} expected, ${kindAt(data, issue.path)} found`
      : `${where}: ${issue.code}`;
  });
  const more = error.issues.length - problems.length;
  return more > 0 ? `${problems.join('; ')}; ${more} more` : problems.join('; ');
}

/** The kind of value at a path of the answer (null, array, string...): what it is, not what it says. */
function kindAt(data: unknown, path: readonly PropertyKey[]): string {
  const value = path.reduce<unknown>(
    (node, key) => (typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

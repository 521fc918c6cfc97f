// "In the N days before" a purchase, measured the way a shopper counts days: calendar days in
// Europe/Paris, the same wall-clock time N days earlier. Across a DST change that window is an
// hour shorter or longer than N × 24 h.
import { DateTime } from 'luxon';
import type { Instant } from '../../types';

const PARIS = 'Europe/Paris';

/**
 * The first instant of the window [start, at) that precedes `at` by `days` Paris calendar days.
 * A wall time the spring change skips is read an hour later (luxon's rule), the only reading there is.
 */
export function lookbackStartMs(at: Instant, days: number): number {
  return DateTime.fromISO(at, { zone: PARIS }).minus({ days }).toMillis();
}

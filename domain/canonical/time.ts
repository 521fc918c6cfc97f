// The POS writes Europe/Paris wall-clock time without an offset, the CRM epoch seconds, the
// e-shop and loyalty ISO strings: everything becomes one Instant format, the one
// Date.prototype.toISOString writes (always milliseconds, always Z), so that instants from
// different systems compare correctly as plain strings.
import { DateTime, IANAZone } from 'luxon';
import type { Instant } from '../types';

/** 'YYYY-MM-DD HH:MM:SS', Europe/Paris wall-clock time: how the POS writes every time */
export type ParisLocal = string;

const PARIS = IANAZone.create('Europe/Paris');
const LOCAL_FORMAT = 'yyyy-MM-dd HH:mm:ss';
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function instantOf(dateTime: DateTime, source: unknown): Instant {
  const iso = dateTime.isValid ? dateTime.toUTC().toISO() : null;
  if (!iso) throw new RangeError(`Not a valid time: ${JSON.stringify(source)}`);
  return iso;
}

/**
 * '2026-11-01 14:32:10' (Paris) -> '2026-11-01T13:32:10.000Z'.
 *
 * Luxon resolves the wall times DST makes ambiguous or impossible with a guess that depends on
 * today's date, so they are resolved here, the way java.time and Temporal ('compatible') do:
 * - a time in the autumn overlap (02:30 on the last Sunday of October happens twice) is the
 *   first occurrence, in summer time: a till reading 02:30 most likely printed it before the
 *   clocks went back, and choosing always the same one keeps the conversion deterministic;
 * - a time in the spring gap (02:30 on the last Sunday of March never happens) can only come
 *   from a clock that has not jumped yet, so it is read with the winter offset it was still
 *   using: 02:30 -> 01:30Z, the instant the correct clock shows as 03:30.
 */
export function parisLocalToIso(local: ParisLocal): Instant {
  const wallMs = wallClockMs(local);
  // Paris changes offset at most once in any two days: the offsets a day either side are the
  // only ones this wall time can be read with.
  const offsetBefore = parisOffset(wallMs - DAY_MS);
  const offsetAfter = parisOffset(wallMs + DAY_MS);
  const readings = [offsetBefore, offsetAfter]
    .map((offset) => wallMs - offset * MINUTE_MS)
    .filter((ms) => wallMs - parisOffset(ms) * MINUTE_MS === ms);
  const ms = readings.length > 0 ? Math.min(...readings) : wallMs - offsetBefore * MINUTE_MS;
  return new Date(ms).toISOString();
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** 'YYYY-MM-DD HH:MM:SS' read as if it were UTC, in ms; a time no calendar has is refused. */
function wallClockMs(local: ParisLocal): number {
  const parts = LOCAL_TIME.exec(local);
  if (parts) {
    const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
    // a till may write the midnight that ends a day as 24:00:00, as ISO 8601 allows
    const endOfDay = hour === 24 && minute === 0 && second === 0;
    const date = new Date(Date.UTC(2000, 0, 1, endOfDay ? 0 : hour, minute, second));
    date.setUTCFullYear(year, month - 1, day); // Date.UTC would read a year below 100 as 19xx
    // 30 February or 25:00 roll over into the next month or day: written back, they are not what was read
    const read = `${parts[1]}-${parts[2]}-${parts[3]}T${endOfDay ? '00' : parts[4]}:${parts[5]}:${parts[6]}`;
    if (date.toISOString().slice(0, 19) === read) return date.getTime() + (endOfDay ? DAY_MS : 0);
  }
  throw new RangeError(`Not a Paris local time: ${JSON.stringify(local)}`);
}

// Paris's offset, in minutes, by UTC hour: since 1976 it only ever changes on the hour (01:00 UTC),
// and asking the zone (Intl, through luxon) for each of a customer's receipts was most of reading
// them. Older times, when it did not, are asked of the zone each.
const offsetsByHour = new Map<number, number>();
const HOUR_MS = 3_600_000;
const ON_THE_HOUR_SINCE = Date.UTC(1976, 0, 1);

function parisOffset(ms: number): number {
  if (ms < ON_THE_HOUR_SINCE) return PARIS.offset(ms);
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetsByHour.get(hour);
  if (offset === undefined) {
    if (offsetsByHour.size >= 100_000) offsetsByHour.clear();
    offset = PARIS.offset(hour * HOUR_MS);
    offsetsByHour.set(hour, offset);
  }
  return offset;
}

/** '2026-11-01T13:32:10Z' -> '2026-11-01 14:32:10' (Paris). */
export function isoToParisLocal(iso: string): ParisLocal {
  return parseIso(iso).setZone(PARIS).toFormat(LOCAL_FORMAT);
}

/** The Paris calendar day an instant falls on, 'YYYY-MM-DD': the POS receipts `from=` filter. */
export function parisDate(iso: string): string {
  return parseIso(iso).setZone(PARIS).toFormat('yyyy-MM-dd');
}

/**
 * The start (Monday 00:00, Paris) of every ISO week overlapping [fromMs, toMs), oldest first, in ms.
 * A week holding a DST change is an hour shorter (spring) or longer (autumn) than 7 × 24 h; the
 * changes happen on Sundays, so every Monday 00:00 exists, once.
 */
export function parisWeekStarts(fromMs: number, toMs: number): number[] {
  const starts: number[] = [];
  if (fromMs >= toMs) return starts;
  for (let week = DateTime.fromMillis(fromMs, { zone: PARIS }).startOf('week'); week.toMillis() < toMs; week = week.plus({ weeks: 1 })) {
    starts.push(week.toMillis());
  }
  return starts;
}

export function epochToIso(seconds: number): Instant {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid time: ${JSON.stringify(seconds)}`);
  return date.toISOString();
}

// What the e-shop and loyalty send nearly always: UTC, with or without milliseconds.
const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Any ISO-8601 string a legacy system sent -> the canonical Instant form. */
export function toInstant(iso: string): Instant {
  // Date reads the UTC form exactly, at a fraction of luxon's cost (a product page has a time per
  // product); it rolls 30 February over into March, where luxon refuses it: that is left to luxon.
  if (UTC_ISO.test(iso)) {
    const ms = Date.parse(iso);
    const instant = Number.isNaN(ms) ? null : new Date(ms).toISOString();
    if (instant !== null && instant.slice(0, 19) === iso.slice(0, 19)) return instant;
  }
  return instantOf(parseIso(iso), iso);
}

function parseIso(iso: string): DateTime {
  // An ISO string without an offset is read as UTC: the legacy references promise UTC, and the
  // machine's own zone must never leak into the result.
  const dateTime = DateTime.fromISO(iso, { zone: 'utc' });
  if (!dateTime.isValid) throw new RangeError(`Not an ISO-8601 time: ${JSON.stringify(iso)}`);
  return dateTime;
}

// Europe/Paris wall-clock time for the POS. Stores trade in local time and receipts carry it
// without an offset, so the seed reasons in local days. Luxon resolves each day's offset once;
// a time of day inside trading hours (never in the 02:00-03:00 DST gap) then needs no lookup.
import { DateTime } from 'luxon';
import type { Day, ParisLocal } from '../../adapters/pos/wire';

const ZONE = 'Europe/Paris';
const DAY_MS = 86_400_000;
const WEEKDAYS: Day[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

export interface LocalDay {
  date: string; // YYYY-MM-DD
  weekday: Day;
  /** UTC instant of this day's local 00:00, extrapolated from the noon offset. */
  midnightMs: number;
}

export class ParisCalendar {
  readonly days: LocalDay[] = [];

  constructor(fromMs: number, toMs: number) {
    let day = DateTime.fromMillis(fromMs, { zone: ZONE }).startOf('day');
    while (day.toMillis() <= toMs) {
      const noon = day.set({ hour: 12 });
      this.days.push({
        date: day.toFormat('yyyy-MM-dd'),
        weekday: WEEKDAYS[day.weekday - 1],
        midnightMs: noon.toMillis() - DAY_MS / 2,
      });
      day = day.plus({ days: 1 });
    }
  }

  /** Index in `days` of the local day holding `ms`, clamped to the calendar. */
  dayIndex(ms: number): number {
    const guess = Math.floor((ms - this.days[0].midnightMs) / DAY_MS);
    const i = Math.min(Math.max(guess, 0), this.days.length - 1);
    // The guess is off by one around a DST change (23 or 25 h days).
    if (i > 0 && ms < this.days[i].midnightMs) return i - 1;
    if (i < this.days.length - 1 && ms >= this.days[i + 1].midnightMs) return i + 1;
    return i;
  }

  /** The local wall-clock text and the UTC instant of a second of a calendar day. */
  at(dayIndex: number, secondOfDay: number): { local: ParisLocal; ms: number } {
    const day = this.days[dayIndex];
    return { local: `${day.date} ${clock(secondOfDay)}`, ms: day.midnightMs + secondOfDay * 1000 };
  }
}

/** Any instant as Paris wall-clock text (DST-correct, for the rare records not on a trading day). */
export const parisLocal = (ms: number): ParisLocal => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm:ss');

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const pad2 = (n: number): string => String(n).padStart(2, '0');
const clock = (s: number): string => `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;

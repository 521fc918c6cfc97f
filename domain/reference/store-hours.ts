// Opening hours are the store's wall-clock times in Europe/Paris; an instant is open when its
// Paris local time falls in that weekday's [opens, closes) window. Luxon does the DST work.
import { DateTime } from 'luxon';
import type { DayOfWeek, OpeningHours } from '../types';

const STORE_ZONE = 'Europe/Paris';

const DAYS: DayOfWeek[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

const MINUTE_MS = 60_000;

/**
 * The Paris weekday and HH:mm of an instant's minute, the last one kept: a store list asks it of
 * the same minute for every store, and Luxon's zone conversion is most of such a request's cost.
 */
let lastMinute: { minute: number; day: DayOfWeek; time: string } | null = null;
function parisMinute(at: Date): { day: DayOfWeek; time: string } {
  const minute = Math.floor(at.getTime() / MINUTE_MS);
  if (lastMinute?.minute !== minute) {
    const local = DateTime.fromMillis(minute * MINUTE_MS, { zone: STORE_ZONE });
    lastMinute = { minute, day: DAYS[local.weekday - 1], time: local.toFormat('HH:mm') };
  }
  return lastMinute;
}

export function isOpen(hours: OpeningHours[], at: Date): boolean {
  const { day, time } = parisMinute(at);
  return hours.some((h) => h.day === day && h.opens <= time && time < h.closes);
}

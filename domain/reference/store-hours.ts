// Opening hours are the store's wall-clock times in Europe/Paris; an instant is open when its
// Paris local time falls in that weekday's [opens, closes) window. Luxon does the DST work.
import { DateTime } from 'luxon';
import type { DayOfWeek, OpeningHours } from '../types';

export const STORE_ZONE = 'Europe/Paris';

const DAYS: DayOfWeek[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export function isOpen(hours: OpeningHours[], at: Date): boolean {
  const local = DateTime.fromJSDate(at, { zone: STORE_ZONE });
  const day = DAYS[local.weekday - 1];
  const time = local.toFormat('HH:mm');
  return hours.some((h) => h.day === day && h.opens <= time && time < h.closes);
}

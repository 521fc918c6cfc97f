import type { OpeningHours } from '../../../domain/types';
import { isOpen } from '../../../domain/reference/store-hours';

const weekdays: OpeningHours[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'].map((day) => ({
  day: day as OpeningHours['day'],
  opens: '09:00',
  closes: '19:30',
}));

describe('isOpen', () => {
  it('reads the instant in Paris time, winter (UTC+1)', () => {
    // Tuesday 2026-11-24 08:30Z is 09:30 in Paris
    expect(isOpen(weekdays, new Date('2026-11-24T08:30:00Z'))).toBe(true);
    // 07:59Z is 08:59 in Paris: not yet
    expect(isOpen(weekdays, new Date('2026-11-24T07:59:00Z'))).toBe(false);
    // 18:29Z is 19:29: still open; 18:30Z is 19:30: closed
    expect(isOpen(weekdays, new Date('2026-11-24T18:29:00Z'))).toBe(true);
    expect(isOpen(weekdays, new Date('2026-11-24T18:30:00Z'))).toBe(false);
  });

  it('reads the instant in Paris time, summer (UTC+2)', () => {
    // Wednesday 2026-07-01 07:30Z is 09:30 in Paris; 17:45Z is 19:45, closed
    expect(isOpen(weekdays, new Date('2026-07-01T07:30:00Z'))).toBe(true);
    expect(isOpen(weekdays, new Date('2026-07-01T17:45:00Z'))).toBe(false);
  });

  it('is closed on a day without hours, using the Paris date not the UTC one', () => {
    // Sunday 2026-11-29 10:00 in Paris
    expect(isOpen(weekdays, new Date('2026-11-29T09:00:00Z'))).toBe(false);
    // Saturday 23:30Z is already Sunday 00:30 in Paris; Saturday 22:00Z is Saturday 23:00
    const lateSaturday: OpeningHours[] = [{ day: 'SATURDAY', opens: '09:00', closes: '23:59' }];
    expect(isOpen(lateSaturday, new Date('2026-11-28T22:00:00Z'))).toBe(true);
    expect(isOpen(lateSaturday, new Date('2026-11-28T23:30:00Z'))).toBe(false);
  });

  it('follows the spring-forward change (Sunday 2026-03-29)', () => {
    const sunday: OpeningHours[] = [{ day: 'SUNDAY', opens: '09:00', closes: '12:00' }];
    // after the change Paris is UTC+2: 07:30Z is 09:30
    expect(isOpen(sunday, new Date('2026-03-29T07:30:00Z'))).toBe(true);
    // 06:30Z is 08:30 in Paris that day (it would be 07:30 under UTC+1)
    expect(isOpen(sunday, new Date('2026-03-29T06:30:00Z'))).toBe(false);
  });
});

import { isoTime } from '../../../adapters/transport/answers';

describe('isoTime', () => {
  it.each([
    '2026-11-01T13:32:11Z',
    '2026-11-01T13:32:11.250Z',
    '2026-11-01T14:32:11+01:00',
    '2026-11-01T14:32:11+0100',
    '2026-11-01T13:32Z',
    '2028-02-29T00:00:00Z',
  ])('reads %s', (time) => expect(isoTime.safeParse(time).success).toBe(true));

  it.each([
    '2026-02-30T10:00:00Z',
    '2026-04-31T10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-11-01T24:00:00Z',
    '2026-11-01 13:32:11',
    '2026-11-01T13:32:11',
  ])('refuses %s as a malformed answer', (time) => expect(isoTime.safeParse(time).success).toBe(false));
});

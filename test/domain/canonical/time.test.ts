import { Settings } from 'luxon';
import { epochToIso, isoToParisLocal, parisDate, parisLocalToIso, parisWeekStarts, toInstant } from '../../../domain/canonical/time';

describe('parisLocalToIso', () => {
  it('reads winter time as UTC+1 and summer time as UTC+2', () => {
    expect(parisLocalToIso('2026-11-01 14:32:10')).toBe('2026-11-01T13:32:10.000Z');
    expect(parisLocalToIso('2026-07-14 14:32:10')).toBe('2026-07-14T12:32:10.000Z');
  });

  it('switches offset exactly at the spring and autumn changes', () => {
    expect(parisLocalToIso('2026-03-29 01:59:59')).toBe('2026-03-29T00:59:59.000Z');
    expect(parisLocalToIso('2026-03-29 03:00:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(parisLocalToIso('2026-10-25 01:59:59')).toBe('2026-10-24T23:59:59.000Z');
    expect(parisLocalToIso('2026-10-25 03:00:00')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('reads a time in the spring-forward gap with the winter offset the clock still had', () => {
    expect(parisLocalToIso('2026-03-29 02:30:00')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('reads a time in the autumn-back overlap as its first occurrence (summer time)', () => {
    expect(parisLocalToIso('2026-10-25 02:30:00')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('resolves the overlap the same way whatever the date today', () => {
    const realNow = Settings.now;
    try {
      for (const today of [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)]) {
        Settings.now = () => today;
        expect(parisLocalToIso('2026-10-25 02:30:00')).toBe('2026-10-25T00:30:00.000Z');
        expect(parisLocalToIso('2026-03-29 02:30:00')).toBe('2026-03-29T01:30:00.000Z');
      }
    } finally {
      Settings.now = realNow;
    }
  });

  it('reads 24:00:00 as the midnight that ends the day', () => {
    expect(parisLocalToIso('2026-01-01 24:00:00')).toBe('2026-01-01T23:00:00.000Z');
  });

  it('reads times before the offsets changed on the hour as the zone says (Paris Mean Time until 1911)', () => {
    expect(parisLocalToIso('1911-03-11 00:00:00')).toBe('1911-03-11T00:00:00.000Z');
    expect(parisLocalToIso('1911-03-10 12:00:00')).toBe('1911-03-10T11:50:39.000Z');
  });

  it.each(['2026-02-30 10:00:00', '2026-01-01 24:00:01', '2026-01-01 25:00:00', '2026-11-01T14:32:10', '2026-11-01 14:32', 'yesterday'])(
    'rejects %j',
    (text) => {
      expect(() => parisLocalToIso(text)).toThrow(RangeError);
    },
  );
});

describe('isoToParisLocal', () => {
  it('writes Paris wall-clock time', () => {
    expect(isoToParisLocal('2026-11-01T13:32:10Z')).toBe('2026-11-01 14:32:10');
    expect(isoToParisLocal('2026-07-14T12:32:10.000Z')).toBe('2026-07-14 14:32:10');
  });

  it('gives both instants of the autumn overlap the same wall time', () => {
    expect(isoToParisLocal('2026-10-25T00:30:00Z')).toBe('2026-10-25 02:30:00');
    expect(isoToParisLocal('2026-10-25T01:30:00Z')).toBe('2026-10-25 02:30:00');
  });

  it('round-trips every time outside the overlap', () => {
    for (const local of ['2026-01-01 00:00:00', '2026-03-29 03:00:00', '2026-10-25 03:00:00', '2026-12-31 23:59:59']) {
      expect(isoToParisLocal(parisLocalToIso(local))).toBe(local);
    }
  });
});

describe('parisDate', () => {
  it('is the Paris calendar day, which is not the UTC one just before midnight UTC', () => {
    expect(parisDate('2026-11-01T23:30:00Z')).toBe('2026-11-02');
    expect(parisDate('2026-07-01T21:59:59Z')).toBe('2026-07-01');
    expect(parisDate('2026-07-01T22:00:00Z')).toBe('2026-07-02');
  });
});

describe('epoch seconds', () => {
  it('converts to ISO, and refuses what is no time', () => {
    expect(epochToIso(1793453530)).toBe('2026-10-31T13:32:10.000Z');
    expect(() => epochToIso(Number.NaN)).toThrow(RangeError);
    expect(() => epochToIso(1e20)).toThrow(RangeError);
  });
});

describe('toInstant', () => {
  it('writes every ISO form the same way', () => {
    expect(toInstant('2026-11-01T13:32:10Z')).toBe('2026-11-01T13:32:10.000Z');
    expect(toInstant('2026-11-01T14:32:10+01:00')).toBe('2026-11-01T13:32:10.000Z');
    expect(toInstant('2026-11-01T13:32:10')).toBe('2026-11-01T13:32:10.000Z');
    expect(toInstant('2026-11-01T13:32:10.5Z')).toBe('2026-11-01T13:32:10.500Z');
    expect(toInstant('2026-11-01T13:32:10.123456Z')).toBe('2026-11-01T13:32:10.123Z');
  });

  it('rejects garbage', () => {
    expect(() => toInstant('not a date')).toThrow(RangeError);
  });

  it('rejects a day the month does not have, rather than rolling it over into the next', () => {
    expect(() => toInstant('2026-02-30T00:00:00Z')).toThrow(RangeError);
    expect(() => toInstant('2026-04-31T10:00:00.500Z')).toThrow(RangeError);
    expect(() => toInstant('2026-13-01T00:00:00Z')).toThrow(RangeError);
  });
});

describe('parisWeekStarts', () => {
  const weeks = (from: string, to: string) => parisWeekStarts(Date.parse(from), Date.parse(to)).map((ms) => new Date(ms).toISOString());

  it('gives Monday 00:00 in Paris of every week overlapping the period, the first one starting before it', () => {
    // Wednesday 4 to Wednesday 18 March 2026 (winter time): Mondays 2, 9 and 16 March at 23:00Z the day before
    expect(weeks('2026-03-04T00:00:00Z', '2026-03-18T00:00:00Z')).toEqual([
      '2026-03-01T23:00:00.000Z',
      '2026-03-08T23:00:00.000Z',
      '2026-03-15T23:00:00.000Z',
    ]);
  });

  it('starts a week at `from` when `from` is a Monday 00:00, and leaves out the week that starts at `to`', () => {
    expect(weeks('2026-03-08T23:00:00Z', '2026-03-15T23:00:00Z')).toEqual(['2026-03-08T23:00:00.000Z']);
    expect(weeks('2026-03-08T23:00:00Z', '2026-03-15T23:00:00.001Z')).toHaveLength(2);
  });

  it('keeps Monday 00:00 across the spring change: the week of 29 March 2026 is 167 hours long', () => {
    const [spring, after] = parisWeekStarts(Date.parse('2026-03-25T00:00:00Z'), Date.parse('2026-03-31T00:00:00Z'));
    expect(new Date(spring).toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(new Date(after).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect((after - spring) / 3_600_000).toBe(167);
    // 21:59:59Z on the 29th is still Sunday 23:59:59 in Paris
    expect(weeks('2026-03-29T21:59:59Z', '2026-03-29T22:00:00Z')).toEqual(['2026-03-22T23:00:00.000Z']);
  });

  it('keeps Monday 00:00 across the autumn change: the week of 25 October 2026 is 169 hours long', () => {
    const [autumn, after] = parisWeekStarts(Date.parse('2026-10-21T00:00:00Z'), Date.parse('2026-10-27T00:00:00Z'));
    expect(new Date(autumn).toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(new Date(after).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect((after - autumn) / 3_600_000).toBe(169);
    // 22:30Z on the 25th is Sunday 23:30 in Paris (winter time again)
    expect(weeks('2026-10-25T22:30:00Z', '2026-10-25T22:31:00Z')).toEqual(['2026-10-18T22:00:00.000Z']);
  });

  it('is empty for an empty period', () => {
    expect(weeks('2026-03-04T00:00:00Z', '2026-03-04T00:00:00Z')).toEqual([]);
  });
});

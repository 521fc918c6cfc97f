import fc from 'fast-check';
import { centsToDecimal, decimalToCents } from '../../../domain/canonical/money';

describe('decimalToCents', () => {
  it.each([
    ['19.99', 1999],
    ['0.10', 10],
    ['0.1', 10],
    ['5', 500],
    ['1234.5', 123450],
    ['0.07', 7],
    ['-2.50', -250],
    ['-0.00', 0],
    ['1.15', 115], // 1.15 * 100 is 114.99999999999999 in floating point
  ])('%s -> %d', (decimal, cents) => {
    expect(decimalToCents(decimal)).toBe(cents);
  });

  it.each(['', 'abc', '1.234', '1,50', '.5', '1.', '--1', '1e3', 'NaN', '12 .5'])('rejects %j', (text) => {
    expect(() => decimalToCents(text)).toThrow(RangeError);
  });
});

describe('centsToDecimal', () => {
  it.each([
    [1999, '19.99'],
    [5, '0.05'],
    [10, '0.10'],
    [0, '0.00'],
    [123450, '1234.50'],
    [-250, '-2.50'],
    [-5, '-0.05'],
  ])('%d -> %s', (cents, decimal) => {
    expect(centsToDecimal(cents)).toBe(decimal);
  });

  it('rejects fractions of a cent', () => {
    expect(() => centsToDecimal(10.5)).toThrow(RangeError);
  });

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        expect(decimalToCents(centsToDecimal(cents))).toBe(cents);
      }),
    );
  });
});

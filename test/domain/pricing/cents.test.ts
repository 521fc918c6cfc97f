import fc from 'fast-check';
import { halfEven, spread } from '../../../domain/pricing/cents';

describe('halfEven', () => {
  it.each([
    [5, 10, 0], // 0.5 -> 0
    [15, 10, 2], // 1.5 -> 2
    [25, 10, 2], // 2.5 -> 2
    [35, 10, 4], // 3.5 -> 4
    [14, 10, 1],
    [16, 10, 2],
    [1995 * 10, 100, 200], // 10 % of 19.95: 199.5 cents -> 200
    [1985 * 10, 100, 198], // 10 % of 19.85: 198.5 cents -> 198
    [0, 100, 0],
  ])('%d / %d -> %d', (numerator, denominator, expected) => {
    expect(halfEven(numerator, denominator)).toBe(expected);
  });
});

describe('spread', () => {
  it('shares in proportion and the cents add up', () => {
    expect(spread(100, [1000, 2000, 3000])).toEqual([17, 33, 50]);
  });

  it('gives a remaining cent to the largest remainder, the earlier line on a tie', () => {
    expect(spread(1, [500, 500])).toEqual([1, 0]);
    expect(spread(2, [100, 100, 100])).toEqual([1, 1, 0]);
  });

  it('takes no more than the weights', () => {
    expect(spread(5000, [1000, 0, 300])).toEqual([1000, 0, 300]);
  });

  it('always adds up to min(amount, total) with no share above its weight', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 20 }), (amount, weights) => {
        const shares = spread(amount, weights);
        const total = weights.reduce((s, w) => s + w, 0);
        expect(shares.reduce((s, x) => s + x, 0)).toBe(Math.min(amount, total));
        shares.forEach((share, i) => {
          expect(Number.isInteger(share)).toBe(true);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(weights[i]);
        });
      }),
    );
  });
});

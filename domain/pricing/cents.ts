// Integer-cent arithmetic for discounts: rounding a fraction of a cent, and spreading an amount
// over lines so that the shares add up to the cent.
import type { Cents } from '../types';

/** numerator / denominator rounded to the nearest integer, halves to the even neighbour (banker's rounding). */
export function halfEven(numerator: number, denominator: number): number {
  const quotient = Math.floor(numerator / denominator);
  const twiceRemainder = 2 * (numerator - quotient * denominator);
  if (twiceRemainder > denominator) return quotient + 1;
  if (twiceRemainder < denominator) return quotient;
  return quotient % 2 === 0 ? quotient : quotient + 1;
}

/**
 * `amount` shared out in proportion to `weights` (largest-remainder method, ties to the earlier
 * weight): the shares add up to min(amount, sum of weights) and none exceeds its weight.
 */
export function spread(amount: Cents, weights: Cents[]): Cents[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (amount >= total) return [...weights];
  const shares = weights.map((w) => Math.floor((amount * w) / total));
  const remainders = weights.map((w, i) => ({ i, remainder: amount * w - shares[i] * total }));
  let left = amount - shares.reduce((sum, s) => sum + s, 0);
  for (const { i } of remainders.sort((a, b) => b.remainder - a.remainder || a.i - b.i)) {
    if (left === 0) break;
    shares[i] += 1;
    left -= 1;
  }
  return shares;
}

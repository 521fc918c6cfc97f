// What one promotion takes off basket lines, in cents. Never more than the base it is taken
// from, so no line can go negative.
import type { Cents } from '../types';
import { halfEven, spread } from './cents';
import type { BasketLine, Promotion } from './model';

export function lineTotal(line: BasketLine): Cents {
  return line.quantity * line.listPriceCents;
}

/** A product-level promotion reaches the lines whose SKU or category it lists. */
function inScope(promotion: Promotion, line: BasketLine): boolean {
  return Boolean(promotion.skus?.includes(line.sku) || promotion.categories?.includes(line.category));
}

/** A product-level promotion's discount on one line at list price (0 when the line is out of scope). */
export function productDiscount(promotion: Promotion, line: BasketLine): Cents {
  return inScope(promotion, line) ? onLine(promotion, line, lineTotal(line)) : 0;
}

/**
 * A basket-level promotion's share of each line, taken from what is left of it (`remaining`):
 * an AMOUNT is spread in proportion to what is left, the other kinds work line by line.
 */
export function basketShares(promotion: Promotion, lines: BasketLine[], remaining: Cents[]): Cents[] {
  if (promotion.kind === 'AMOUNT') return spread(promotion.value, remaining);
  return lines.map((line, i) => onLine(promotion, line, remaining[i]));
}

function onLine({ kind, value }: Promotion, line: BasketLine, base: Cents): Cents {
  const discount =
    kind === 'PERCENT'
      ? halfEven(base * value, 100)
      : kind === 'AMOUNT'
        ? value * line.quantity
        : halfEven(Math.floor(line.quantity / 2) * line.listPriceCents * value, 100);
  return Math.min(discount, base);
}

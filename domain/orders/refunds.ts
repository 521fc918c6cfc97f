// What a return owes: what was paid for the units brought back, by the e-shop's rule
// (legacy-systems.md), which the e-shop applies to a web order itself. The units of a product go
// back in the order of its lines, each at its line's unit price, less the order's discount
// prorated by their value (half to even); the return of the last units takes what is left, so
// that the refunds of a whole order add up to what it cost.
import { halfEven } from '../pricing/cents';
import { sumBy } from '../quantities';
import type { Cents, Order } from '../types';

interface Units {
  /** the product: a SKU, or an EAN the catalogue does not know */
  key: string;
  qty: number;
}

export interface PaidOrder {
  lines: (Units & { unitCents: Cents })[];
  discountCents: Cents;
  totalCents: Cents;
}

/** `before`: the units returned before, and what they were refunded. */
export function refundDue(order: PaidOrder, before: { lines: Units[]; cents: Cents }, returning: Units[]): Cents {
  const back = sumBy(before.lines.map((l) => [l.key, l.qty]));
  const subtotal = order.lines.reduce((sum, l) => sum + l.qty * l.unitCents, 0);
  let due = 0;
  for (const { key, qty } of returning) {
    const units = order.lines.filter((l) => l.key === key).flatMap((l) => Array<Cents>(l.qty).fill(l.unitCents));
    const from = back.get(key) ?? 0;
    back.set(key, from + qty);
    const value = units.slice(from, from + qty).reduce((a, b) => a + b, 0);
    due += value - (subtotal === 0 ? 0 : halfEven(order.discountCents * value, subtotal));
  }
  const bought = sumBy(order.lines.map((l) => [l.key, l.qty]));
  const last = [...bought].every(([key, qty]) => (back.get(key) ?? 0) >= qty);
  return last ? order.totalCents - before.cents : due;
}

/**
 * What was paid for each line of an order or receipt, as it shows them: what returning its lines one
 * after the other would refund. So each line is its value less the order's discount prorated by
 * value (half to even), and the last line takes what is left: the lines add up to the total.
 */
export function paidByLine(order: Pick<Order, 'lines' | 'discountCents' | 'totalCents'>): Cents[] {
  // each line its own key: returning line i takes exactly its units
  const lines = order.lines.map((l, i) => ({ key: String(i), qty: l.quantity, unitCents: l.unitPriceCents }));
  const paid: PaidOrder = { lines, discountCents: order.discountCents, totalCents: order.totalCents };
  const shares: Cents[] = [];
  for (const [i, line] of lines.entries()) {
    shares.push(refundDue(paid, { lines: lines.slice(0, i), cents: shares.reduce((a, b) => a + b, 0) }, [line]));
  }
  return shares;
}

// The POS takes integer unit prices, and a discounted line rarely divides evenly: the line is cut
// in two at most (some units one cent dearer) so that the receipt adds up to the quoted cents.
import type { PosLine } from '../legacy/model';

export function posLines(ean: string, quantity: number, netCents: number): PosLine[] {
  const base = Math.floor(netCents / quantity);
  const dearer = netCents - base * quantity;
  return [
    { ean, qty: quantity - dearer, unit_cents: base },
    { ean, qty: dearer, unit_cents: base + 1 },
  ].filter((l) => l.qty > 0);
}

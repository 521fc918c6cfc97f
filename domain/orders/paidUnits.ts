// What a line was really paid, as the silos take it: a whole unit price per line. A discounted
// line rarely divides evenly, so it is cut in two at most (some units one cent dearer) and the
// lines add up to the quoted cents. Both the POS sale and the e-shop order carry these prices, so
// that a refund computed by either silo is what was paid, never the list price.

export interface PaidUnits {
  qty: number;
  unitCents: number;
}

export function paidUnits(quantity: number, netCents: number): PaidUnits[] {
  const base = Math.floor(netCents / quantity);
  const dearer = netCents - base * quantity;
  return [
    { qty: quantity - dearer, unitCents: base },
    { qty: dearer, unitCents: base + 1 },
  ].filter((l) => l.qty > 0);
}

// A shelf price that differs from the price master is drift, not a second truth: these are the
// rows to report, and the prices to write back to the shelves.
import type { Cents } from '../types';

export interface ShelfPrice {
  storeId: string;
  ean: string;
  cents: Cents;
}

export interface Discrepancy {
  sku: string;
  ean: string;
  storeId: string;
  system: 'pos';
  systemPriceCents: Cents;
  listPriceCents: Cents;
}

/** Shelf prices of products the price master does not know are left out: there is no list price to compare. */
export function shelfDiscrepancies(
  shelf: readonly ShelfPrice[],
  listPriceOf: (ean: string) => { sku: string; priceCents: Cents } | undefined,
): Discrepancy[] {
  const found: Discrepancy[] = [];
  for (const row of shelf) {
    const master = listPriceOf(row.ean);
    if (master && master.priceCents !== row.cents) {
      found.push({
        sku: master.sku,
        ean: row.ean,
        storeId: row.storeId,
        system: 'pos',
        systemPriceCents: row.cents,
        listPriceCents: master.priceCents,
      });
    }
  }
  return found.sort((a, b) => a.storeId.localeCompare(b.storeId) || a.sku.localeCompare(b.sku));
}

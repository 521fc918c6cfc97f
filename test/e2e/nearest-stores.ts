// What `nearestStoresWithStock` from ST001 should answer, worked out from the POS's own stock, for
// the end-to-end and the browser tests alike.

/**
 * The seeded directory from ST001 (75001), by the rule the field states, worked out by hand:
 * Île-de-France (92100, 92800), then the zip numbers nearest 75001.
 */
export const FROM_ST001 = ['ST004', 'ST042', 'ST007', 'ST031', 'ST015', 'ST028', 'ST047', 'ST036', 'ST019', 'ST023', 'ST012'];

export interface StockRow {
  store: string;
  ean: string;
  qty: number;
  reserved: number;
}

/** What a store has of a product for sale, by its stock row (none: nothing). */
export const availableIn = (stock: readonly StockRow[], store: string, ean: string): number => {
  const row = stock.find((s) => s.store === store && s.ean === ean);
  return row ? Math.max(0, row.qty - row.reserved) : 0;
};

/** The stores nearest ST001 with at least `quantity` of the product, at most `first` of them, with what each has. */
export const nearestFromST001 = (stock: readonly StockRow[], ean: string, quantity: number, first: number) =>
  FROM_ST001.filter((store) => availableIn(stock, store, ean) >= quantity)
    .slice(0, first)
    .map((store) => ({ store: { id: store }, available: availableIn(stock, store, ean) }));

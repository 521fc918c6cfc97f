// POS shelf prices: one per store and product. They follow the e-shop list price, except that
// some stores never printed the last price change for a few products (the drift the project's
// price-discrepancy report exists to find).
import type { PosPrice } from '../../adapters/pos/wire';
import type { SeedContext } from './context';

const DRIFTING_STORE_RATE = 0.5;
const DRIFTED_PRODUCT_RATE = 0.03;

export class ShelfPrices {
  private readonly cents: Int32Array[];

  constructor(ctx: SeedContext) {
    const { faker } = ctx;
    this.cents = ctx.stores.map(() => {
      const shelf = Int32Array.from(ctx.listCents);
      if (!faker.datatype.boolean(DRIFTING_STORE_RATE)) return shelf;
      for (let p = 0; p < shelf.length; p++) {
        if (faker.datatype.boolean(DRIFTED_PRODUCT_RATE)) shelf[p] = stalePrice(shelf[p], faker.number.int({ min: -15, max: 15 }));
      }
      return shelf;
    });
  }

  centsAt(store: number, product: number): number {
    return this.cents[store][product];
  }

  rows(ctx: SeedContext): PosPrice[] {
    return ctx.stores.flatMap((store, s) =>
      ctx.products.map((product, p) => ({ store: store.code, ean: product.ean, cents: this.cents[s][p] })),
    );
  }
}

/** The price before a change of `percent` (never 0): a .99 price that differs from the list one. */
function stalePrice(listCents: number, percent: number): number {
  const euros = Math.max(1, Math.round((listCents * (100 + (percent || 5))) / 10000));
  const stale = euros * 100 - 1;
  return stale === listCents ? stale + 100 : stale;
}

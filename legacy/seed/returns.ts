// Returned orders: the whole order comes back, by post or in a store. The e-shop refunds what was
// paid (its total); a store return is also in the POS, which takes the goods back and pays nothing
// (refund="none": the web payment is refunded by the e-shop).
import type { EshopReturn } from '../../adapters/eshop/wire';
import type { PosReturn } from '../../adapters/pos/wire';
import type { SeedContext } from './context';
import { eshopStoreCode } from './stores';
import type { OrderDraft } from './web-orders';

export function buildReturns(ctx: SeedContext, drafts: OrderDraft[]): { eshop: EshopReturn[]; pos: PosReturn[] } {
  const eshop: EshopReturn[] = [];
  const pos: PosReturn[] = [];
  for (const { order, products, pickupStore, buyer } of drafts) {
    if (order.status !== 'returned') continue;
    const store = pickupStore ?? (ctx.faker.datatype.boolean(0.3) ? buyer.homeStore : null);
    eshop.push({
      return_id: `R-${String(eshop.length + 1).padStart(6, '0')}`,
      order_id: order.id,
      lines: order.lines.map(({ sku, qty }) => ({ sku, qty })),
      where: store === null ? 'post' : 'store',
      store_code: store === null ? null : eshopStoreCode(ctx.stores[store]),
      refund: order.total,
    });
    if (store === null) continue;
    pos.push({
      id: `RT-${String(pos.length + 1).padStart(6, '0')}`,
      store: ctx.stores[store].code,
      ref: order.id,
      refund_cents: 0,
      lines: order.lines.map(({ qty }, i) => ({ ean: ctx.products[products[i]].ean, qty })),
    });
  }
  return { eshop, pos };
}

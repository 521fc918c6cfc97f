// Store stock and reservations. A pickup order waiting in store holds a reservation (the 72 h
// hold); a cancelled pickup order released its own. Only held reservations count in `reserved`.
import type { PosReservation, PosStock } from '../../adapters/pos/wire';
import { parisLocal } from './calendar';
import { MINUTE_MS, SeedContext } from './context';
import type { OrderDraft } from './web-orders';

export function buildReservations(ctx: SeedContext, drafts: OrderDraft[]): PosReservation[] {
  const reservations: PosReservation[] = [];
  for (const { order, ms, products, pickupStore } of drafts) {
    const status = order.status === 'ready_for_pickup' ? 'held' : order.status === 'cancelled' ? 'released' : null;
    if (pickupStore === null || status === null) continue;
    reservations.push({
      id: `RSV-${String(reservations.length + 1).padStart(6, '0')}`,
      store: ctx.stores[pickupStore].code,
      ref: order.id,
      status,
      // The store picks the goods within the hour after payment.
      created_at: parisLocal(Math.min(ms + ctx.faker.number.int({ min: 5, max: 60 }) * MINUTE_MS, ctx.nowMs)),
      lines: order.lines.map(({ qty }, i) => ({ ean: ctx.products[products[i]].ean, qty })),
    });
  }
  return reservations;
}

export function buildStock(ctx: SeedContext, reservations: PosReservation[]): PosStock[] {
  const { faker } = ctx;
  const held = new Map<string, number>();
  for (const r of reservations) {
    if (r.status !== 'held') continue;
    for (const line of r.lines) held.set(`${r.store} ${line.ean}`, (held.get(`${r.store} ${line.ean}`) ?? 0) + line.qty);
  }
  const stock: PosStock[] = [];
  for (const store of ctx.stores) {
    for (const { ean } of ctx.products) {
      const reserved = held.get(`${store.code} ${ean}`) ?? 0;
      const free = faker.datatype.boolean(0.1) ? 0 : faker.number.int({ min: 1, max: 30 });
      stock.push({ store: store.code, ean, qty: reserved + free, reserved });
    }
  }
  return stock;
}

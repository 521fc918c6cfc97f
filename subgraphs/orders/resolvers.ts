import { responsePathAsArray } from 'graphql';
import { badInput } from '../../errors';
import type { Order } from '../../domain/types';
import { externalIds } from '../customerRef';
import { money } from '../money';
import { keyedConnection, pageSize } from '../relay';
import { RECEIPT_ID, WEB_ORDER_ID, type OrdersContext } from './context';
import type { Channel, LegacySystem, Resolvers } from './generated';

const newestFirst = (a: Order, b: Order) => b.placedAt.localeCompare(a.placedAt) || b.id.localeCompare(a.id);

/** Each source that fails is reported as one partial error; the others still answer. */
async function collect(ctx: OrdersContext, path: readonly (string | number)[], sources: Promise<Order[][]>[]) {
  const settled = await Promise.allSettled(sources);
  const orders: Order[] = [];
  for (const result of settled) {
    if (result.status === 'fulfilled') orders.push(...result.value.flat());
    else ctx.partial.add(result.reason, path);
  }
  return orders;
}

function wants(channel: Channel | null | undefined, system: 'eshop' | 'pos'): boolean {
  if (!channel) return true;
  return system === 'pos' ? channel === 'STORE' : channel !== 'STORE';
}

export const resolvers: Resolvers = {
  Query: {
    order: (_, { id }, ctx) => {
      if (!WEB_ORDER_ID.test(id) && !RECEIPT_ID.test(id)) {
        throw badInput(`Invalid order id "${id}": expected W-YYYY-NNNNNN or a store receipt id like ST042-20261101-0042`);
      }
      return ctx.orderById.load(id);
    },
  },
  Customer: {
    orders: async (customer, { first, after, channel }, ctx, info) => {
      const size = pageSize(first, 10);
      const sources: Promise<Order[][]>[] = [];
      if (wants(channel, 'eshop')) sources.push(ctx.webOrdersByAccount.loadMany(externalIds(customer, 'ESHOP')).then(unwrap));
      if (wants(channel, 'pos')) sources.push(ctx.receiptsByCard.loadMany(externalIds(customer, 'LOYALTY')).then(unwrap));
      const orders = (await collect(ctx, responsePathAsArray(info.path), sources))
        .filter((o) => !channel || o.channel === channel)
        .sort(newestFirst);
      return keyedConnection(orders, (o) => o.id, size, after);
    },
  },
  Order: {
    __resolveReference: (ref, ctx) => ctx.orderById.load(ref.id),
    discount: (o) => money(o.discountCents),
    total: (o) => money(o.totalCents),
    fulfillment: (o) => ({
      type: o.fulfillment.type,
      store: o.fulfillment.storeId ? { id: o.fulfillment.storeId } : null,
      address: o.fulfillment.address,
    }),
    placedBy: (o) => (o.owner ? { system: o.owner.system.toUpperCase() as LegacySystem, externalId: o.owner.externalId } : null),
  },
  OrderLine: {
    product: async (line, _, ctx) => {
      const sku = line.sku ?? (line.ean ? (await ctx.catalog.get()).byEan.get(line.ean)?.sku : undefined);
      return sku ? { sku } : null;
    },
    unitPrice: (line) => money(line.unitPriceCents),
    lineTotal: (line) => money(line.lineTotalCents),
  },
};

/** loadMany reports per-key failures as values; one failed key fails that source. */
function unwrap<T>(results: (T | Error)[]): T[] {
  for (const r of results) if (r instanceof Error) throw r;
  return results as T[];
}

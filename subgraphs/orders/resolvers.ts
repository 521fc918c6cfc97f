import {
  assertMayCollect,
  assertMayPlaceOrder,
  assertMayReturn,
  assertOrderAccess,
  ordersReadableOf,
  requireCaller,
  requireRole,
} from '../../platform/auth/rules';
import { graphqlError, LegacyUnavailableError } from '../../platform/errors';
import type { Order } from '../../domain/types';
import type { GraphQLResolveInfo } from 'graphql';
import { externalIds, type CustomerRef } from '../kit/customerRef';
import { money } from '../kit/money';
import { pageSize } from '../kit/relay';
import { newestFirstConnection } from '../kit/merged-pages';
import { planCancel } from '../../domain/orders/cancelOrder';
import { planCollect } from '../../domain/orders/collectOrder';
import { orderIdKind } from '../../domain/orders/orderIds';
import { clientKey, collectKey, placeOrderRequest, placeOrderRequestEarlierForms } from '../../domain/orders/keys';
import { planPlaceOrder } from '../../domain/orders/placeOrder';
import type { PlaceOrderInput } from '../../domain/orders/plan';
import { planReturn } from '../../domain/orders/returnOrder';
import { settleParkedSaga } from '../../domain/orders/saga/operatorSettlement';
import { orderStatus } from '../../domain/orders/status';
import type { OrdersContext } from './context';
import { orNullOncePerField, reportFailedLists, settleSources, unwrap } from '../kit/server';
import type { ReturnModel } from './model';
import type { Channel, Resolvers } from './generated';
import { toGraphSystem } from '../kit/legacy-system';

const newestFirst = (a: Order, b: Order) => b.placedAt.localeCompare(a.placedAt) || b.id.localeCompare(a.id);

function wants(channel: Channel | null | undefined, system: 'eshop' | 'pos'): boolean {
  if (!channel) return true;
  return system === 'pos' ? channel === 'STORE' : channel !== 'STORE';
}

export const resolvers: Resolvers = {
  Query: {
    order: async (_, { id }, ctx) => {
      orderIdKind(id);
      requireCaller(ctx);
      const order = await ctx.orderById.load(id);
      await assertOrderAccess(ctx, id, order);
      return order;
    },
    orderAfterSales: (_, { orderIds }, ctx) => {
      requireRole(ctx);
      return ctx.commerce.deps.sagas.afterSale(orderIds);
    },
    sagasNeedingAttention: async (_, { first }, ctx) => {
      requireRole(ctx);
      return (await ctx.commerce.deps.sagas.needingAttention()).slice(0, pageSize(first, 100));
    },
  },
  ParkedSaga: {
    id: (p) => p.key,
    order: (p, _, ctx) => (p.orderId ? ctx.orderById.load(p.orderId) : null),
  },
  Mutation: {
    placeOrder: async (_, { input }, ctx) => {
      await assertMayPlaceOrder(ctx, input);
      const { commerce } = ctx;
      const request = placeOrderRequest(input as PlaceOrderInput);
      const result = (await commerce.runner.execute(
        commerce.sagas.place,
        clientKey(input.idempotencyKey),
        request,
        async () => ({ plan: await planPlaceOrder(ctx.planning, ctx.pricing, input as PlaceOrderInput) }),
        placeOrderRequestEarlierForms(input as PlaceOrderInput),
      )) as { orderId: string; placed?: Order };
      const { orderId } = result;
      const order = await placed(ctx, orderId, result.placed);
      await assertOrderAccess(ctx, orderId, order); // the key's first request may have been another caller's
      return order;
    },
    cancelOrder: async (_, { id, idempotencyKey }, ctx) => {
      requireRole(ctx, 'agent');
      const { commerce } = ctx;
      orderIdKind(id);
      const { orderId } = (await commerce.perOrder.run(id, () =>
        commerce.runner.execute(commerce.sagas.cancel, clientKey(idempotencyKey), { id }, () => planCancel(ctx.planning, id)),
      )) as { orderId: string };
      return placed(ctx, orderId);
    },
    collectOrder: async (_, { id }, ctx) => {
      const { commerce } = ctx;
      orderIdKind(id);
      await assertMayCollect(ctx, () => ctx.orderById.load(id));
      const { orderId } = (await commerce.perOrder.run(id, () =>
        commerce.runner.execute(commerce.sagas.collect, collectKey(id), { id }, () => planCollect(ctx.planning, id)),
      )) as { orderId: string };
      return placed(ctx, orderId);
    },
    returnOrder: async (_, { input }, ctx) => {
      await assertMayReturn(ctx, input.storeId, input.orderId, () => ctx.orderById.load(input.orderId));
      const { commerce } = ctx;
      const { idempotencyKey, ...request } = input;
      const saga = orderIdKind(input.orderId) === 'web' ? commerce.sagas.returnWeb : commerce.sagas.returnStore;
      return (await commerce.perOrder.run(input.orderId, () =>
        commerce.runner.execute(saga, clientKey(idempotencyKey), request, () => planReturn(ctx.planning, ctx.pricing, input)),
      )) as ReturnModel;
    },
    settleParkedSaga: async (_, { id, found, made }, ctx) => {
      requireRole(ctx);
      return settleParkedSaga(ctx.commerce.deps.sagas, id, found, made ? { returnId: made.returnId, refundCents: made.refund } : null);
    },
  },
  Return: {
    id: (r) => r.returnId,
    order: async (r, _, ctx) => placed(ctx, r.orderId),
    store: (r) => ({ id: r.storeId }),
    lines: (r) => r.lines.map((l) => ({ product: { sku: l.sku }, quantity: l.quantity })),
    refund: (r) => money(r.refundCents),
    loyaltyPointsReversed: (r) => r.pointsReversed,
  },
  Customer: {
    orders: async (customer, { first, after, channel }, ctx, info) => {
      const size = pageSize(first, 10);
      const web = wants(channel, 'eshop') ? unwrap(await ctx.webOrderPages.loadMany(externalIds(customer, 'ESHOP'))) : [];
      const sales = wants(channel, 'pos')
        ? [ctx.receiptsByCard.loadMany(externalIds(customer, 'LOYALTY')).then((r) => unwrap(r).flat()), recordedSales(ctx, customer)]
        : [];
      // every source at once: the web orders' first page is read whatever the page asked for
      const [readable, whole] = await Promise.all([
        ordersReadableOf(ctx, customer.id),
        settleSources(ctx, info, sales),
        ...web.map((list) => list.started()),
      ]);
      const connection = await newestFirstConnection(uniqueById(whole), web, {
        compare: newestFirst,
        keyOf: (o) => o.id,
        first: size,
        after,
        keep: (o) => (!channel || o.channel === channel) && readable(o),
      });
      reportFailedLists(ctx, info, web);
      return connection;
    },
  },
  Order: {
    __resolveReference: (ref, ctx) => ctx.orderById.load(ref.id),
    status: async (o, _, ctx, info) => orderStatus(o.status, (await factsOf(ctx, info, o)) ?? undefined),
    lines: async (o, _, ctx, info) =>
      (await pricedSale(ctx, info, o))?.lines.map((l) => ({
        sku: l.sku,
        ean: null,
        quantity: l.quantity,
        unitPriceCents: l.unitCents,
        lineTotalCents: l.unitCents * l.quantity,
      })) ?? o.lines,
    discount: async (o, _, ctx, info) => money((await pricedSale(ctx, info, o))?.discountCents ?? o.discountCents),
    promoCodes: async (o, _, ctx, info) => (await pricedSale(ctx, info, o))?.promoCodes ?? o.promoCodes,
    total: (o) => money(o.totalCents),
    fulfillment: async (o, _, ctx, info) => ({
      type: o.fulfillment.type,
      store: o.fulfillment.storeId ? { id: o.fulfillment.storeId } : null,
      // a store sale shipped home: the POS keeps no address, the project does
      address:
        o.fulfillment.address ?? (o.fulfillment.type === 'HOME_DELIVERY' ? ((await factsOf(ctx, info, o))?.deliveryAddress ?? null) : null),
    }),
    returns: async (o, _, ctx, info) => {
      // an order reached through another subgraph's reference was not checked on the way
      await assertOrderAccess(ctx, o.id, o);
      return orNullOncePerField(ctx, info, ctx.returnsById.load(o.id));
    },
    placedBy: (o) => (o.owner ? { system: toGraphSystem(o.owner.system), externalId: o.owner.externalId } : null),
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

/**
 * The store sales the project placed for the customer without a card (their receipts name no one),
 * recorded as owned by one of its e-shop accounts or CRM contacts: each read from the POS by id.
 */
async function recordedSales(ctx: OrdersContext, customer: CustomerRef): Promise<Order[]> {
  const owners = [
    ...externalIds(customer, 'ESHOP').map((externalId) => ({ system: 'eshop' as const, externalId })),
    ...externalIds(customer, 'CRM').map((externalId) => ({ system: 'crm' as const, externalId })),
  ];
  const ids = unwrap(await ctx.salesOwnedBy.loadMany(owners)).flat();
  return unwrap(await ctx.orderById.loadMany(ids)).filter((o): o is Order => o !== null);
}

/** An order listed by two sources once. */
const uniqueById = (orders: Order[]) => [...new Map(orders.map((o) => [o.id, o])).values()];

/**
 * What the project knows of the order beyond its legacy record (collected, returned, cancelled by
 * its saga, a store sale's prices); null when the database cannot say, reported once for the
 * field: the field then answers what the record alone says, and the order, read from its silo, stands.
 */
const factsOf = (ctx: OrdersContext, info: GraphQLResolveInfo, o: Order) => orNullOncePerField(ctx, info, ctx.factsById.load(o.id));

/** A store sale placed through the graph: its list prices, discount and codes, which its receipt cannot carry. */
const pricedSale = async (ctx: OrdersContext, info: GraphQLResolveInfo, o: Order) => (await factsOf(ctx, info, o))?.priced ?? null;

/**
 * The order a mutation just wrote, read back from its legacy system. An order placed is also known
 * as its silo answered its creation (`asPlaced`): that is the answer when the read-back fails, as
 * an error would tell the client the order failed, and one placed again under a new key is placed twice.
 */
async function placed(ctx: OrdersContext, orderId: string, asPlaced?: Order): Promise<Order> {
  const order = await ctx.orderById.load(orderId).catch((err: unknown) => {
    // its silo down or slow: the order stands as it answered; a bug still fails loudly
    if (asPlaced && err instanceof LegacyUnavailableError) return null;
    throw err;
  });
  if (order) return order;
  if (asPlaced) return asPlaced;
  const system = orderIdKind(orderId) === 'web' ? 'eshop' : 'pos';
  throw graphqlError('SYSTEM_UNAVAILABLE', `Order ${orderId} was recorded but cannot be read back yet; retry with the same key`, {
    system,
  });
}

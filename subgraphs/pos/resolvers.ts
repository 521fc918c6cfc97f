import { badInput, notFound } from '../../platform/errors';
import { nearestFirst, nearestThatQualify } from '../../domain/reference/store-nearness';
import type { StockLevel } from '../../domain/types';
import { pageSize } from '../kit/relay';
import { failUnlessSomeAnswered } from '../kit/server';
import { isOpen } from '../../domain/reference/store-hours';
import { storeIdFromInput } from '../../domain/canonical/store';
import type { PosContext } from './context';
import type { Resolvers } from './generated';

async function knownStore(ctx: PosContext, storeId: string) {
  const store = (await ctx.stores.get()).byId.get(storeIdFromInput(storeId));
  if (!store) throw notFound(`Unknown store ${storeId}`);
  return store;
}

export const resolvers: Resolvers = {
  Query: {
    stores: async (_, __, ctx) => (await ctx.stores.get()).stores,
    store: async (_, { id }, ctx) => {
      return (await ctx.stores.get()).byId.get(storeIdFromInput(id)) ?? null;
    },
  },
  Store: {
    __resolveReference: async (ref, ctx) => (await ctx.stores.get()).byId.get(ref.id) ?? null,
    isOpen: (store, { at }) => {
      const instant = at ? new Date(at) : new Date();
      return isOpen(store.openingHours, instant);
    },
    availability: async (store, { sku }, ctx) => {
      const product = (await ctx.catalog.get()).bySku.get(sku);
      if (!product) throw notFound(`Unknown product ${sku}`);
      return ctx.stock.load({ storeId: store.id, ean: product.ean });
    },
  },
  Product: {
    __resolveReference: (ref) => ({ ean: ref.ean }),
    availability: async ({ ean }, { storeId }, ctx) => {
      await knownStore(ctx, storeId);
      return ctx.stock.load({ storeId, ean });
    },
    nearestStoresWithStock: async ({ ean }, { storeId, quantity, first }, ctx, info) => {
      const wanted = quantity ?? 1;
      if (!Number.isInteger(wanted) || wanted < 1) throw badInput('quantity must be 1 or more');
      const size = pageSize(first, 3);
      const origin = await knownStore(ctx, storeId);
      const candidates = nearestFirst(origin, (await ctx.stores.get()).stores);
      const { found, failures, read } = await nearestThatQualify(
        candidates,
        size,
        (stores) => ctx.stock.loadMany(stores.map((s) => ({ storeId: s.id, ean }))),
        (level: StockLevel) => level.available >= wanted,
      );
      failUnlessSomeAnswered(ctx, info, failures, read);
      return found;
    },
    stockByStore: async ({ ean }, _, ctx) => {
      const { stores } = await ctx.stores.get();
      // each store settles on its own: one store failing nulls its entry, not the list
      return stores.map((s) => ctx.stock.load({ storeId: s.id, ean }));
    },
  },
  StoreAvailability: {
    store: async (level, _, ctx) => await knownStore(ctx, level.storeId),
    product: (level) => ({ ean: level.ean }),
  },
};

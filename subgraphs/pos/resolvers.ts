import { notFound } from '../../platform/errors';
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

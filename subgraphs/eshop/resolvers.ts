import { checkedEan } from '../../domain/canonical/ean';
import { checkedSku } from '../../domain/canonical/sku';
import { searchCatalog } from '../../domain/reference/catalog';
import { money } from '../kit/money';
import { decodeOffset, offsetConnection, pageSize } from '../kit/relay';
import type { Resolvers } from './generated';

export const resolvers: Resolvers = {
  Query: {
    product: (_, { sku }, ctx) => ctx.productBySku.load(checkedSku(sku)),
    productByEan: async (_, { ean }, ctx) => {
      // the catalogue is the only EAN -> SKU map: the product itself is then read as product(sku) reads it
      const sku = (await ctx.catalog.get()).byEan.get(checkedEan(ean))?.sku;
      return sku ? ctx.productBySku.load(sku) : null;
    },
    categories: async (_, __, ctx) => (await ctx.catalog.get()).categories,
    products: async (_, { search, category, first, after }, ctx) => {
      const size = pageSize(first, 20);
      const start = decodeOffset(after);
      // Every list is the catalogue's, filtered or not: its names and list prices are the ones its
      // offers and quotes are priced with; its stock is read live (Product.onlineStock).
      const matches = searchCatalog(await ctx.catalog.get(), { search, category });
      return {
        ...offsetConnection(matches.slice(start, start + size), start, start + size < matches.length),
        totalCount: matches.length,
      };
    },
  },
  Product: {
    __resolveReference: async (ref, ctx) => {
      if ('sku' in ref && ref.sku) return ctx.productBySku.load(ref.sku);
      if ('ean' in ref && ref.ean) return (await ctx.catalog.get()).byEan.get(ref.ean) ?? null;
      return null;
    },
    name: (p) => p.name,
    // a list's product is the catalogue's, priced as its offer is; one read by SKU, the e-shop's just now
    price: (p) => money(p.priceCents),
    // Stock changes with every sale: read live, whatever the product was read from (a list's, from
    // the catalogue): one `skus=` call for all a request names, none for a product it read by SKU;
    // the catalogue's last read while the e-shop is unavailable (productBySku). A product the e-shop
    // no longer sells has none online.
    onlineStock: async (p, _, ctx) => (await ctx.productBySku.load(p.sku))?.onlineStock ?? 0,
  },
};

import { checkedEan } from '../../domain/canonical/ean';
import { checkedSku } from '../../domain/canonical/sku';
import { productFromEshop } from '../../adapters/eshop/mapping';
import { searchCatalog } from '../../domain/reference/catalog';
import { money } from '../kit/money';
import { decodeOffset, offsetConnection, pagesCovering, pageSize } from '../kit/relay';
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
      if (search || category) {
        const matches = searchCatalog(await ctx.catalog.get(), { search, category });
        return {
          ...offsetConnection(matches.slice(start, start + size), start, start + size < matches.length),
          totalCount: matches.length,
        };
      }
      // Without a filter the e-shop's own pages serve directly, of the slice's length: one call or two.
      const { perPage, pages, skip } = pagesCovering(start, size);
      const read = await Promise.all(pages.map((page) => ctx.eshop.listProducts(page, perPage)));
      const total = read[0].meta.total;
      const products = read
        .flatMap((p) => p.data)
        .slice(skip, skip + size)
        .map(productFromEshop);
      return { ...offsetConnection(products, start, start + size < total), totalCount: total };
    },
  },
  Product: {
    __resolveReference: async (ref, ctx) => {
      if ('sku' in ref && ref.sku) return ctx.productBySku.load(ref.sku);
      if ('ean' in ref && ref.ean) return (await ctx.catalog.get()).byEan.get(ref.ean) ?? null;
      return null;
    },
    name: (p) => p.name,
    price: (p) => money(p.priceCents),
  },
};

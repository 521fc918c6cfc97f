import DataLoader from 'dataloader';
import type { Catalog } from '../../domain/reference/catalog';
import type { EshopClient } from '../../adapters/eshop/client';
import type { Product } from '../../domain/types';
import { LegacyUnavailableError } from '../../platform/errors';
import { productFromEshop } from '../../adapters/eshop/mapping';
import type { BaseContext } from '../kit/server';

export interface EshopDeps {
  eshop: EshopClient;
  catalog: Catalog;
}

export interface EshopContext extends BaseContext, EshopDeps {
  productBySku: DataLoader<string, Product | null>;
}

export function eshopContext(deps: EshopDeps): Omit<EshopContext, keyof BaseContext> {
  return {
    ...deps,
    // One `skus=` call for every product a request names, whichever subgraph asked.
    productBySku: new DataLoader(
      async (skus) => {
        let found: Map<string, Product>;
        try {
          found = new Map((await deps.eshop.getProductsBySkus([...skus])).map((p) => [p.sku, productFromEshop(p)]));
        } catch (err) {
          // The e-shop down: the catalogue last read answers, as it does for quotes meanwhile, rather
          // than a product failing once per order line that names it. Never read, it fails as it was.
          if (!(err instanceof LegacyUnavailableError)) throw err;
          found = (await deps.catalog.get().catch(() => Promise.reject(err))).bySku;
        }
        return skus.map((sku) => found.get(sku) ?? null);
      },
      { maxBatchSize: 100 },
    ),
  };
}

import DataLoader from 'dataloader';
import type { Catalog } from '../../domain/reference/catalog';
import type { PosClient } from '../../adapters/pos/client';
import type { StockLevel } from '../../domain/types';
import { stockLevelFromPos } from '../../adapters/pos/mapping';
import type { StoreDirectory } from '../../domain/reference/store-directory';
import type { BaseContext } from '../kit/server';
import { eachGroup } from '../kit/loaders/settle';

export interface PosDeps {
  pos: PosClient;
  catalog: Catalog;
  stores: StoreDirectory;
}

export interface StockKey {
  storeId: string;
  ean: string;
}

export interface PosContext extends BaseContext, PosDeps {
  stock: DataLoader<StockKey, StockLevel, string>;
}

export function posContext(deps: PosDeps): Omit<PosContext, keyof BaseContext> {
  return {
    ...deps,
    // One `stock?ean=` call per store for all the EANs a request asks about in that store; a store
    // whose call fails fails its own keys only.
    stock: new DataLoader(
      (keys) =>
        eachGroup(
          keys,
          ({ storeId }) => storeId,
          async (storeId, inStore) => {
            const levels = new Map(
              (
                await deps.pos.getStock(
                  storeId,
                  inStore.map((k) => k.ean),
                )
              ).map((item) => [item.ean, item]),
            );
            return ({ ean }) => {
              const item = levels.get(ean);
              return item ? stockLevelFromPos(item) : { storeId, ean, onHand: 0, reserved: 0, available: 0 };
            };
          },
        ),
      { cacheKeyFn: ({ storeId, ean }) => `${storeId}|${ean}` },
    ),
  };
}

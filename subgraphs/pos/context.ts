import DataLoader from 'dataloader';
import type { Catalog } from '../../domain/reference/catalog';
import type { PosClient } from '../../adapters/pos/client';
import type { StockLevel } from '../../domain/types';
import { stockLevelFromPos } from '../../adapters/pos/mapping';
import type { StoreDirectory } from '../../domain/reference/store-directory';
import type { BaseContext } from '../kit/server';

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
    // One `stock?ean=` call per store for all the EANs a request asks about in that store.
    stock: new DataLoader(
      async (keys) => {
        const byStore = new Map<string, string[]>();
        for (const { storeId, ean } of keys) byStore.set(storeId, [...(byStore.get(storeId) ?? []), ean]);
        const levels = new Map<string, StockLevel>();
        await Promise.all(
          [...byStore].map(async ([storeId, eans]) => {
            for (const item of await deps.pos.getStock(storeId, eans)) {
              levels.set(`${storeId}|${item.ean}`, stockLevelFromPos(item));
            }
          }),
        );
        return keys.map(({ storeId, ean }) => levels.get(`${storeId}|${ean}`) ?? { storeId, ean, onHand: 0, reserved: 0, available: 0 });
      },
      { cacheKeyFn: ({ storeId, ean }) => `${storeId}|${ean}` },
    ),
  };
}

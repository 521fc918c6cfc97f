// The store list changes a few times a year: read it from the POS once per TTL.
import type { PosClient } from '../../adapters/pos/client';
import type { Store } from '../types';
import { storeFromPos } from '../../adapters/pos/mapping';
import { cachedValue, type CachedValue } from '../../platform/cache/cachedValue';

export interface StoreIndex {
  stores: Store[];
  byId: Map<string, Store>;
}

export type StoreDirectory = CachedValue<StoreIndex>;

export function createStoreDirectory(pos: PosClient, ttlMs: number): StoreDirectory {
  return cachedValue(async () => {
    const stores = (await pos.listStores()).map(storeFromPos);
    return { stores, byId: new Map(stores.map((s) => [s.id, s])) };
  }, ttlMs);
}

// Values that are slow to change (the catalogue, the store list, promotions): loaded once per
// TTL, concurrent readers share one load, and a stale value is served while the refresh runs.
import { LRUCache } from 'lru-cache';

export interface CachedByKey<K extends string, V> {
  get(key: K): Promise<V>;
  invalidate(): void;
}

export interface CachedValue<V> {
  get(): Promise<V>;
  invalidate(): void;
}

export function cachedByKey<K extends string, V extends object>(load: (key: K) => Promise<V>, ttlMs: number, max = 1000): CachedByKey<K, V> {
  const cache = new LRUCache<K, V>({
    max,
    ttl: ttlMs,
    allowStale: true,
    noDeleteOnStaleGet: true,
    // a legacy system down keeps serving what it last said rather than failing
    allowStaleOnFetchRejection: true,
    fetchMethod: (key) => load(key),
  });
  return {
    async get(key) {
      const value = await cache.fetch(key);
      if (value === undefined) throw new Error(`cached value ${key} could not be loaded`);
      return value;
    },
    invalidate: () => cache.clear(),
  };
}

export function cachedValue<V extends object>(load: () => Promise<V>, ttlMs: number): CachedValue<V> {
  const one = cachedByKey<'value', V>(load, ttlMs, 1);
  return { get: () => one.get('value'), invalidate: one.invalidate };
}

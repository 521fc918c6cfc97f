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

export function cachedByKey<K extends string, V extends object>(
  load: (key: K) => Promise<V>,
  ttlMs: number,
  max = 1000,
): CachedByKey<K, V> {
  // With nothing stale to fall back on, a failed load makes fetch() resolve undefined, for every
  // reader that joined it: its error is kept here so that each of them fails with it.
  const failures = new LRUCache<K, { error: unknown }>({ max });
  const cache = new LRUCache<K, V>({
    max,
    ttl: ttlMs,
    allowStale: true,
    noDeleteOnStaleGet: true,
    // a legacy system down keeps serving what it last said rather than failing
    allowStaleOnFetchRejection: true,
    fetchMethod: async (key) => {
      try {
        return await load(key);
      } catch (error) {
        failures.set(key, { error });
        throw error;
      }
    },
  });
  return {
    async get(key) {
      const value = await cache.fetch(key);
      if (value === undefined) throw failures.get(key)?.error ?? new Error(`cached value ${key} could not be loaded`);
      return value;
    },
    invalidate: () => cache.clear(),
  };
}

export function cachedValue<V extends object>(load: () => Promise<V>, ttlMs: number): CachedValue<V> {
  const one = cachedByKey<'value', V>(load, ttlMs, 1);
  return { get: () => one.get('value'), invalidate: one.invalidate };
}

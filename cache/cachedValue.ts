// One value that is slow to change (the catalogue, the store list): loaded once per TTL,
// concurrent readers share one load, and a stale value is served while the refresh runs.
import { LRUCache } from 'lru-cache';

export interface CachedValue<T> {
  get(): Promise<T>;
  invalidate(): void;
}

export function cachedValue<T extends object>(load: () => Promise<T>, ttlMs: number): CachedValue<T> {
  const cache = new LRUCache<'value', T>({
    max: 1,
    ttl: ttlMs,
    allowStale: true,
    noDeleteOnStaleGet: true,
    fetchMethod: load,
  });
  return {
    async get() {
      const value = await cache.fetch('value');
      if (value === undefined) throw new Error('cached value could not be loaded');
      return value;
    },
    invalidate: () => cache.clear(),
  };
}

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

/** loads a reader may see called off by invalidate() before it is given up on */
const MAX_ATTEMPTS = 3;

export function cachedByKey<K extends string, V extends object>(
  load: (key: K) => Promise<V>,
  ttlMs: number,
  max = 1000,
): CachedByKey<K, V> {
  // With nothing stale to fall back on, a failed load makes fetch() resolve undefined, for every
  // reader that joined it: its error is kept here so that each of them fails with it.
  const failures = new LRUCache<K, { error: unknown }>({ max });
  // invalidate() calls off the loads under way (their fetch() resolves undefined, their value is not
  // kept): a load's failure counts only if no invalidate() came after its start
  let generation = 0;
  // What each key last loaded, which invalidate() does not drop: when the load it asks for fails (a
  // refreshPricing while the e-shop is down), readers get this rather than an error, as they get a
  // stale value when a refresh at the end of the TTL fails.
  const lastLoaded = new LRUCache<K, V>({ max });
  const cache = new LRUCache<K, V>({
    max,
    ttl: ttlMs,
    allowStale: true,
    noDeleteOnStaleGet: true,
    // a legacy system down keeps serving what it last said rather than failing
    allowStaleOnFetchRejection: true,
    fetchMethod: async (key) => {
      const started = generation;
      try {
        const value = await load(key);
        failures.delete(key);
        lastLoaded.set(key, value);
        return value;
      } catch (error) {
        if (started === generation) failures.set(key, { error });
        throw error;
      }
    },
  });
  return {
    async get(key) {
      // a reader whose load was called off joins the one made after it (a few, if invalidate() keeps coming)
      for (let attempt = 1; ; attempt++) {
        const value = await cache.fetch(key);
        if (value !== undefined) return value;
        const failure = failures.get(key);
        if (failure) {
          const known = lastLoaded.get(key);
          if (known) return known;
          throw failure.error;
        }
        if (attempt === MAX_ATTEMPTS) throw new Error(`cached value ${key} could not be loaded`);
      }
    },
    invalidate: () => {
      generation++;
      failures.clear();
      cache.clear();
    },
  };
}

export function cachedValue<V extends object>(load: () => Promise<V>, ttlMs: number): CachedValue<V> {
  const one = cachedByKey<'value', V>(load, ttlMs, 1);
  return { get: () => one.get('value'), invalidate: one.invalidate };
}

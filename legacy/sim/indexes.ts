// Lookups built once when the data is loaded, so that a scale-100 world answers in O(1).

export function indexBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T> {
  const index = new Map<K, T>();
  for (const item of items) index.set(key(item), item);
  return index;
}

export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) addTo(groups, key(item), item);
  return groups;
}

export function addTo<T, K>(groups: Map<K, T[]>, key: K, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

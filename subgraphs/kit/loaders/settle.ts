// A DataLoader batch answers each key on its own: a key whose legacy call failed gets that error,
// every other key its value. With one Promise.all over the batch, one store, account or card
// failing would fail every key of the batch, and with it the fields that asked for healthy ones.

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

/** One legacy call per key. */
export const eachKey = <K, V>(keys: readonly K[], load: (key: K) => Promise<V>): Promise<(V | Error)[]> =>
  Promise.all(keys.map((key) => load(key).catch(asError)));

/**
 * One legacy call per group of keys (the EANs of one store): `load` answers a group's keys; a group
 * whose call failed fails its own keys only.
 */
export async function eachGroup<K, V>(
  keys: readonly K[],
  groupOf: (key: K) => string,
  load: (group: string, keys: K[]) => Promise<(key: K) => V>,
): Promise<(V | Error)[]> {
  const groups = new Map<string, K[]>();
  for (const key of keys) groups.set(groupOf(key), [...(groups.get(groupOf(key)) ?? []), key]);
  const answered = new Map(
    await Promise.all([...groups].map(async ([group, members]) => [group, await load(group, members).catch(asError)] as const)),
  );
  return keys.map((key) => {
    const answer = answered.get(groupOf(key))!;
    return answer instanceof Error ? answer : answer(key);
  });
}

// The rules deciding that two legacy records describe the same person. Pure, so the link store
// and any batch job apply exactly the same rules.
import type { PersonRecord } from '../types';
import { normalizeCard } from '../canonical/card';
import { normalizeEmail } from '../canonical/email';
import { toE164 } from '../canonical/phone';
import { nameKey } from './normalize';

export type MatchReason = 'email' | 'card' | 'phone+lastName';

/** A record's identifying fields in comparable form; null where a field cannot identify anyone. */
export interface MatchKeys {
  email: string | null;
  card: string | null;
  phone: string | null;
  lastName: string | null;
}

export function matchKeys(record: PersonRecord): MatchKeys {
  return {
    email: normalizeEmail(record.email),
    card: normalizeCard(record.card),
    phone: toE164(record.phone),
    lastName: nameKey(record.lastName),
  };
}

// Strongest first: the first key two records share is the reason given. A phone alone is never
// enough, households share one; with the same last name it is taken to be the same person.
const RULES: ReadonlyArray<readonly [MatchReason, (keys: MatchKeys) => string | null]> = [
  ['email', (k) => k.email],
  ['card', (k) => k.card],
  ['phone+lastName', (k) => (k.phone && k.lastName ? `${k.phone} ${k.lastName}` : null)],
];

export function samePerson(a: PersonRecord, b: PersonRecord): MatchReason | null {
  const [ka, kb] = [matchKeys(a), matchKeys(b)];
  const rule = RULES.find(([, key]) => {
    const value = key(ka);
    return value !== null && value === key(kb);
  });
  return rule ? rule[0] : null;
}

/**
 * Groups records into people, transitively (a bridging record joins two groups). The output does
 * not depend on the input order: members sorted by system then external id, groups by their first
 * member.
 */
export function cluster(records: readonly PersonRecord[]): PersonRecord[][] {
  const sorted = [...records].sort(compareRecords);
  const parent = sorted.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const firstHolder = new Map<string, number>();
  sorted.forEach((record, i) => {
    const keys = matchKeys(record);
    for (const [reason, key] of RULES) {
      const value = key(keys);
      if (value === null) continue;
      const bucket = `${reason}:${value}`;
      const holder = firstHolder.get(bucket);
      if (holder === undefined) firstHolder.set(bucket, i);
      else parent[root(i)] = root(holder);
    }
  });
  const groups = new Map<number, PersonRecord[]>();
  sorted.forEach((record, i) => {
    const group = groups.get(root(i));
    if (group) group.push(record);
    else groups.set(root(i), [record]);
  });
  return [...groups.values()];
}

function compareRecords(a: PersonRecord, b: PersonRecord): number {
  if (a.system !== b.system) return a.system < b.system ? -1 : 1;
  if (a.externalId !== b.externalId) return a.externalId < b.externalId ? -1 : 1;
  return 0;
}

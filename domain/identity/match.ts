// The rules deciding that two legacy records describe the same person. Pure, so the link store
// and any batch job apply exactly the same rules.
import type { PersonRecord } from '../types';
import { normalizeCard } from '../canonical/card';
import { normalizeEmail } from '../canonical/email';
import { toE164 } from '../canonical/phone';
import { nameKey } from './normalize';

export type MatchReason = 'email' | 'card' | 'phone+name';

/** A record's identifying fields in comparable form; null where a field cannot identify anyone. */
export interface MatchKeys {
  email: string | null;
  card: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
}

export function matchKeys(record: PersonRecord): MatchKeys {
  return {
    email: normalizeEmail(record.email),
    card: normalizeCard(record.card),
    phone: toE164(record.phone),
    firstName: nameKey(record.firstName),
    lastName: nameKey(record.lastName),
  };
}

/** The keys that are one person's own: two records sharing one are that person. */
const OWN_KEYS = ['email', 'card'] as const;

/** Phone, first and last name: the weak key, shared by whoever lives together under one name. */
function phoneAndName(k: MatchKeys): string | null {
  return k.phone && k.firstName && k.lastName ? `${k.phone} ${k.lastName} ${k.firstName}` : null;
}

/**
 * Why two records are the same person, strongest first, or null. A phone is shared by a household,
 * and so is a last name: they identify someone only with the first name too, and never two records
 * that carry different emails or different cards (two namesakes).
 */
export function samePerson(a: PersonRecord, b: PersonRecord): MatchReason | null {
  const [ka, kb] = [matchKeys(a), matchKeys(b)];
  const own = OWN_KEYS.find((key) => ka[key] !== null && ka[key] === kb[key]);
  if (own) return own;
  const weak = phoneAndName(ka);
  const apart = OWN_KEYS.some((key) => ka[key] !== null && kb[key] !== null && ka[key] !== kb[key]);
  return weak !== null && weak === phoneAndName(kb) && !apart ? 'phone+name' : null;
}

/** The emails and cards some records carry: two groups that both carry emails (or cards), none shared, are two people. */
export class OwnKeys {
  private readonly keys = { email: new Set<string>(), card: new Set<string>() };

  constructor(records: Iterable<PersonRecord> = []) {
    for (const record of records) this.add(matchKeys(record));
  }

  add(keys: MatchKeys): this {
    for (const key of OWN_KEYS) if (keys[key] !== null) this.keys[key].add(keys[key]);
    return this;
  }

  addAll(other: OwnKeys): this {
    for (const key of OWN_KEYS) other.keys[key].forEach((value) => this.keys[key].add(value));
    return this;
  }

  /** Whether a match by phone and name may join the two groups. */
  compatible(other: OwnKeys): boolean {
    return OWN_KEYS.every((key) => {
      const [mine, theirs] = [this.keys[key], other.keys[key]];
      return mine.size === 0 || theirs.size === 0 || [...mine].some((value) => theirs.has(value));
    });
  }
}

/**
 * Groups records into people, transitively: first by emails and cards, then by phone and name
 * where that joins no two groups carrying other emails or cards. The output does not depend on the
 * input order: members sorted by system then external id, groups by their first member; a weak
 * link that could join a record to two incompatible groups joins it to the one of the first record.
 */
export function cluster(records: readonly PersonRecord[]): PersonRecord[][] {
  const sorted = [...records].sort(compareRecords);
  const keys = sorted.map(matchKeys);
  const parent = sorted.map((_, i) => i);
  const own = keys.map((k) => new OwnKeys().add(k));
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const join = (i: number, j: number) => {
    const [ri, rj] = [root(i), root(j)];
    if (ri === rj) return;
    parent[rj] = ri;
    own[ri].addAll(own[rj]);
  };
  const firstHolder = new Map<string, number>();
  keys.forEach((k, i) => {
    for (const key of OWN_KEYS) {
      if (k[key] === null) continue;
      const holder = firstHolder.get(`${key}:${k[key]}`);
      if (holder === undefined) firstHolder.set(`${key}:${k[key]}`, i);
      else join(holder, i);
    }
  });
  const weakBuckets = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const weak = phoneAndName(k);
    if (weak !== null) weakBuckets.set(weak, [...(weakBuckets.get(weak) ?? []), i]);
  });
  for (const bucket of weakBuckets.values()) {
    bucket.forEach((i, n) =>
      bucket.slice(n + 1).forEach((j) => {
        if (samePerson(sorted[i], sorted[j]) && own[root(i)].compatible(own[root(j)])) join(i, j);
      }),
    );
  }
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

export type LinkKey = 'email' | 'card' | 'phone' | 'firstName' | 'lastName';

/** The keys by which the rules link two records (what an agent is shown): none when they do not match. */
export function sharedKeys(a: PersonRecord, b: PersonRecord): LinkKey[] {
  const [ka, kb] = [matchKeys(a), matchKeys(b)];
  const own = OWN_KEYS.filter((key) => ka[key] !== null && ka[key] === kb[key]);
  if (own.length > 0) return own;
  return samePerson(a, b) ? ['phone', 'firstName', 'lastName'] : [];
}

// Finds the legacy records of the people a look-up is about, and hands every record it sees to
// the identity store, which links them. No silo can be listed whole, so discovery follows keys:
// the records a search finds bring emails, phones and cards, which are searched in the other
// systems in turn (a CRM contact with no email reaches the loyalty member through the phone,
// the member reaches the e-shop account through the email). A key searched recently is not
// searched again: the links found then are in the store.
import { LRUCache } from 'lru-cache';
import type { CrmClient } from '../../adapters/crm/client';
import type { EshopClient } from '../../adapters/eshop/client';
import type { LoyaltyClient } from '../../adapters/loyalty/client';
import type { PersonRecord } from '../types';
import type { LoyaltyMember } from '../../adapters/loyalty/wire';
import { LegacyUnavailableError, type System } from '../../platform/errors';
import { toFrenchNational } from '../canonical/phone';
import { personFromEshopAccount } from '../../adapters/eshop/mapping';
import { personFromCrmContact } from '../../adapters/crm/mapping';
import { personFromLoyaltyMember } from '../../adapters/loyalty/mapping';
import type { IdentityStore } from './store';

export type SearchKey =
  | { kind: 'email'; value: string } // normalised
  | { kind: 'phone'; value: string } // E.164
  | { kind: 'card'; value: string } // 16 digits
  | { kind: 'name'; value: string };

export interface DiscoveryClients {
  eshop: EshopClient;
  crm: CrmClient;
  loyalty: LoyaltyClient;
}

/** Key-following rounds: search -> linked keys -> their records; three reach any silo. */
const MAX_ROUNDS = 3;

export interface DiscoveryResult {
  /** systems that failed during the search: their records may be missing from the answer */
  failed: Set<System>;
}

export class Discovery {
  private readonly recent: LRUCache<string, true>;

  constructor(
    private readonly clients: DiscoveryClients,
    private readonly store: IdentityStore,
    freshForMs: number,
  ) {
    this.recent = new LRUCache({ max: 100_000, ttl: freshForMs });
  }

  async discover(start: SearchKey[]): Promise<DiscoveryResult> {
    const failed = new Set<System>();
    // Asked in this look-up, answered or not: a key the records found carry again (each member of a
    // household, the key searched first), or one a failing silo leaves to the next look-up, is asked
    // once here, not once per record and round.
    const asked = new Set<string>();
    let pending = start;
    for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
      const keys = [...new Map(pending.map((k) => [cacheKey(k), k]))]
        .filter(([id]) => !this.recent.has(id) && !asked.has(id))
        .map(([, k]) => k);
      if (keys.length === 0) break;
      for (const k of keys) asked.add(cacheKey(k));
      const failedNow = new Set<System>();
      const records = await this.search(keys, failedNow);
      await this.store.observe(records);
      failedNow.forEach((s) => failed.add(s));
      // a search a silo did not answer is not done: the next look-up asks that silo again
      if (failedNow.size === 0) for (const k of keys) this.recent.set(cacheKey(k), true);
      // a card is searched in loyalty alone, by reading its member: one a search answered is read
      for (const r of records) if (r.system === 'loyalty' && r.card) this.recent.set(cacheKey({ kind: 'card', value: r.card }), true);
      pending = records.flatMap(keysOf);
    }
    return { failed };
  }

  /** What the keys of records already held lead to (a record the index read, never searched for). */
  follow(records: readonly PersonRecord[]): Promise<DiscoveryResult> {
    return this.discover(records.flatMap(keysOf));
  }

  /** The record behind one legacy id and the records its keys lead to, observed so that it has a customer. */
  async discoverRecord(system: System, externalId: string): Promise<DiscoveryResult> {
    const record = await this.fetchRecord(system, externalId);
    if (!record) return { failed: new Set() };
    await this.store.observe([record]);
    return this.discover(keysOf(record));
  }

  private async fetchRecord(system: System, externalId: string): Promise<PersonRecord | null> {
    switch (system) {
      case 'eshop': {
        const account = await this.clients.eshop.getAccount(externalId);
        return account && personFromEshopAccount(account);
      }
      case 'loyalty': {
        const member = await this.clients.loyalty.getMember(externalId);
        return member && personFromLoyaltyMember(member);
      }
      case 'crm': {
        const contact = await this.clients.crm.getContact(externalId);
        return contact && personFromCrmContact(contact);
      }
      case 'pos':
        return null; // the POS holds no people, only the cards on receipts
    }
  }

  /** One round: every system searched in parallel, the CRM in a single JSON-RPC batch. */
  private async search(keys: SearchKey[], failed: Set<System>): Promise<PersonRecord[]> {
    const { eshop, crm, loyalty } = this.clients;
    const of = (kind: SearchKey['kind']) => keys.filter((k) => k.kind === kind).map((k) => k.value);
    const [emails, phones, cards, names] = [of('email'), of('phone'), of('card'), of('name')];
    const crmQueries = [
      ...emails.map((email) => ({ email })),
      ...phones.flatMap((phone) => {
        const national = toFrenchNational(phone);
        return national ? [{ phone: national }] : [];
      }),
      ...names.map((name) => ({ name })),
    ];
    // Each search settled alone: a silo that cannot answer one leaves that one's records out and is
    // named in `failed`, what its other searches found is kept. Anything else (a mapping bug, a
    // request the silo refuses) is ours, and reaches the caller as INTERNAL with its request id.
    const settle = async (system: System, searches: Promise<PersonRecord[]>[]) => {
      const records: PersonRecord[] = [];
      for (const result of await Promise.allSettled(searches)) {
        if (result.status === 'fulfilled') records.push(...result.value);
        else if (result.reason instanceof LegacyUnavailableError) failed.add(system);
        else throw result.reason;
      }
      return records;
    };
    const members = (search: Promise<LoyaltyMember[]>) => search.then((found) => found.map(personFromLoyaltyMember));
    // one JSON-RPC batch for every CRM query, each answered (or failed) on its own
    const crmAnswers = crmQueries.length > 0 ? crm.searchContactsMany(crmQueries) : Promise.resolve([]);
    const contacts = (i: number) =>
      crmAnswers.then((answers) => {
        const answer = answers[i];
        if (answer instanceof Error) throw answer;
        return answer.map(personFromCrmContact);
      });
    const found = await Promise.all([
      settle(
        'eshop',
        emails.map(async (e) => (await eshop.findAccountsByEmail(e)).map(personFromEshopAccount)),
      ),
      settle('loyalty', [
        ...emails.map((email) => members(loyalty.findMembers({ email }))),
        ...phones.map((phone) => members(loyalty.findMembers({ phone }))),
        ...(cards.length ? [members(loyalty.batchGetMembers(cards))] : []),
      ]),
      settle(
        'crm',
        crmQueries.map((_, i) => contacts(i)),
      ),
    ]);
    return found.flat();
  }
}

function cacheKey(k: SearchKey): string {
  return `${k.kind}:${k.value}`;
}

function keysOf(r: PersonRecord): SearchKey[] {
  const keys: SearchKey[] = [];
  if (r.email) keys.push({ kind: 'email', value: r.email });
  if (r.phone) keys.push({ kind: 'phone', value: r.phone });
  if (r.card) keys.push({ kind: 'card', value: r.card });
  return keys;
}

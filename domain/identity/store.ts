// Which legacy records are one customer, under an id of the project's own that outlives restarts.
// Matching is incremental: a record is compared only with the records sharing one of its keys,
// found through indexes. Customers only ever merge automatically (an id once handed out keeps
// resolving, as an alias of the survivor); only an agent splits them.
//
// An agent's decision wins over the rules: moving or detaching a record by hand "separates" it from
// every record it leaves behind. Automatic matching never links a separated pair, and never merges
// two customers holding the two ends of one, whichever record would bridge them.
import { migrate, type Db, type Migration } from '../../platform/db';
import type { Instant, PersonRecord } from '../types';
import { badInput, notFound, type System } from '../../platform/errors';
import { normalizeCard } from '../canonical/card';
import { normalizeEmail } from '../canonical/email';
import { toE164 } from '../canonical/phone';
import { matchKeys, OwnKeys, samePerson, sharedKeys, type LinkKey, type MatchKeys, type MatchReason } from './match';
import { nameKey } from './normalize';
import { splitByCurrentRules } from './repair';
import { clusterRows, INSERT_CUSTOMER, INSERT_DECISION, newCustomerId, toPersonRecord, type LinkReason, type RecordRow } from './rows';

export type { LinkReason } from './rows';

export interface RecordRef {
  system: System;
  externalId: string;
}

export interface LinkExplanation {
  customerId: string;
  reason: LinkReason;
  /** the record it matched ('email', 'card', 'phone+name') or the record that bridged the merge ('merge') */
  via: RecordRef | null;
  at: Instant;
}

export interface ManualDecision {
  at: Instant;
  actor: string;
  action: 'link' | 'unlink';
  record: RecordRef;
  fromCustomerId: string;
  toCustomerId: string;
}

/** Why a record is where it is: an agent's decision, or a link of the rules (README, "Customer identity"). */
export interface Decision extends Omit<ManualDecision, 'fromCustomerId'> {
  /** null when the rules linked the record as it was first seen */
  fromCustomerId: string | null;
  /** the record the rules matched it to, and the keys they share; null and none for an agent's decision */
  matchedTo: RecordRef | null;
  keys: LinkKey[];
}

/** The actor of the links the matching rules make. */
export const RULES_ACTOR = 'matching rules';

/** Raw user input (any case, spaces, national phone format); given criteria must all hold. */
export interface CustomerQuery {
  email?: string | null;
  phone?: string | null;
  card?: string | null;
  /** a last name, or a full name in either order */
  name?: string | null;
}

// Applied in order, each once (platform/db migrate): append, never edit.
export const IDENTITY_MIGRATIONS: readonly Migration[] = [
  `CREATE TABLE customers (
     seq INTEGER PRIMARY KEY, -- creation order: the oldest customer survives a merge
     id TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     merged_into TEXT REFERENCES customers(id), -- aliases only; always a live customer (chains are flattened)
     merged_at TEXT
   );
   CREATE INDEX customers_merged_into ON customers(merged_into);
   CREATE TABLE records (
     id INTEGER PRIMARY KEY,
     system TEXT NOT NULL,
     external_id TEXT NOT NULL,
     customer_id TEXT NOT NULL REFERENCES customers(id),
     first_name TEXT,
     last_name TEXT,
     email TEXT,
     phone TEXT,
     card TEXT,
     created_at TEXT,
     last_name_key TEXT,
     full_name_key TEXT,
     reversed_name_key TEXT,
     link_reason TEXT NOT NULL,
     linked_via INTEGER REFERENCES records(id),
     linked_at TEXT NOT NULL,
     UNIQUE (system, external_id)
   );
   CREATE INDEX records_customer ON records(customer_id);
   CREATE INDEX records_email ON records(email);
   CREATE INDEX records_card ON records(card);
   CREATE INDEX records_phone_last_name ON records(phone, last_name_key);
   CREATE INDEX records_last_name ON records(last_name_key);
   CREATE INDEX records_full_name ON records(full_name_key);
   CREATE INDEX records_reversed_name ON records(reversed_name_key);
   -- both directions are stored, so a lookup from either end is a primary-key search
   CREATE TABLE separations (
     record_id INTEGER NOT NULL REFERENCES records(id),
     other_id INTEGER NOT NULL REFERENCES records(id),
     PRIMARY KEY (record_id, other_id)
   ) WITHOUT ROWID;
   CREATE TABLE decisions (
     id INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL CHECK (action IN ('link', 'unlink')),
     record_id INTEGER NOT NULL REFERENCES records(id),
     from_customer TEXT NOT NULL,
     to_customer TEXT NOT NULL
   );
   CREATE INDEX decisions_from ON decisions(from_customer);
   CREATE INDEX decisions_to ON decisions(to_customer);`,
  // v2: a phone and a last name no longer make one person (README, "Customer identity")
  `UPDATE records SET link_reason = 'phone+name' WHERE link_reason = 'phone+lastName'`,
  splitByCurrentRules('matching rules v2'),
];

interface CustomerRow {
  seq: number;
  id: string;
}

interface LinkRow {
  customer_id: string;
  link_reason: LinkReason;
  linked_at: Instant;
  via_system: System | null;
  via_external_id: string | null;
}

interface Match {
  row: RecordRow;
  reason: MatchReason;
}

type KeyParams = { key: string };
type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: Db) {
  const customerIdsWhere = (condition: string) =>
    db
      .prepare<KeyParams, string>(`SELECT id FROM customers WHERE id IN (SELECT customer_id FROM records WHERE ${condition}) ORDER BY seq`)
      .pluck();
  return {
    customer: db.prepare<[string], CustomerRow>('SELECT seq, id FROM customers WHERE id = ?'),
    insertCustomer: db.prepare(INSERT_CUSTOMER),
    resolve: db.prepare<[string], string>('SELECT coalesce(merged_into, id) FROM customers WHERE id = ?').pluck(),
    aliasTo: db.prepare('UPDATE customers SET merged_into = @survivor, merged_at = @at WHERE id = @absorbed OR merged_into = @absorbed'),
    record: db.prepare<[string, string], RecordRow>('SELECT * FROM records WHERE system = ? AND external_id = ?'),
    candidates: db.prepare<MatchKeys, RecordRow>(
      `SELECT * FROM records WHERE email = @email
       UNION SELECT * FROM records WHERE card = @card
       UNION SELECT * FROM records WHERE phone = @phone AND last_name_key = @lastName
       ORDER BY id`,
    ),
    insertRecord: db.prepare(
      `INSERT INTO records (system, external_id, customer_id, first_name, last_name, email, phone, card, created_at,
         last_name_key, full_name_key, reversed_name_key, link_reason, linked_via, linked_at)
       VALUES (@system, @externalId, @customerId, @firstName, @lastName, @email, @phone, @card, @createdAt,
         @lastNameKey, @fullNameKey, @reversedNameKey, @reason, @via, @at)`,
    ),
    updateRecord: db.prepare(
      `UPDATE records SET first_name = @firstName, last_name = @lastName, email = @email, phone = @phone,
         card = @card, created_at = @createdAt, last_name_key = @lastNameKey, full_name_key = @fullNameKey,
         reversed_name_key = @reversedNameKey
       WHERE system = @system AND external_id = @externalId`,
    ),
    setLink: db.prepare(
      `UPDATE records SET customer_id = @customerId, link_reason = @reason, linked_via = @via, linked_at = @at
       WHERE id = @id`,
    ),
    moveAll: db.prepare(
      `UPDATE records SET customer_id = @survivor, link_reason = 'merge', linked_via = @via, linked_at = @at
       WHERE customer_id = @absorbed`,
    ),
    recordCount: db.prepare<[string], number>('SELECT count(*) FROM records WHERE customer_id = ?').pluck(),
    rowsOf: db.prepare<[string], RecordRow>('SELECT * FROM records WHERE customer_id = ? ORDER BY id'),
    recordsOfMany: db.prepare<[string], RecordRow & { asked: string }>(
      `SELECT asked.value AS asked, r.* FROM json_each(?) AS asked
       JOIN customers c ON c.id = asked.value
       JOIN records r ON r.customer_id = coalesce(c.merged_into, c.id)
       ORDER BY r.system, r.external_id`,
    ),
    linkOf: db.prepare<[string, string], LinkRow>(
      `SELECT r.customer_id, r.link_reason, r.linked_at, v.system AS via_system, v.external_id AS via_external_id
       FROM records r LEFT JOIN records v ON v.id = r.linked_via
       WHERE r.system = ? AND r.external_id = ?`,
    ),
    separatedFrom: db.prepare<[number], number>('SELECT other_id FROM separations WHERE record_id = ?').pluck(),
    customersSeparated: db.prepare<[string, string], number>(
      `SELECT 1 FROM records r
       JOIN separations s ON s.record_id = r.id
       JOIN records o ON o.id = s.other_id
       WHERE r.customer_id = ? AND o.customer_id = ? LIMIT 1`,
    ),
    separate: db.prepare(
      `INSERT OR IGNORE INTO separations (record_id, other_id)
       SELECT @record, id FROM records WHERE customer_id = @customer AND id <> @record
       UNION ALL SELECT id, @record FROM records WHERE customer_id = @customer AND id <> @record`,
    ),
    reunite: db.prepare(
      `DELETE FROM separations
       WHERE (record_id = @record AND other_id IN (SELECT id FROM records WHERE customer_id = @customer))
          OR (other_id = @record AND record_id IN (SELECT id FROM records WHERE customer_id = @customer))`,
    ),
    insertDecision: db.prepare(INSERT_DECISION),
    decisions: db.prepare<[string, string], Omit<ManualDecision, 'record'> & RecordRef>(
      `SELECT d.at, d.actor, d.action, r.system, r.external_id AS externalId,
         d.from_customer AS fromCustomerId, d.to_customer AS toCustomerId
       FROM decisions d JOIN records r ON r.id = d.record_id
       WHERE d.from_customer = ? OR d.to_customer = ? ORDER BY d.id`,
    ),
    byEmail: customerIdsWhere('email = @key'),
    byPhone: customerIdsWhere('phone = @key'),
    byCard: customerIdsWhere('card = @key'),
    byName: customerIdsWhere('last_name_key = @key OR full_name_key = @key OR reversed_name_key = @key'),
  };
}

const now = (): Instant => new Date().toISOString();

export class IdentityStore {
  private readonly sql: Statements;

  constructor(private readonly db: Db) {
    migrate(db, 'identity', IDENTITY_MIGRATIONS);
    this.sql = prepareStatements(db);
  }

  /** Records seen (again): their fields are refreshed, then they are linked by the matching rules. */
  observe(records: readonly PersonRecord[]): void {
    this.db.transaction(() => records.forEach((record) => this.observeOne(record)))();
  }

  /** The current id of a customer (a merged one resolves to its survivor), null when unknown. */
  resolve(customerId: string): string | null {
    return this.sql.resolve.get(customerId) ?? null;
  }

  customerOf(system: System, externalId: string): string | null {
    return this.sql.record.get(system, externalId)?.customer_id ?? null;
  }

  recordsOf(customerId: string): PersonRecord[] {
    return this.recordsOfMany([customerId]).get(customerId) ?? [];
  }

  /** One query for many customers; every id asked is a key (unknown ones with no records). */
  recordsOfMany(customerIds: readonly string[]): Map<string, PersonRecord[]> {
    const found = new Map<string, PersonRecord[]>(customerIds.map((id) => [id, []]));
    for (const row of this.sql.recordsOfMany.all(JSON.stringify([...new Set(customerIds)]))) {
      found.get(row.asked)?.push(toPersonRecord(row));
    }
    return found;
  }

  /** Customers satisfying every criterion given, oldest first; no criterion finds no one. */
  find(query: CustomerQuery): string[] {
    const criteria = [
      { text: query.email, key: normalizeEmail, lookup: this.sql.byEmail },
      { text: query.phone, key: toE164, lookup: this.sql.byPhone },
      { text: query.card, key: normalizeCard, lookup: this.sql.byCard },
      { text: query.name, key: nameKey, lookup: this.sql.byName },
    ].filter(({ text }) => text?.trim());
    if (criteria.length === 0) return [];
    return criteria
      .map(({ text, key, lookup }) => {
        const value = key(text);
        return value === null ? [] : lookup.all({ key: value });
      })
      .reduce((kept, ids) => kept.filter((id) => ids.includes(id)));
  }

  /**
   * Why each record of a customer is there, oldest first: the agents' decisions (auditTrail) and,
   * for each record the rules linked, the record it matched and the keys they share.
   */
  decisions(customerId: string): Decision[] {
    const current = this.resolve(customerId);
    if (current === null) return [];
    const rows = this.sql.rowsOf.all(current);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const byRules = rows.flatMap((row): Decision[] => {
      const via = row.linked_via === null ? undefined : byId.get(row.linked_via);
      if (!via || row.link_reason === 'manual') return [];
      const ref = (r: RecordRow) => ({ system: r.system, externalId: r.external_id });
      const [record, matched] = [toPersonRecord(row), toPersonRecord(via)];
      return [
        {
          at: row.linked_at,
          actor: RULES_ACTOR,
          action: 'link',
          record: ref(row),
          fromCustomerId: null,
          toCustomerId: current,
          matchedTo: ref(via),
          keys: sharedKeys(record, matched),
        },
      ];
    });
    const byHand = this.auditTrail(customerId).map((d): Decision => ({ ...d, matchedTo: null, keys: [] }));
    return [...byHand, ...byRules].sort((a, b) => a.at.localeCompare(b.at));
  }

  /** Why a record belongs to its customer, for agents and audits. */
  linkOf(system: System, externalId: string): LinkExplanation | null {
    const row = this.sql.linkOf.get(system, externalId);
    if (!row) return null;
    return {
      customerId: row.customer_id,
      reason: row.link_reason,
      via: row.via_system && row.via_external_id ? { system: row.via_system, externalId: row.via_external_id } : null,
      at: row.linked_at,
    };
  }

  /** An agent moves one record (and nothing else) to a customer; returns that customer's current id. */
  link(customerId: string, system: System, externalId: string, actor: string): string {
    return this.db.transaction(() => {
      const target = this.requireCustomer(customerId);
      const record = this.requireRecord(system, externalId);
      if (record.customer_id !== target) this.moveByHand(record, target, 'link', actor);
      return target;
    })();
  }

  /**
   * An agent detaches a record into a customer of its own, with every record that came into the
   * customer only through it; returns that customer's id.
   */
  unlink(customerId: string, system: System, externalId: string, actor: string): string {
    return this.db.transaction(() => {
      const current = this.requireCustomer(customerId);
      const record = this.requireRecord(system, externalId);
      if (record.customer_id !== current) {
        throw badInput(`${system} ${externalId} is not linked to customer ${customerId}`);
      }
      if (this.sql.recordCount.get(current) === 1) return current;
      const followers = this.onlyThrough(record);
      const detached = this.createCustomer(now());
      for (const moved of [record, ...followers]) this.moveByHand(moved, detached, 'unlink', actor);
      return detached;
    })();
  }

  /** The agents' decisions that moved records out of or into this customer id, oldest first. */
  auditTrail(customerId: string): ManualDecision[] {
    return this.sql.decisions
      .all(customerId, customerId)
      .map(({ system, externalId, ...decision }) => ({ ...decision, record: { system, externalId } }));
  }

  private observeOne(record: PersonRecord): void {
    const keys = matchKeys(record);
    const columns = recordColumns(record, keys);
    const existing = this.sql.record.get(record.system, record.externalId);
    const matches = this.matchesOf(record, keys, existing);
    const at = now();
    const [survivor, ...absorbed] = this.joinableCustomers(record, existing?.customer_id, matches);
    if (!survivor) {
      this.sql.insertRecord.run({ ...columns, customerId: this.createCustomer(at), reason: 'new', via: null, at });
      return;
    }
    // Called only when the survivor is not the record's own customer: then it is one it matched.
    const linkToSurvivor = () => {
      const link = matches.find((match) => match.row.customer_id === survivor.id)!;
      return { customerId: survivor.id, reason: link.reason, via: link.row.id, at };
    };
    let recordId: number;
    if (!existing) {
      recordId = Number(this.sql.insertRecord.run({ ...columns, ...linkToSurvivor() }).lastInsertRowid);
    } else {
      recordId = existing.id;
      this.sql.updateRecord.run(columns);
      if (existing.customer_id !== survivor.id) this.sql.setLink.run({ id: recordId, ...linkToSurvivor() });
    }
    for (const other of absorbed) this.absorb(survivor.id, other.id, recordId, at);
  }

  /**
   * The records of its customer that, without this one, are no longer joined by the rules to the
   * rest and carry its person's name (first and last): they came in only through it. When every part
   * left carries that name, the part holding the customer's oldest record stays.
   */
  private onlyThrough(record: RecordRow): RecordRow[] {
    const parts = clusterRows(this.sql.rowsOf.all(record.customer_id).filter((row) => row.id !== record.id));
    if (parts.length < 2) return [];
    const name = fullNameKey(record.first_name, record.last_name);
    const namesakes = parts.filter((part) => name !== null && part.some((row) => fullNameKey(row.first_name, row.last_name) === name));
    // parts come in the order of their first record: the first holds the oldest
    return (namesakes.length < parts.length ? namesakes : parts.slice(1)).flat();
  }

  /** The records this one matches by the rules, leaving out those an agent separated it from. */
  private matchesOf(record: PersonRecord, keys: MatchKeys, existing: RecordRow | undefined): Match[] {
    const separated = new Set(existing ? this.sql.separatedFrom.all(existing.id) : []);
    return this.sql.candidates
      .all(keys)
      .filter((row) => row.id !== existing?.id && !separated.has(row.id))
      .flatMap((row): Match[] => {
        const reason = samePerson(record, toPersonRecord(row));
        return reason ? [{ row, reason }] : [];
      });
  }

  /**
   * The customers a record joins, oldest first (the survivor of their merge): its own, then those
   * it matched by an email or a card, then by phone and name, each oldest first; skipping any
   * holding a record an agent separated from one already joined, and any matched by phone and name
   * only that carries other emails or cards than those joined (a namesake in the household).
   */
  private joinableCustomers(record: PersonRecord, own: string | undefined, matches: Match[]): CustomerRow[] {
    const joined = own ? [this.sql.customer.get(own)!] : [];
    const keys = new OwnKeys(own ? this.recordsOf(own) : []).add(matchKeys(record));
    const weakOnly = (id: string) => matches.every((match) => match.row.customer_id !== id || match.reason === 'phone+name');
    const matched = [...new Set(matches.map((match) => match.row.customer_id))]
      .filter((id) => id !== own)
      .map((id) => ({ customer: this.sql.customer.get(id)!, weak: weakOnly(id) }))
      .sort((a, b) => Number(a.weak) - Number(b.weak) || bySeq(a.customer, b.customer));
    for (const { customer, weak } of matched) {
      if (joined.some((other) => this.sql.customersSeparated.get(other.id, customer.id))) continue;
      const theirs = new OwnKeys(this.recordsOf(customer.id));
      if (weak && !keys.compatible(theirs)) continue;
      joined.push(customer);
      keys.addAll(theirs);
    }
    return joined.sort(bySeq);
  }

  private absorb(survivor: string, absorbed: string, via: number, at: Instant): void {
    this.sql.moveAll.run({ survivor, absorbed, via, at });
    this.sql.aliasTo.run({ survivor, absorbed, at });
  }

  private moveByHand(record: RecordRow, to: string, action: ManualDecision['action'], actor: string): void {
    const at = now();
    const from = record.customer_id;
    this.sql.separate.run({ record: record.id, customer: from });
    this.sql.reunite.run({ record: record.id, customer: to });
    this.sql.setLink.run({ id: record.id, customerId: to, reason: 'manual', via: null, at });
    // A customer left without records is the same person as the one its last record went to.
    if (this.sql.recordCount.get(from) === 0) this.absorb(to, from, record.id, at);
    this.sql.insertDecision.run({ at, actor, action, record: record.id, from, to });
  }

  private createCustomer(at: Instant): string {
    const id = newCustomerId();
    this.sql.insertCustomer.run(id, at);
    return id;
  }

  private requireCustomer(customerId: string): string {
    const current = this.resolve(customerId);
    if (current === null) throw notFound(`No customer ${customerId}`);
    return current;
  }

  private requireRecord(system: System, externalId: string): RecordRow {
    const record = this.sql.record.get(system, externalId);
    if (!record) throw notFound(`No ${system} record ${externalId}`);
    return record;
  }
}

const bySeq = (a: CustomerRow, b: CustomerRow) => a.seq - b.seq;

/** 'Marie Lefèvre' -> 'marie lefevre'; null unless both names are known. */
const fullNameKey = (first: string | null, last: string | null) => (first && last ? nameKey(`${first} ${last}`) : null);

function recordColumns(record: PersonRecord, keys: MatchKeys) {
  const both = record.firstName && record.lastName;
  return {
    system: record.system,
    externalId: record.externalId,
    firstName: record.firstName,
    lastName: record.lastName,
    email: keys.email,
    phone: keys.phone,
    card: keys.card,
    createdAt: record.createdAt,
    lastNameKey: keys.lastName,
    fullNameKey: both ? nameKey(`${record.firstName} ${record.lastName}`) : null,
    reversedNameKey: both ? nameKey(`${record.lastName} ${record.firstName}`) : null,
  };
}

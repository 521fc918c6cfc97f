// Which legacy records are one customer, under an id of the project's own that outlives restarts.
// Matching is incremental: a record is compared only with the records sharing one of its keys,
// found through indexes. Customers only ever merge automatically (an id once handed out keeps
// resolving, as an alias of the survivor); only an agent splits them.
//
// An agent's decision wins over the rules: moving or detaching a record by hand "separates" it from
// every record it leaves behind. Automatic matching never links a separated pair, and never merges
// two customers holding the two ends of one, whichever record would bridge them.
import { migrate, type Db, type Migration, type Sql } from '../../platform/db';
import type { Instant, PersonRecord } from '../types';
import { badInput, notFound, type System } from '../../platform/errors';
import { normalizeCard } from '../canonical/card';
import { normalizeEmail } from '../canonical/email';
import { toE164 } from '../canonical/phone';
import { matchKeys, OwnKeys, samePerson, sharedKeys, type LinkKey, type MatchKeys, type MatchReason } from './match';
import { nameKey } from './normalize';
import type { CustomerDirectory, RecordRef } from './directory';
import { clusterRows, newCustomerId, toPersonRecord, type LinkReason, type RecordRow } from './rows';

export type { LinkReason } from './rows';

export type { RecordRef };

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
const RULES_ACTOR = 'matching rules';

/** Raw user input (any case, spaces, national phone format); given criteria must all hold. */
export interface CustomerQuery {
  email?: string | null;
  phone?: string | null;
  card?: string | null;
  /** a last name, or a full name in either order */
  name?: string | null;
}

// Applied in order, each once (platform/db migrate): append, never edit.
const IDENTITY_MIGRATIONS: readonly Migration[] = [
  `CREATE TABLE customers (
     seq INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- creation order: the oldest customer survives a merge
     id TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     merged_into TEXT REFERENCES customers(id), -- aliases only; always a live customer (chains are flattened)
     merged_at TEXT
   );
   CREATE INDEX customers_merged_into ON customers(merged_into);
   CREATE TABLE records (
     id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
   );
   CREATE TABLE decisions (
     id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL CHECK (action IN ('link', 'unlink')),
     record_id INTEGER NOT NULL REFERENCES records(id),
     from_customer TEXT NOT NULL,
     to_customer TEXT NOT NULL
   );
   CREATE INDEX decisions_from ON decisions(from_customer);
   CREATE INDEX decisions_to ON decisions(to_customer);`,
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

type Queries = ReturnType<typeof queries>;

/** The store's statements, on the pool (reads) or on one write's transaction. */
function queries(sql: Sql) {
  const customerIdsWhere = (condition: string) => async (key: string) =>
    (
      await sql.rows<{ id: string }>(
        `SELECT id FROM customers WHERE id IN (SELECT customer_id FROM records WHERE ${condition}) ORDER BY seq`,
        [key],
      )
    ).map((row) => row.id);
  return {
    customer: (id: string) => sql.row<CustomerRow>('SELECT seq, id FROM customers WHERE id = $1', [id]),
    insertCustomer: (id: string, at: Instant) => sql.run('INSERT INTO customers (id, created_at) VALUES ($1, $2)', [id, at]),
    resolve: async (id: string) =>
      (await sql.row<{ id: string }>('SELECT coalesce(merged_into, id) AS id FROM customers WHERE id = $1', [id]))?.id ?? null,
    aliasTo: (values: { survivor: string; absorbed: string; at: Instant }) =>
      sql.run('UPDATE customers SET merged_into = @survivor, merged_at = @at WHERE id = @absorbed OR merged_into = @absorbed', values),
    record: (system: System, externalId: string) =>
      sql.row<RecordRow>('SELECT * FROM records WHERE system = $1 AND external_id = $2', [system, externalId]),
    candidates: (keys: MatchKeys) =>
      sql.rows<RecordRow>(
        `SELECT * FROM records WHERE email = @email
         UNION SELECT * FROM records WHERE card = @card
         UNION SELECT * FROM records WHERE phone = @phone AND last_name_key = @lastName
         ORDER BY id`,
        keys,
      ),
    insertRecord: async (
      values: ReturnType<typeof recordColumns> & { customerId: string; reason: LinkReason; via: number | null; at: Instant },
    ) =>
      (await sql.row<{ id: number }>(
        `INSERT INTO records (system, external_id, customer_id, first_name, last_name, email, phone, card, created_at,
             last_name_key, full_name_key, reversed_name_key, link_reason, linked_via, linked_at)
           VALUES (@system, @externalId, @customerId, @firstName, @lastName, @email, @phone, @card, @createdAt,
             @lastNameKey, @fullNameKey, @reversedNameKey, @reason, @via, @at)
           RETURNING id`,
        values,
      ))!.id,
    updateRecord: (values: ReturnType<typeof recordColumns>) =>
      sql.run(
        `UPDATE records SET first_name = @firstName, last_name = @lastName, email = @email, phone = @phone,
           card = @card, created_at = @createdAt, last_name_key = @lastNameKey, full_name_key = @fullNameKey,
           reversed_name_key = @reversedNameKey
         WHERE system = @system AND external_id = @externalId`,
        values,
      ),
    setLink: (values: { id: number; customerId: string; reason: LinkReason; via: number | null; at: Instant }) =>
      sql.run(
        'UPDATE records SET customer_id = @customerId, link_reason = @reason, linked_via = @via, linked_at = @at WHERE id = @id',
        values,
      ),
    moveAll: (values: { survivor: string; absorbed: string; via: number; at: Instant }) =>
      sql.run(
        `UPDATE records SET customer_id = @survivor, link_reason = 'merge', linked_via = @via, linked_at = @at
         WHERE customer_id = @absorbed`,
        values,
      ),
    recordCount: async (customerId: string) =>
      (await sql.row<{ n: number }>('SELECT count(*)::int AS n FROM records WHERE customer_id = $1', [customerId]))!.n,
    rowsOf: (customerId: string) => sql.rows<RecordRow>('SELECT * FROM records WHERE customer_id = $1 ORDER BY id', [customerId]),
    identitiesOfMany: (customerIds: readonly string[]) =>
      sql.rows<RecordRow & { asked: string; current: string }>(
        // a customer without records is still one: its row comes with the record's columns null
        `SELECT asked.value AS asked, coalesce(c.merged_into, c.id) AS current, r.*
         FROM unnest($1::text[]) AS asked(value)
         JOIN customers c ON c.id = asked.value
         LEFT JOIN records r ON r.customer_id = coalesce(c.merged_into, c.id)
         ORDER BY r.system, r.external_id`,
        [customerIds],
      ),
    customersOfRecords: (refs: readonly RecordRef[]) =>
      sql.rows<{ at: string; customer_id: string }>(
        `SELECT asked.at, r.customer_id
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS asked(system, external_id, at)
         JOIN records r ON r.system = asked.system AND r.external_id = asked.external_id`,
        [refs.map((r) => r.system), refs.map((r) => r.externalId)],
      ),
    /** the oldest customer holding each card, as byCard has it */
    customersOfCards: (cards: readonly string[]) =>
      sql.rows<{ card: string; id: string }>(
        `SELECT DISTINCT ON (asked.card) asked.card, c.id
         FROM unnest($1::text[]) AS asked(card)
         JOIN records r ON r.card = asked.card
         JOIN customers c ON c.id = r.customer_id
         ORDER BY asked.card, c.seq`,
        [cards],
      ),
    linkOf: (system: System, externalId: string) =>
      sql.row<LinkRow>(
        `SELECT r.customer_id, r.link_reason, r.linked_at, v.system AS via_system, v.external_id AS via_external_id
         FROM records r LEFT JOIN records v ON v.id = r.linked_via
         WHERE r.system = $1 AND r.external_id = $2`,
        [system, externalId],
      ),
    separatedFrom: async (recordId: number) =>
      (await sql.rows<{ other_id: number }>('SELECT other_id FROM separations WHERE record_id = $1', [recordId])).map((r) => r.other_id),
    customersSeparated: async (one: string, other: string) =>
      (await sql.row(
        `SELECT 1 FROM records r
         JOIN separations s ON s.record_id = r.id
         JOIN records o ON o.id = s.other_id
         WHERE r.customer_id = $1 AND o.customer_id = $2 LIMIT 1`,
        [one, other],
      )) !== undefined,
    separate: (values: { record: number; customer: string }) =>
      sql.run(
        `INSERT INTO separations (record_id, other_id)
         SELECT @record, id FROM records WHERE customer_id = @customer AND id <> @record
         UNION ALL SELECT id, @record FROM records WHERE customer_id = @customer AND id <> @record
         ON CONFLICT DO NOTHING`,
        values,
      ),
    reunite: (values: { record: number; customer: string }) =>
      sql.run(
        `DELETE FROM separations
         WHERE (record_id = @record AND other_id IN (SELECT id FROM records WHERE customer_id = @customer))
            OR (other_id = @record AND record_id IN (SELECT id FROM records WHERE customer_id = @customer))`,
        values,
      ),
    insertDecision: (values: { at: Instant; actor: string; action: ManualDecision['action']; record: number; from: string; to: string }) =>
      sql.run(
        `INSERT INTO decisions (at, actor, action, record_id, from_customer, to_customer)
         VALUES (@at, @actor, @action, @record, @from, @to)`,
        values,
      ),
    decisions: (customerId: string) =>
      sql.rows<Omit<ManualDecision, 'record'> & RecordRef>(
        `SELECT d.at, d.actor, d.action, r.system, r.external_id AS "externalId",
           d.from_customer AS "fromCustomerId", d.to_customer AS "toCustomerId"
         FROM decisions d JOIN records r ON r.id = d.record_id
         WHERE d.from_customer = $1 OR d.to_customer = $1 ORDER BY d.id`,
        [customerId],
      ),
    byEmail: customerIdsWhere('email = $1'),
    byPhone: customerIdsWhere('phone = $1'),
    byCard: customerIdsWhere('card = $1'),
    byName: customerIdsWhere('last_name_key = $1 OR full_name_key = $1 OR reversed_name_key = $1'),
  };
}

// Identity writes run one at a time, whichever replica makes them: a record observed twice at once
// is inserted once, and two merges never cross.
const WRITE_LOCK = 0x6964656e; // 'iden'

const now = (): Instant => new Date().toISOString();

export class IdentityStore implements CustomerDirectory {
  private readonly read: Queries;

  private constructor(private readonly db: Db) {
    this.read = queries(db);
  }

  static async open(db: Db): Promise<IdentityStore> {
    await migrate(db, 'identity', IDENTITY_MIGRATIONS);
    return new IdentityStore(db);
  }

  /** Records seen (again): their fields are refreshed, then they are linked by the matching rules. */
  observe(records: readonly PersonRecord[]): Promise<void> {
    return this.write(async (q) => {
      for (const record of records) await this.observeOne(q, record);
    });
  }

  /** The current id of a customer (a merged one resolves to its survivor), null when unknown. */
  resolve(customerId: string): Promise<string | null> {
    return this.read.resolve(customerId);
  }

  async customerOf(system: System, externalId: string): Promise<string | null> {
    return (await this.customersOfRecords([{ system, externalId }]))[0];
  }

  /** Each record's customer, in the order asked (null: a record never seen), in one query. */
  async customersOfRecords(refs: readonly RecordRef[]): Promise<(string | null)[]> {
    const found = new Map((await this.read.customersOfRecords(refs)).map((row) => [Number(row.at), row.customer_id]));
    return refs.map((_, i) => found.get(i + 1) ?? null);
  }

  async recordsOf(customerId: string): Promise<PersonRecord[]> {
    return (await this.recordsOfMany([customerId])).get(customerId) ?? [];
  }

  /** One query for many customers; every id asked is a key (unknown ones with no records). */
  recordsOfMany(customerIds: readonly string[]): Promise<Map<string, PersonRecord[]>> {
    return recordsOfMany(this.read, customerIds);
  }

  /** Each id's current customer and its records (CustomerDirectory); unknown ids are left out. */
  identitiesOf(customerIds: readonly string[]): Promise<Map<string, { id: string; records: PersonRecord[] }>> {
    return identitiesOfMany(this.read, customerIds);
  }

  /** Whose a loyalty card is: its member's customer, or that of an account it was typed on; the oldest when agents split holders. */
  async customerOfCard(card: string): Promise<string | null> {
    return (await this.customersOfCards([card]))[0];
  }

  /** customerOfCard for many cards, in the order asked, in one query. */
  async customersOfCards(cards: readonly string[]): Promise<(string | null)[]> {
    const normalized = cards.map(normalizeCard);
    const asked = [...new Set(normalized.filter((card): card is string => card !== null))];
    const found = new Map((await this.read.customersOfCards(asked)).map((row) => [row.card, row.id]));
    return normalized.map((card) => (card === null ? null : (found.get(card) ?? null)));
  }

  /** Customers satisfying every criterion given, oldest first; no criterion finds no one. */
  async find(query: CustomerQuery): Promise<string[]> {
    const criteria = [
      { text: query.email, key: normalizeEmail, lookup: this.read.byEmail },
      { text: query.phone, key: toE164, lookup: this.read.byPhone },
      { text: query.card, key: normalizeCard, lookup: this.read.byCard },
      { text: query.name, key: nameKey, lookup: this.read.byName },
    ].filter(({ text }) => text?.trim());
    if (criteria.length === 0) return [];
    const found = await Promise.all(
      criteria.map(({ text, key, lookup }): Promise<string[]> | string[] => {
        const value = key(text);
        return value === null ? [] : lookup(value);
      }),
    );
    return found.reduce((kept, ids) => kept.filter((id) => ids.includes(id)));
  }

  /**
   * Why each record of a customer is there, oldest first: the agents' decisions (auditTrail) and,
   * for each record the rules linked, the record it matched and the keys they share.
   */
  async decisions(customerId: string): Promise<Decision[]> {
    const current = await this.resolve(customerId);
    if (current === null) return [];
    const rows = await this.read.rowsOf(current);
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
    const byHand = (await this.auditTrail(customerId)).map((d): Decision => ({ ...d, matchedTo: null, keys: [] }));
    return [...byHand, ...byRules].sort((a, b) => a.at.localeCompare(b.at));
  }

  /** Why a record belongs to its customer, for agents and audits. */
  async linkOf(system: System, externalId: string): Promise<LinkExplanation | null> {
    const row = await this.read.linkOf(system, externalId);
    if (!row) return null;
    return {
      customerId: row.customer_id,
      reason: row.link_reason,
      via: row.via_system && row.via_external_id ? { system: row.via_system, externalId: row.via_external_id } : null,
      at: row.linked_at,
    };
  }

  /** An agent moves one record (and nothing else) to a customer; returns that customer's current id. */
  link(customerId: string, system: System, externalId: string, actor: string): Promise<string> {
    return this.write(async (q) => {
      const target = await requireCustomer(q, customerId);
      const record = await requireRecord(q, system, externalId);
      if (record.customer_id !== target) await this.moveByHand(q, record, target, 'link', actor);
      return target;
    });
  }

  /**
   * An agent detaches a record into a customer of its own, with every record that came into the
   * customer only through it; returns that customer's id.
   */
  unlink(customerId: string, system: System, externalId: string, actor: string): Promise<string> {
    return this.write(async (q) => {
      const current = await requireCustomer(q, customerId);
      const record = await requireRecord(q, system, externalId);
      if (record.customer_id !== current) {
        throw badInput(`${system} ${externalId} is not linked to customer ${customerId}`);
      }
      if ((await q.recordCount(current)) === 1) return current;
      const followers = await onlyThrough(q, record);
      const detached = await createCustomer(q, now());
      for (const moved of [record, ...followers]) await this.moveByHand(q, moved, detached, 'unlink', actor);
      return detached;
    });
  }

  /** The agents' decisions that moved records out of or into this customer id, oldest first. */
  async auditTrail(customerId: string): Promise<ManualDecision[]> {
    return (await this.read.decisions(customerId)).map(({ system, externalId, ...decision }) => ({
      ...decision,
      record: { system, externalId },
    }));
  }

  private write<T>(work: (q: Queries) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.run('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      return work(queries(tx));
    });
  }

  private async observeOne(q: Queries, record: PersonRecord): Promise<void> {
    const keys = matchKeys(record);
    const columns = recordColumns(record, keys);
    const existing = await q.record(record.system, record.externalId);
    const matches = await matchesOf(q, record, keys, existing);
    const at = now();
    const [survivor, ...absorbed] = await joinableCustomers(q, record, existing?.customer_id, matches);
    if (!survivor) {
      await q.insertRecord({ ...columns, customerId: await createCustomer(q, at), reason: 'new', via: null, at });
      return;
    }
    // Called only when the survivor is not the record's own customer: then it is one it matched.
    const linkToSurvivor = () => {
      const link = matches.find((match) => match.row.customer_id === survivor.id)!;
      return { customerId: survivor.id, reason: link.reason, via: link.row.id, at };
    };
    let recordId: number;
    if (!existing) {
      recordId = await q.insertRecord({ ...columns, ...linkToSurvivor() });
    } else {
      recordId = existing.id;
      await q.updateRecord(columns);
      if (existing.customer_id !== survivor.id) await q.setLink({ id: recordId, ...linkToSurvivor() });
    }
    for (const other of absorbed) await absorb(q, survivor.id, other.id, recordId, at);
  }

  private async moveByHand(q: Queries, record: RecordRow, to: string, action: ManualDecision['action'], actor: string): Promise<void> {
    const at = now();
    const from = record.customer_id;
    await q.separate({ record: record.id, customer: from });
    await q.reunite({ record: record.id, customer: to });
    await q.setLink({ id: record.id, customerId: to, reason: 'manual', via: null, at });
    // A customer left without records is the same person as the one its last record went to.
    if ((await q.recordCount(from)) === 0) await absorb(q, to, from, record.id, at);
    await q.insertDecision({ at, actor, action, record: record.id, from, to });
  }
}

async function recordsOfMany(q: Queries, customerIds: readonly string[]): Promise<Map<string, PersonRecord[]>> {
  const found = new Map<string, PersonRecord[]>(customerIds.map((id) => [id, []]));
  for (const [asked, { records }] of await identitiesOfMany(q, customerIds)) found.set(asked, records);
  return found;
}

/** Each id's current customer and its records, in one query; unknown ids are left out. */
async function identitiesOfMany(q: Queries, customerIds: readonly string[]): Promise<Map<string, { id: string; records: PersonRecord[] }>> {
  const found = new Map<string, { id: string; records: PersonRecord[] }>();
  for (const row of await q.identitiesOfMany([...new Set(customerIds)])) {
    const identity = found.get(row.asked) ?? { id: row.current, records: [] };
    found.set(row.asked, identity);
    if (row.id !== null) identity.records.push(toPersonRecord(row));
  }
  return found;
}

/**
 * The records of its customer that, without this one, are no longer joined by the rules to the
 * rest and carry its person's name (first and last): they came in only through it. When every part
 * left carries that name, the part holding the customer's oldest record stays.
 */
async function onlyThrough(q: Queries, record: RecordRow): Promise<RecordRow[]> {
  const parts = clusterRows((await q.rowsOf(record.customer_id)).filter((row) => row.id !== record.id));
  if (parts.length < 2) return [];
  const name = fullNameKey(record.first_name, record.last_name);
  const namesakes = parts.filter((part) => name !== null && part.some((row) => fullNameKey(row.first_name, row.last_name) === name));
  // parts come in the order of their first record: the first holds the oldest
  return (namesakes.length < parts.length ? namesakes : parts.slice(1)).flat();
}

/** The records this one matches by the rules, leaving out those an agent separated it from. */
async function matchesOf(q: Queries, record: PersonRecord, keys: MatchKeys, existing: RecordRow | undefined): Promise<Match[]> {
  const separated = new Set(existing ? await q.separatedFrom(existing.id) : []);
  return (await q.candidates(keys))
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
async function joinableCustomers(q: Queries, record: PersonRecord, own: string | undefined, matches: Match[]): Promise<CustomerRow[]> {
  const recordsOf = async (id: string) => (await recordsOfMany(q, [id])).get(id)!;
  const joined = own ? [(await q.customer(own))!] : [];
  const keys = new OwnKeys(own ? await recordsOf(own) : []).add(matchKeys(record));
  const weakOnly = (id: string) => matches.every((match) => match.row.customer_id !== id || match.reason === 'phone+name');
  const matched = [];
  for (const id of new Set(matches.map((match) => match.row.customer_id))) {
    if (id !== own) matched.push({ customer: (await q.customer(id))!, weak: weakOnly(id) });
  }
  matched.sort((a, b) => Number(a.weak) - Number(b.weak) || bySeq(a.customer, b.customer));
  for (const { customer, weak } of matched) {
    if (await someSeparated(q, joined, customer.id)) continue;
    const theirs = new OwnKeys(await recordsOf(customer.id));
    if (weak && !keys.compatible(theirs)) continue;
    joined.push(customer);
    keys.addAll(theirs);
  }
  return joined.sort(bySeq);
}

async function someSeparated(q: Queries, joined: readonly CustomerRow[], customerId: string): Promise<boolean> {
  for (const other of joined) if (await q.customersSeparated(other.id, customerId)) return true;
  return false;
}

async function absorb(q: Queries, survivor: string, absorbed: string, via: number, at: Instant): Promise<void> {
  await q.moveAll({ survivor, absorbed, via, at });
  await q.aliasTo({ survivor, absorbed, at });
}

async function createCustomer(q: Queries, at: Instant): Promise<string> {
  const id = newCustomerId();
  await q.insertCustomer(id, at);
  return id;
}

async function requireCustomer(q: Queries, customerId: string): Promise<string> {
  const current = await q.resolve(customerId);
  if (current === null) throw notFound(`No customer ${customerId}`);
  return current;
}

async function requireRecord(q: Queries, system: System, externalId: string): Promise<RecordRow> {
  const record = await q.record(system, externalId);
  if (!record) throw notFound(`No ${system} record ${externalId}`);
  return record;
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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { PersonRecord } from '../../../domain/types';
import { IDENTITY_MIGRATIONS, IdentityStore } from '../../../domain/identity/store';
import { migrate, openDatabase, type Db } from '../../../platform/db';

const person = (over: Partial<PersonRecord> & Pick<PersonRecord, 'system' | 'externalId'>): PersonRecord => ({
  firstName: null,
  lastName: null,
  email: null,
  phone: null,
  card: null,
  createdAt: null,
  ...over,
});

const CUSTOMER_ID = /^cus_[0-9a-f]{16}$/;

const shop = person({
  system: 'eshop',
  externalId: 'A-10023',
  firstName: 'Marie',
  lastName: 'Lefèvre',
  email: 'marie.lefevre@example.fr',
  phone: '+33612345678',
  card: null,
});
const loyalty = person({
  system: 'loyalty',
  externalId: '4000123456781234',
  firstName: 'Marie',
  lastName: 'LEFEVRE',
  email: 'marie.lefevre@example.fr',
  phone: '+33612345678',
  card: '4000123456781234',
});
const crm = person({ system: 'crm', externalId: 'C-000123', firstName: 'Marie', lastName: ' lefevre', phone: '+33612345678' });
const housemate = person({ system: 'crm', externalId: 'C-000124', firstName: 'Paul', lastName: 'Martin', phone: '+33612345678' });

let db: Db;
let store: IdentityStore;
let dir: string;
beforeEach(() => {
  db = openDatabase(':memory:');
  store = new IdentityStore(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'identity-'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const snapshot = (s: IdentityStore, records: PersonRecord[]) =>
  records.map((r) => ({ customer: s.customerOf(r.system, r.externalId), link: s.linkOf(r.system, r.externalId) }));

describe('automatic linking', () => {
  it('gives a record matching no one a customer of its own', () => {
    store.observe([shop]);
    const id = store.customerOf('eshop', 'A-10023');
    expect(id).toMatch(CUSTOMER_ID);
    expect(store.resolve(id!)).toBe(id);
    expect(store.recordsOf(id!)).toEqual([shop]);
    expect(store.linkOf('eshop', 'A-10023')).toMatchObject({ customerId: id, reason: 'new', via: null });
  });

  it('links records sharing an email or a card, and says why', () => {
    const cardOnly = person({ system: 'eshop', externalId: 'A-2', email: 'other@example.fr', card: '4000123456781234' });
    store.observe([shop, loyalty, cardOnly]);
    const id = store.customerOf('eshop', 'A-10023');
    expect(store.customerOf('loyalty', loyalty.externalId)).toBe(id);
    expect(store.customerOf('eshop', 'A-2')).toBe(id);
    expect(store.linkOf('loyalty', loyalty.externalId)).toMatchObject({
      reason: 'email',
      via: { system: 'eshop', externalId: 'A-10023' },
    });
    expect(store.linkOf('eshop', 'A-2')).toMatchObject({ reason: 'card', via: { system: 'loyalty' } });
  });

  it('keeps a household sharing a phone as two customers', () => {
    store.observe([crm, housemate]);
    expect(store.customerOf('crm', 'C-000123')).not.toBe(store.customerOf('crm', 'C-000124'));
    expect(store.find({ phone: '+33612345678' })).toHaveLength(2);
  });

  it('links the same phone with the same first and last names despite accents and case', () => {
    store.observe([shop, crm, housemate]);
    expect(store.customerOf('crm', 'C-000123')).toBe(store.customerOf('eshop', 'A-10023'));
    expect(store.linkOf('crm', 'C-000123')?.reason).toBe('phone+name');
    expect(store.customerOf('crm', 'C-000124')).not.toBe(store.customerOf('eshop', 'A-10023'));
  });

  it('says which record each one was linked to, and by which keys, alongside the decisions of agents', () => {
    store.observe([shop, loyalty, crm, housemate]);
    const marie = store.customerOf('eshop', 'A-10023')!;
    const byRules = { actor: 'matching rules', action: 'link', fromCustomerId: null, toCustomerId: marie, at: expect.any(String) };
    expect(store.decisions(marie)).toEqual([
      {
        ...byRules,
        record: { system: 'loyalty', externalId: loyalty.externalId },
        matchedTo: { system: 'eshop', externalId: 'A-10023' },
        keys: ['email'],
      },
      {
        ...byRules,
        record: { system: 'crm', externalId: 'C-000123' },
        matchedTo: { system: 'eshop', externalId: 'A-10023' },
        keys: ['phone', 'firstName', 'lastName'],
      },
    ]);
    const paul = store.customerOf('crm', 'C-000124')!;
    store.link(paul, 'crm', 'C-000123', 'agent-7');
    expect(store.decisions(paul)).toEqual([
      expect.objectContaining({ actor: 'agent-7', action: 'link', fromCustomerId: marie, toCustomerId: paul, matchedTo: null, keys: [] }),
    ]);
    expect(store.decisions('cus_0000000000000000')).toEqual([]);
  });

  it('keeps a household sharing a phone and a last name as two customers', () => {
    const sister = person({ ...loyalty, externalId: '4000999988887777', card: '4000999988887777', firstName: 'Anne', email: 'anne@x.fr' });
    store.observe([shop, loyalty, crm, sister]);
    expect(store.customerOf('loyalty', sister.externalId)).not.toBe(store.customerOf('eshop', 'A-10023'));
    expect(store.recordsOf(store.customerOf('loyalty', sister.externalId)!)).toEqual([sister]);
  });

  it('never lets a record with neither email nor card join two namesakes who carry different ones', () => {
    const jean = { phone: '+33612345678', firstName: 'Jean', lastName: 'Dupont' };
    const father = person({ system: 'loyalty', externalId: '4000000000000001', card: '4000000000000001', email: 'jean@x.fr', ...jean });
    const son = person({ system: 'eshop', externalId: 'A-2', email: 'jean.dupont@y.fr', ...jean });
    const contact = person({ system: 'crm', externalId: 'C-9', ...jean });
    store.observe([father, son]);
    store.observe([contact]);
    expect(store.customerOf('crm', 'C-9')).toBe(store.customerOf('loyalty', father.externalId));
    expect(store.customerOf('eshop', 'A-2')).not.toBe(store.customerOf('loyalty', father.externalId));
  });

  it('merges customers a new record bridges into the oldest one; the other id becomes an alias', () => {
    const byCard = person({ system: 'loyalty', externalId: '4000999988887777', card: '4000999988887777' });
    store.observe([shop]);
    store.observe([byCard]);
    const [oldest, younger] = [store.customerOf('eshop', 'A-10023')!, store.customerOf('loyalty', byCard.externalId)!];
    expect(oldest).not.toBe(younger);

    const bridge = person({ system: 'eshop', externalId: 'A-3', email: shop.email, card: '4000-9999-8888-7777' });
    store.observe([bridge]);

    expect(store.resolve(younger)).toBe(oldest);
    expect(store.resolve(oldest)).toBe(oldest);
    expect(store.customerOf('loyalty', byCard.externalId)).toBe(oldest);
    expect(store.recordsOf(younger).map((r) => r.externalId)).toEqual(['A-10023', 'A-3', byCard.externalId]);
    expect(store.linkOf('loyalty', byCard.externalId)).toMatchObject({
      reason: 'merge',
      via: { system: 'eshop', externalId: 'A-3' },
    });
    expect(store.find({ card: '4000999988887777' })).toEqual([oldest]);
  });

  it('keeps aliases resolving after a chain of merges', () => {
    const a = person({ system: 'eshop', externalId: 'A-1', email: 'a@x.fr' });
    const b = person({ system: 'crm', externalId: 'C-1', email: 'b@x.fr' });
    const c = person({ system: 'loyalty', externalId: '4000000000000001', card: '4000000000000001' });
    store.observe([a, b, c]);
    const [ida, idb, idc] = [a, b, c].map((r) => store.customerOf(r.system, r.externalId)!);
    store.observe([person({ system: 'eshop', externalId: 'A-2', email: 'b@x.fr', card: '4000000000000001' })]);
    expect(store.resolve(idc)).toBe(idb);
    store.observe([person({ system: 'crm', externalId: 'C-3', email: 'a@x.fr', card: '4000000000000001' })]);
    expect([ida, idb, idc].map((id) => store.resolve(id))).toEqual([ida, ida, ida]);
  });

  it('refreshes a record seen again with new keys and links it by them', () => {
    store.observe([shop, housemate]);
    store.observe([{ ...housemate, email: shop.email }]);
    expect(store.customerOf('crm', 'C-000124')).toBe(store.customerOf('eshop', 'A-10023'));
    expect(store.recordsOf(store.customerOf('crm', 'C-000124')!).find((r) => r.system === 'crm')?.email).toBe(shop.email);
  });

  it('changes nothing when the same records are observed again', () => {
    const records = [shop, loyalty, crm, housemate];
    store.observe(records);
    const before = snapshot(store, records);
    store.observe(records);
    store.observe([...records].reverse());
    expect(snapshot(store, records)).toEqual(before);
  });

  it('knows nothing of unknown ids and records', () => {
    expect(store.resolve('cus_0000000000000000')).toBeNull();
    expect(store.customerOf('eshop', 'A-404')).toBeNull();
    expect(store.recordsOf('cus_0000000000000000')).toEqual([]);
    expect(store.linkOf('eshop', 'A-404')).toBeNull();
  });
});

describe('the matching rules of an older version', () => {
  const manon = person({
    system: 'loyalty',
    externalId: '4000544840996407',
    firstName: 'Manon',
    lastName: 'Le roux',
    email: 'manon.leroux57@yahoo.fr',
    phone: '+33770641414',
    card: '4000544840996407',
  });
  const manonShop = person({ system: 'eshop', externalId: 'A-10050', firstName: 'Manon', lastName: 'Le Roux', email: manon.email });
  const alberic = person({ ...manon, externalId: '4000576317375799', card: '4000576317375799', firstName: 'Albéric', email: 'a@x.fr' });
  const albericCrm = person({ system: 'crm', externalId: 'C-000200', firstName: 'Albéric', lastName: 'LE ROUX', phone: manon.phone });

  /** The store as version 1 left it: one customer for the household, linked by phone and last name. */
  function mergedByVersion1(): string {
    const old = openDatabase(':memory:');
    migrate(old, 'identity', IDENTITY_MIGRATIONS.slice(0, 1));
    old.prepare("INSERT INTO customers (id, created_at) VALUES ('cus_00000000000000a1', '2026-01-01T00:00:00Z')").run();
    const insert = old.prepare(
      `INSERT INTO records (system, external_id, customer_id, first_name, last_name, email, phone, card, last_name_key, link_reason, linked_via, linked_at)
       VALUES (?, ?, 'cus_00000000000000a1', ?, ?, ?, ?, ?, 'le roux', ?, ?, '2026-01-01T00:00:00Z')`,
    );
    insert.run('loyalty', manon.externalId, 'Manon', 'Le roux', manon.email, manon.phone, manon.card, 'new', null);
    insert.run('eshop', manonShop.externalId, 'Manon', 'Le Roux', manon.email, null, null, 'email', 1);
    insert.run('loyalty', alberic.externalId, 'Albéric', 'Le roux', alberic.email, alberic.phone, alberic.card, 'phone+lastName', 1);
    insert.run('crm', albericCrm.externalId, 'Albéric', 'LE ROUX', null, albericCrm.phone, null, 'phone+lastName', 1);
    db.close();
    db = old;
    return 'cus_00000000000000a1';
  }

  it('are repaired when the store opens: a household merged by them is split, the oldest record keeps the id', () => {
    const merged = mergedByVersion1();
    store = new IdentityStore(db);
    expect(store.recordsOf(merged)).toEqual([manonShop, manon].map((r) => expect.objectContaining({ externalId: r.externalId })));
    const split = store.customerOf('loyalty', alberic.externalId)!;
    expect(split).toMatch(CUSTOMER_ID);
    expect(split).not.toBe(merged);
    expect(store.customerOf('crm', albericCrm.externalId)).toBe(split);
    expect(store.linkOf('loyalty', alberic.externalId)).toMatchObject({ reason: 'new', via: null });
    expect(store.linkOf('crm', albericCrm.externalId)).toMatchObject({ reason: 'phone+name', via: { externalId: alberic.externalId } });
    // each move is on the record, for agents to read
    expect(store.auditTrail(split)).toEqual(
      [alberic, albericCrm].map((r) =>
        expect.objectContaining({
          action: 'unlink',
          actor: 'matching rules v2',
          fromCustomerId: merged,
          toCustomerId: split,
          record: { system: r.system, externalId: r.externalId },
        }),
      ),
    );
    // and the records, seen again, stay where the rules now put them
    store.observe([manon, manonShop, alberic, albericCrm]);
    expect(store.customerOf('crm', albericCrm.externalId)).toBe(split);
    expect(store.customerOf('eshop', manonShop.externalId)).toBe(merged);
  });
});

describe('a file database', () => {
  it('keeps customer ids across a restart', () => {
    const file = path.join(dir, 'nested', 'identity.sqlite');
    const firstDb = openDatabase(file);
    const first = new IdentityStore(firstDb);
    first.observe([shop, loyalty, housemate]);
    const before = snapshot(first, [shop, loyalty, housemate]);
    firstDb.close();

    const reopenedDb = openDatabase(file);
    const reopened = new IdentityStore(reopenedDb);
    expect(snapshot(reopened, [shop, loyalty, housemate])).toEqual(before);
    reopened.observe([shop, loyalty, housemate]);
    expect(snapshot(reopened, [shop, loyalty, housemate])).toEqual(before);
    reopenedDb.close();
  });
});

describe('recordsOfMany', () => {
  it('answers every id asked, aliases included, in one call', () => {
    store.observe([shop, housemate]);
    const [a, b] = [store.customerOf('eshop', 'A-10023')!, store.customerOf('crm', 'C-000124')!];
    const found = store.recordsOfMany([a, b, 'cus_unknown']);
    expect([...found.keys()]).toEqual([a, b, 'cus_unknown']);
    expect(found.get(a)).toEqual([shop]);
    expect(found.get(b)).toEqual([housemate]);
    expect(found.get('cus_unknown')).toEqual([]);
  });
});

describe('find', () => {
  beforeEach(() => store.observe([shop, loyalty, crm, housemate]));
  const marie = () => store.customerOf('eshop', 'A-10023');
  const paul = () => store.customerOf('crm', 'C-000124');

  it('finds by email as typed', () => expect(store.find({ email: ' Marie.Lefevre@EXAMPLE.fr ' })).toEqual([marie()]));
  it('finds by phone in national format', () => expect(store.find({ phone: '06 12 34 56 78' })).toEqual([marie(), paul()]));
  it('finds by card with spaces', () => expect(store.find({ card: '4000 1234 5678 1234' })).toEqual([marie()]));
  it.each(['lefevre', 'LEFÈVRE', 'Marie Lefevre', 'lefèvre  marie'])('finds by name %j', (name) =>
    expect(store.find({ name })).toEqual([marie()]),
  );
  it('requires every criterion given', () => {
    expect(store.find({ phone: '+33612345678', name: 'Martin' })).toEqual([paul()]);
    expect(store.find({ email: shop.email, name: 'Martin' })).toEqual([]);
  });
  it('finds no one without a usable criterion', () => {
    expect(store.find({})).toEqual([]);
    expect(store.find({ email: '  ', name: null })).toEqual([]);
    expect(store.find({ card: '1234' })).toEqual([]);
  });
});

describe('manual decisions', () => {
  it('detaches a record, records who did it, and never re-merges it automatically', () => {
    store.observe([shop, loyalty, crm]);
    const marie = store.customerOf('eshop', 'A-10023')!;

    const detached = store.unlink(marie, 'crm', 'C-000123', 'agent-7');

    expect(detached).toMatch(CUSTOMER_ID);
    expect(detached).not.toBe(marie);
    expect(store.customerOf('crm', 'C-000123')).toBe(detached);
    expect(store.linkOf('crm', 'C-000123')).toMatchObject({ customerId: detached, reason: 'manual' });
    expect(store.auditTrail(marie)).toEqual([
      {
        at: expect.any(String),
        actor: 'agent-7',
        action: 'unlink',
        record: { system: 'crm', externalId: 'C-000123' },
        fromCustomerId: marie,
        toCustomerId: detached,
      },
    ]);
    expect(store.auditTrail(detached)).toHaveLength(1);

    store.observe([shop, loyalty, crm]);
    expect(store.customerOf('crm', 'C-000123')).toBe(detached);
    // a new record matching both sides joins the oldest and does not merge them
    const bridge = person({
      system: 'eshop',
      externalId: 'A-9',
      email: shop.email,
      phone: crm.phone,
      firstName: 'Marie',
      lastName: 'Lefevre',
    });
    store.observe([bridge]);
    expect(store.customerOf('eshop', 'A-9')).toBe(marie);
    expect(store.customerOf('crm', 'C-000123')).toBe(detached);
    expect(store.resolve(detached)).toBe(detached);
  });

  it('moves with a detached record everything that came only through it', () => {
    // a couple sharing one mailbox: her card carries it, so her contact came along through her card
    const anne = person({
      system: 'loyalty',
      externalId: '4000999988887777',
      card: '4000999988887777',
      firstName: 'Anne',
      lastName: 'Martin',
      email: shop.email,
      phone: '+33699999999',
    });
    const anneCrm = person({ system: 'crm', externalId: 'C-000300', firstName: 'Anne', lastName: 'MARTIN', phone: '06 99 99 99 99' });
    store.observe([shop, loyalty, crm, anne, anneCrm]);
    const marie = store.customerOf('eshop', 'A-10023')!;
    expect(store.customerOf('crm', 'C-000300')).toBe(marie);

    const detached = store.unlink(marie, 'loyalty', anne.externalId, 'agent-7');

    expect(store.recordsOf(detached).map((r) => r.externalId)).toEqual(['C-000300', anne.externalId]);
    expect(store.recordsOf(marie).map((r) => r.externalId)).toEqual(['C-000123', 'A-10023', loyalty.externalId]);
    expect(store.auditTrail(detached).map((d) => [d.action, d.record.externalId])).toEqual([
      ['unlink', anne.externalId],
      ['unlink', 'C-000300'],
    ]);
    store.observe([shop, loyalty, crm, anne, anneCrm]);
    expect(store.customerOf('crm', 'C-000300')).toBe(detached);
    expect(store.customerOf('loyalty', anne.externalId)).toBe(detached);
  });

  it('moves one record to another customer and keeps it there', () => {
    store.observe([shop, loyalty, housemate]);
    const marie = store.customerOf('eshop', 'A-10023')!;
    const paul = store.customerOf('crm', 'C-000124')!;

    expect(store.link(paul, 'loyalty', loyalty.externalId, 'agent-7')).toBe(paul);

    expect(store.customerOf('loyalty', loyalty.externalId)).toBe(paul);
    expect(store.customerOf('eshop', 'A-10023')).toBe(marie);
    expect(store.auditTrail(paul)).toMatchObject([{ action: 'link', fromCustomerId: marie, toCustomerId: paul }]);
    store.observe([shop, loyalty, housemate]);
    expect(store.customerOf('loyalty', loyalty.externalId)).toBe(paul);
    expect(store.resolve(marie)).toBe(marie);

    // the agent changes their mind: the latest decision wins and holds
    expect(store.link(marie, 'loyalty', loyalty.externalId, 'agent-8')).toBe(marie);
    store.observe([shop, loyalty, housemate]);
    expect(store.customerOf('loyalty', loyalty.externalId)).toBe(marie);
    expect(store.customerOf('crm', 'C-000124')).toBe(paul);
    expect(store.auditTrail(paul).map((d) => d.actor)).toEqual(['agent-7', 'agent-8']);
  });

  it('makes a customer left without records an alias of the one its last record went to', () => {
    store.observe([shop, housemate]);
    const [marie, paul] = [store.customerOf('eshop', 'A-10023')!, store.customerOf('crm', 'C-000124')!];
    store.link(marie, 'crm', 'C-000124', 'agent-7');
    expect(store.resolve(paul)).toBe(marie);
  });

  it('leaves a record alone in its customer where it is', () => {
    store.observe([shop]);
    const marie = store.customerOf('eshop', 'A-10023')!;
    expect(store.unlink(marie, 'eshop', 'A-10023', 'agent-7')).toBe(marie);
    expect(store.auditTrail(marie)).toEqual([]);
  });

  it('refuses unknown customers and records, and a record of another customer', () => {
    store.observe([shop, housemate]);
    const marie = store.customerOf('eshop', 'A-10023')!;
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as { extensions?: { code?: string } }).extensions?.code;
      }
      return 'no error';
    };
    expect(code(() => store.link('cus_0000000000000000', 'eshop', 'A-10023', 'a'))).toBe('NOT_FOUND');
    expect(code(() => store.link(marie, 'eshop', 'A-404', 'a'))).toBe('NOT_FOUND');
    expect(code(() => store.unlink(marie, 'crm', 'C-000124', 'a'))).toBe('BAD_USER_INPUT');
  });
});

describe('at scale', () => {
  it('matches through indexes only: no statement scans a table', () => {
    const file = path.join(dir, 'identity.sqlite');
    const seen: string[] = [];
    let tracing = false;
    const bigDb = openDatabase(file, { trace: (sql) => tracing && seen.push(sql) });
    const big = new IdentityStore(bigDb);
    const digits = (i: number, width: number) => String(i).padStart(width, '0');
    const records = Array.from({ length: 5000 }, (_, i): PersonRecord[] => [
      person({
        system: 'eshop',
        externalId: `A-${i}`,
        firstName: 'Jean',
        lastName: `Nom${i % 1000}`,
        email: `client${i}@example.fr`,
        phone: `+336${digits(i, 8)}`,
      }),
      person({
        system: 'loyalty',
        externalId: `4000${digits(i, 12)}`,
        firstName: 'Jean',
        lastName: `Nom${i % 1000}`,
        email: i % 2 ? `client${i}@example.fr` : null,
        phone: `+336${digits(i, 8)}`,
        card: `4000${digits(i, 12)}`,
      }),
    ]).flat();
    big.observe(records);
    expect(new Set(records.map((r) => big.customerOf(r.system, r.externalId))).size).toBe(5000);

    tracing = true;
    big.observe([
      person({ system: 'crm', externalId: 'C-1', email: 'client1@example.fr', card: '4000000000000002', lastName: 'Nom1' }),
      ...records.slice(0, 10),
    ]);
    const merged = big.customerOf('crm', 'C-1')!;
    big.find({ email: 'client3@example.fr', phone: '06 00 00 00 03', card: '4000000000000003', name: 'jean nom3' });
    big.recordsOfMany([merged, big.customerOf('eshop', 'A-7')!]);
    const detached = big.unlink(merged, 'crm', 'C-1', 'agent');
    big.link(merged, 'crm', 'C-1', 'agent');
    big.auditTrail(detached);
    big.linkOf('crm', 'C-1');
    tracing = false;
    bigDb.close();

    const db = new Database(file, { readonly: true });
    const plans = [...new Set(seen)]
      .filter((sql) => /^\s*(SELECT|UPDATE|DELETE|INSERT)/i.test(sql))
      .map((sql) => ({ sql, plan: db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[] }));
    db.close();
    expect(plans.length).toBeGreaterThan(20);
    // json_each (the ids asked) is the only thing allowed to be walked through
    const isTableScan = (detail: string) => /^SCAN /.test(detail) && !/VIRTUAL TABLE|CONSTANT ROW/.test(detail);
    const scans = plans.flatMap(({ sql, plan }) =>
      plan.filter(({ detail }) => isTableScan(detail)).map(({ detail }) => `${detail} in ${sql}`),
    );
    expect(scans).toEqual([]);
    expect(plans.some(({ plan }) => plan.some(({ detail }) => /USING INDEX records_email/.test(detail)))).toBe(true);
  });
});

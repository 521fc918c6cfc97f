import type { PersonRecord } from '../../../domain/types';
import { person } from './records';
import { IdentityStore } from '../../../domain/identity/store';
import { openDatabase, type Db } from '../../../platform/db';
import { freshDatabaseUrl, freshDb } from '../../databases';

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
beforeEach(async () => {
  db = await freshDb();
  store = await IdentityStore.open(db);
});

const snapshot = (s: IdentityStore, records: PersonRecord[]) =>
  Promise.all(
    records.map(async (r) => ({ customer: await s.customerOf(r.system, r.externalId), link: await s.linkOf(r.system, r.externalId) })),
  );

describe('automatic linking', () => {
  it('gives a record matching no one a customer of its own', async () => {
    await store.observe([shop]);
    const id = await store.customerOf('eshop', 'A-10023');
    expect(id).toMatch(CUSTOMER_ID);
    expect(await store.resolve(id!)).toBe(id);
    expect(await store.recordsOf(id!)).toEqual([shop]);
    expect(await store.linkOf('eshop', 'A-10023')).toMatchObject({ customerId: id, reason: 'new', via: null });
  });

  it('links records sharing an email or a card, and says why', async () => {
    const cardOnly = person({ system: 'eshop', externalId: 'A-2', email: 'other@example.fr', card: '4000123456781234' });
    await store.observe([shop, loyalty, cardOnly]);
    const id = await store.customerOf('eshop', 'A-10023');
    expect(await store.customerOf('loyalty', loyalty.externalId)).toBe(id);
    expect(await store.customerOf('eshop', 'A-2')).toBe(id);
    expect(await store.linkOf('loyalty', loyalty.externalId)).toMatchObject({
      reason: 'email',
      via: { system: 'eshop', externalId: 'A-10023' },
    });
    expect(await store.linkOf('eshop', 'A-2')).toMatchObject({ reason: 'card', via: { system: 'loyalty' } });
  });

  it('keeps a household sharing a phone as two customers', async () => {
    await store.observe([crm, housemate]);
    expect(await store.customerOf('crm', 'C-000123')).not.toBe(await store.customerOf('crm', 'C-000124'));
    expect(await store.find({ phone: '+33612345678' })).toHaveLength(2);
  });

  it('links the same phone with the same first and last names despite accents and case', async () => {
    await store.observe([shop, crm, housemate]);
    expect(await store.customerOf('crm', 'C-000123')).toMatch(/^cus_/);
    expect(await store.customerOf('crm', 'C-000123')).toBe(await store.customerOf('eshop', 'A-10023'));
    expect((await store.linkOf('crm', 'C-000123'))?.reason).toBe('phone+name');
    expect(await store.customerOf('crm', 'C-000124')).not.toBe(await store.customerOf('eshop', 'A-10023'));
  });

  it('says which record each one was linked to, and by which keys, alongside the decisions of agents', async () => {
    await store.observe([shop, loyalty, crm, housemate]);
    const marie = (await store.customerOf('eshop', 'A-10023'))!;
    const byRules = { actor: 'matching rules', action: 'link', fromCustomerId: null, toCustomerId: marie, at: expect.any(String) };
    expect(await store.decisions(marie)).toEqual([
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
    const paul = (await store.customerOf('crm', 'C-000124'))!;
    await store.link(paul, 'crm', 'C-000123', 'agent-7');
    expect(await store.decisions(paul)).toEqual([
      expect.objectContaining({ actor: 'agent-7', action: 'link', fromCustomerId: marie, toCustomerId: paul, matchedTo: null, keys: [] }),
    ]);
    expect(await store.decisions('cus_0000000000000000')).toEqual([]);
  });

  it('keeps a household sharing a phone and a last name as two customers', async () => {
    const sister = person({ ...loyalty, externalId: '4000999988887777', card: '4000999988887777', firstName: 'Anne', email: 'anne@x.fr' });
    await store.observe([shop, loyalty, crm, sister]);
    expect(await store.customerOf('loyalty', sister.externalId)).not.toBe(await store.customerOf('eshop', 'A-10023'));
    expect(await store.recordsOf((await store.customerOf('loyalty', sister.externalId))!)).toEqual([sister]);
  });

  it('never lets a record with neither email nor card join two namesakes who carry different ones', async () => {
    const jean = { phone: '+33612345678', firstName: 'Jean', lastName: 'Dupont' };
    const father = person({ system: 'loyalty', externalId: '4000000000000001', card: '4000000000000001', email: 'jean@x.fr', ...jean });
    const son = person({ system: 'eshop', externalId: 'A-2', email: 'jean.dupont@y.fr', ...jean });
    const contact = person({ system: 'crm', externalId: 'C-9', ...jean });
    await store.observe([father, son]);
    await store.observe([contact]);
    expect(await store.customerOf('crm', 'C-9')).toMatch(/^cus_/);
    expect(await store.customerOf('crm', 'C-9')).toBe(await store.customerOf('loyalty', father.externalId));
    expect(await store.customerOf('eshop', 'A-2')).not.toBe(await store.customerOf('loyalty', father.externalId));
  });

  it('merges customers a new record bridges into the oldest one; the other id becomes an alias', async () => {
    const byCard = person({ system: 'loyalty', externalId: '4000999988887777', card: '4000999988887777' });
    await store.observe([shop]);
    await store.observe([byCard]);
    const [oldest, younger] = [(await store.customerOf('eshop', 'A-10023'))!, (await store.customerOf('loyalty', byCard.externalId))!];
    expect(oldest).not.toBe(younger);

    const bridge = person({ system: 'eshop', externalId: 'A-3', email: shop.email, card: '4000-9999-8888-7777' });
    await store.observe([bridge]);

    expect(await store.resolve(younger)).toBe(oldest);
    expect(await store.resolve(oldest)).toBe(oldest);
    expect(await store.customerOf('loyalty', byCard.externalId)).toBe(oldest);
    expect((await store.recordsOf(younger)).map((r) => r.externalId)).toEqual(['A-10023', 'A-3', byCard.externalId]);
    expect(await store.linkOf('loyalty', byCard.externalId)).toMatchObject({
      reason: 'merge',
      via: { system: 'eshop', externalId: 'A-3' },
    });
    expect(await store.find({ card: '4000999988887777' })).toEqual([oldest]);
  });

  it('answers many customers, records and cards in one query each: a merged id by its survivor, the unknown left out or null', async () => {
    const statements: string[] = [];
    const traced = await IdentityStore.open(openDatabase(await freshDatabaseUrl(), { trace: (sql) => statements.push(sql) }));
    const byCard = person({ system: 'loyalty', externalId: '4000999988887777', card: '4000999988887777' });
    await traced.observe([shop, housemate]);
    await traced.observe([byCard]);
    const [marie, paul, younger] = await Promise.all(
      [shop, housemate, byCard].map(async (r) => (await traced.customerOf(r.system, r.externalId))!),
    );
    await traced.observe([person({ system: 'eshop', externalId: 'A-3', email: shop.email, card: '4000 9999 8888 7777' })]);

    statements.length = 0;
    const identities = await traced.identitiesOf([younger, paul, 'cus_0000000000000000', marie]);
    const owners = await traced.customersOfRecords([
      { system: 'crm', externalId: 'C-000124' },
      { system: 'crm', externalId: 'C-404' },
      { system: 'loyalty', externalId: byCard.externalId },
    ]);
    const holders = await traced.customersOfCards(['4000-9999-8888-7777', 'not a card', '4000000000000000']);
    expect(statements).toHaveLength(3);

    expect([...identities.keys()].sort()).toEqual([marie, paul, younger].sort());
    expect(identities.get(younger)).toEqual(identities.get(marie));
    expect(identities.get(marie)!.id).toBe(marie);
    expect(identities.get(marie)!.records.map((r) => r.externalId)).toEqual(['A-10023', 'A-3', byCard.externalId]);
    expect(identities.get(paul)).toEqual({ id: paul, records: [expect.objectContaining({ externalId: 'C-000124' })] });
    expect(owners).toEqual([paul, null, marie]);
    expect(holders).toEqual([marie, null, null]);
  });

  it('keeps aliases resolving after a chain of merges', async () => {
    const a = person({ system: 'eshop', externalId: 'A-1', email: 'a@x.fr' });
    const b = person({ system: 'crm', externalId: 'C-1', email: 'b@x.fr' });
    const c = person({ system: 'loyalty', externalId: '4000000000000001', card: '4000000000000001' });
    await store.observe([a, b, c]);
    const [ida, idb, idc] = await Promise.all([a, b, c].map(async (r) => (await store.customerOf(r.system, r.externalId))!));
    await store.observe([person({ system: 'eshop', externalId: 'A-2', email: 'b@x.fr', card: '4000000000000001' })]);
    expect(await store.resolve(idc)).toBe(idb);
    await store.observe([person({ system: 'crm', externalId: 'C-3', email: 'a@x.fr', card: '4000000000000001' })]);
    expect(await Promise.all([ida, idb, idc].map((id) => store.resolve(id)))).toEqual([ida, ida, ida]);
  });

  it('refreshes a record seen again with new keys and links it by them', async () => {
    await store.observe([shop, housemate]);
    await store.observe([{ ...housemate, email: shop.email }]);
    expect(await store.customerOf('crm', 'C-000124')).toBe(await store.customerOf('eshop', 'A-10023'));
    expect((await store.recordsOf((await store.customerOf('crm', 'C-000124'))!)).find((r) => r.system === 'crm')?.email).toBe(shop.email);
  });

  it('changes nothing when the same records are observed again', async () => {
    const records = [shop, loyalty, crm, housemate];
    await store.observe(records);
    const before = await snapshot(store, records);
    await store.observe(records);
    await store.observe([...records].reverse());
    expect(await snapshot(store, records)).toEqual(before);
  });

  it('knows nothing of unknown ids and records', async () => {
    expect(await store.resolve('cus_0000000000000000')).toBeNull();
    expect(await store.customerOf('eshop', 'A-404')).toBeNull();
    expect(await store.recordsOf('cus_0000000000000000')).toEqual([]);
    expect(await store.linkOf('eshop', 'A-404')).toBeNull();
  });
});

describe('two stores on one database (a restart, or another replica)', () => {
  it('keep the same customer ids', async () => {
    await store.observe([shop, loyalty, housemate]);
    const before = await snapshot(store, [shop, loyalty, housemate]);
    const reopened = await IdentityStore.open(db);
    expect(await snapshot(reopened, [shop, loyalty, housemate])).toEqual(before);
    await reopened.observe([shop, loyalty, housemate]);
    expect(await snapshot(reopened, [shop, loyalty, housemate])).toEqual(before);
  });

  it('link a record observed by both at once to one customer, each on its own pool (two replicas)', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = [openDatabase(url), openDatabase(url)];
    try {
      const [one, other] = [await IdentityStore.open(a), await IdentityStore.open(b)];
      for (let i = 0; i < 10; i++) {
        const newcomer = { ...shop, externalId: `A-9${i}`, email: `new${i}@example.fr`, phone: null };
        await Promise.all([
          one.observe([newcomer]),
          other.observe([newcomer]),
          other.observe([{ ...crm, externalId: `C-9${i}`, phone: null, email: newcomer.email }]),
        ]);
        const id = await one.customerOf('eshop', newcomer.externalId);
        expect(id).toMatch(CUSTOMER_ID);
        expect(await other.customerOf('crm', `C-9${i}`)).toBe(id);
        expect(await other.recordsOf(id!)).toHaveLength(2);
      }
      await Promise.all([one.observe([shop, crm]), other.observe([crm, shop]), other.observe([loyalty])]);
      const marie = await one.customerOf('eshop', 'A-10023');
      expect(await Promise.all([shop, loyalty, crm].map((r) => other.customerOf(r.system, r.externalId)))).toEqual([marie, marie, marie]);
      expect(await one.recordsOf(marie!)).toHaveLength(3);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('recordsOfMany', () => {
  it('answers every id asked, aliases included, in one call', async () => {
    await store.observe([shop, housemate]);
    const [a, b] = [(await store.customerOf('eshop', 'A-10023'))!, (await store.customerOf('crm', 'C-000124'))!];
    const found = await store.recordsOfMany([a, b, 'cus_unknown']);
    expect([...found.keys()]).toEqual([a, b, 'cus_unknown']);
    expect(found.get(a)).toEqual([shop]);
    expect(found.get(b)).toEqual([housemate]);
    expect(found.get('cus_unknown')).toEqual([]);
  });
});

describe('find', () => {
  let marie: string | null;
  let paul: string | null;
  beforeEach(async () => {
    await store.observe([shop, loyalty, crm, housemate]);
    [marie, paul] = [await store.customerOf('eshop', 'A-10023'), await store.customerOf('crm', 'C-000124')];
  });

  it('finds by email as typed', async () => expect(await store.find({ email: ' Marie.Lefevre@EXAMPLE.fr ' })).toEqual([marie]));
  it('finds by phone in national format', async () => expect(await store.find({ phone: '06 12 34 56 78' })).toEqual([marie, paul]));
  it('finds by card with spaces', async () => expect(await store.find({ card: '4000 1234 5678 1234' })).toEqual([marie]));
  it.each(['lefevre', 'LEFÈVRE', 'Marie Lefevre', 'lefèvre  marie'])('finds by name %j', async (name) =>
    expect(await store.find({ name })).toEqual([marie]),
  );
  it('requires every criterion given', async () => {
    expect(await store.find({ phone: '+33612345678', name: 'Martin' })).toEqual([paul]);
    expect(await store.find({ email: shop.email, name: 'Martin' })).toEqual([]);
  });
  it('finds no one without a usable criterion', async () => {
    expect(await store.find({})).toEqual([]);
    expect(await store.find({ email: '  ', name: null })).toEqual([]);
    expect(await store.find({ card: '1234' })).toEqual([]);
  });
});

describe('manual decisions', () => {
  it('detaches a record, records who did it, and never re-merges it automatically', async () => {
    await store.observe([shop, loyalty, crm]);
    const marie = (await store.customerOf('eshop', 'A-10023'))!;

    const detached = await store.unlink(marie, 'crm', 'C-000123', 'agent-7');

    expect(detached).toMatch(CUSTOMER_ID);
    expect(detached).not.toBe(marie);
    expect(await store.customerOf('crm', 'C-000123')).toBe(detached);
    expect(await store.linkOf('crm', 'C-000123')).toMatchObject({ customerId: detached, reason: 'manual' });
    expect(await store.auditTrail(marie)).toEqual([
      {
        at: expect.any(String),
        actor: 'agent-7',
        action: 'unlink',
        record: { system: 'crm', externalId: 'C-000123' },
        fromCustomerId: marie,
        toCustomerId: detached,
      },
    ]);
    expect(await store.auditTrail(detached)).toHaveLength(1);

    await store.observe([shop, loyalty, crm]);
    expect(await store.customerOf('crm', 'C-000123')).toBe(detached);
    // a new record matching both sides joins the oldest and does not merge them
    const bridge = person({
      system: 'eshop',
      externalId: 'A-9',
      email: shop.email,
      phone: crm.phone,
      firstName: 'Marie',
      lastName: 'Lefevre',
    });
    await store.observe([bridge]);
    expect(await store.customerOf('eshop', 'A-9')).toBe(marie);
    expect(await store.customerOf('crm', 'C-000123')).toBe(detached);
    expect(await store.resolve(detached)).toBe(detached);
  });

  it('moves with a detached record everything that came only through it', async () => {
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
    await store.observe([shop, loyalty, crm, anne, anneCrm]);
    const marie = (await store.customerOf('eshop', 'A-10023'))!;
    expect(await store.customerOf('crm', 'C-000300')).toBe(marie);

    const detached = await store.unlink(marie, 'loyalty', anne.externalId, 'agent-7');

    expect((await store.recordsOf(detached)).map((r) => r.externalId)).toEqual(['C-000300', anne.externalId]);
    expect((await store.recordsOf(marie)).map((r) => r.externalId)).toEqual(['C-000123', 'A-10023', loyalty.externalId]);
    expect((await store.auditTrail(detached)).map((d) => [d.action, d.record.externalId])).toEqual([
      ['unlink', anne.externalId],
      ['unlink', 'C-000300'],
    ]);
    await store.observe([shop, loyalty, crm, anne, anneCrm]);
    expect(await store.customerOf('crm', 'C-000300')).toBe(detached);
    expect(await store.customerOf('loyalty', anne.externalId)).toBe(detached);
  });

  it('moves one record to another customer and keeps it there', async () => {
    await store.observe([shop, loyalty, housemate]);
    const marie = (await store.customerOf('eshop', 'A-10023'))!;
    const paul = (await store.customerOf('crm', 'C-000124'))!;

    expect(await store.link(paul, 'loyalty', loyalty.externalId, 'agent-7')).toBe(paul);

    expect(await store.customerOf('loyalty', loyalty.externalId)).toBe(paul);
    expect(await store.customerOf('eshop', 'A-10023')).toBe(marie);
    expect(await store.auditTrail(paul)).toMatchObject([{ action: 'link', fromCustomerId: marie, toCustomerId: paul }]);
    await store.observe([shop, loyalty, housemate]);
    expect(await store.customerOf('loyalty', loyalty.externalId)).toBe(paul);
    expect(await store.resolve(marie)).toBe(marie);

    // the agent changes their mind: the latest decision wins and holds
    expect(await store.link(marie, 'loyalty', loyalty.externalId, 'agent-8')).toBe(marie);
    await store.observe([shop, loyalty, housemate]);
    expect(await store.customerOf('loyalty', loyalty.externalId)).toBe(marie);
    expect(await store.customerOf('crm', 'C-000124')).toBe(paul);
    expect((await store.auditTrail(paul)).map((d) => d.actor)).toEqual(['agent-7', 'agent-8']);
  });

  it('makes a customer left without records an alias of the one its last record went to', async () => {
    await store.observe([shop, housemate]);
    const [marie, paul] = [(await store.customerOf('eshop', 'A-10023'))!, (await store.customerOf('crm', 'C-000124'))!];
    await store.link(marie, 'crm', 'C-000124', 'agent-7');
    expect(await store.resolve(paul)).toBe(marie);
  });

  it('leaves a record alone in its customer where it is', async () => {
    await store.observe([shop]);
    const marie = (await store.customerOf('eshop', 'A-10023'))!;
    expect(await store.unlink(marie, 'eshop', 'A-10023', 'agent-7')).toBe(marie);
    expect(await store.auditTrail(marie)).toEqual([]);
  });

  it('refuses unknown customers and records, and a record of another customer', async () => {
    await store.observe([shop, housemate]);
    const marie = (await store.customerOf('eshop', 'A-10023'))!;
    const code = async (f: () => Promise<unknown>) => {
      try {
        await f();
      } catch (err) {
        return (err as { extensions?: { code?: string } }).extensions?.code;
      }
      return 'no error';
    };
    expect(await code(() => store.link('cus_0000000000000000', 'eshop', 'A-10023', 'a'))).toBe('NOT_FOUND');
    expect(await code(() => store.link(marie, 'eshop', 'A-404', 'a'))).toBe('NOT_FOUND');
    expect(await code(() => store.unlink(marie, 'crm', 'C-000124', 'a'))).toBe('BAD_USER_INPUT');
  });
});

describe('at scale', () => {
  it('matches through indexes only: no statement scans the records or the customers', async () => {
    const seen: string[] = [];
    let tracing = false;
    const url = await freshDatabaseUrl();
    const bigDb = openDatabase(url, { trace: (sql) => tracing && seen.push(sql) });
    const big = await IdentityStore.open(bigDb);
    const digits = (i: number, width: number) => String(i).padStart(width, '0');
    const records = Array.from({ length: 1000 }, (_, i): PersonRecord[] => [
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
    await big.observe(records);
    expect(new Set(await Promise.all(records.map((r) => big.customerOf(r.system, r.externalId)))).size).toBe(1000);

    tracing = true;
    await big.observe([
      person({ system: 'crm', externalId: 'C-1', email: 'client1@example.fr', card: '4000000000000002', lastName: 'Nom1' }),
      ...records.slice(0, 10),
    ]);
    const merged = (await big.customerOf('crm', 'C-1'))!;
    await big.find({ email: 'client3@example.fr', phone: '06 00 00 00 03', card: '4000000000000003', name: 'jean nom3' });
    await big.recordsOfMany([merged, (await big.customerOf('eshop', 'A-7'))!]);
    await big.identitiesOf([merged, 'cus_0000000000000000']);
    await big.customersOfRecords([
      { system: 'crm', externalId: 'C-1' },
      { system: 'eshop', externalId: 'A-7' },
    ]);
    await big.customersOfCards(['4000000000000002', '4000000000000003']);
    const detached = await big.unlink(merged, 'crm', 'C-1', 'agent');
    await big.link(merged, 'crm', 'C-1', 'agent');
    await big.auditTrail(detached);
    await big.linkOf('crm', 'C-1');
    tracing = false;

    // Plans for any values of the parameters (generic), with scans made the last resort: a table
    // still scanned has no index that serves the statement, whatever its size.
    const statements = new Set(seen.filter((text) => /^\s*(SELECT|UPDATE|DELETE|INSERT)/i.test(text) && !/advisory/.test(text)));
    const plans = await bigDb.transaction(async (tx) => {
      await tx.run('SET LOCAL enable_seqscan = off');
      const explained: { sql: string; plan: string }[] = [];
      for (const sql of statements) {
        const rows = await tx.rows<{ 'QUERY PLAN': string }>(`EXPLAIN (GENERIC_PLAN) ${sql}`);
        explained.push({ sql, plan: rows.map((row) => row['QUERY PLAN']).join('\n') });
      }
      return explained;
    });
    await bigDb.close();
    expect(plans.length).toBeGreaterThan(20);
    const scans = plans.filter(({ plan }) => /Seq Scan on (records|customers)\b/.test(plan)).map(({ sql, plan }) => `${plan}\nin ${sql}`);
    expect(scans).toEqual([]);
    expect(plans.some(({ plan }) => /records_email/.test(plan))).toBe(true);
  });
});

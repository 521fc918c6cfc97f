import type { CrmContact } from '../../../adapters/crm/wire';
import type { EshopAccount } from '../../../adapters/eshop/wire';
import type { LoyaltyMember } from '../../../adapters/loyalty/wire';
import { IndexCursors } from '../../../domain/identity/index-cursors';
import { IdentityIndex, startIndexing, type IndexSources } from '../../../domain/identity/indexer';
import { IdentityStore } from '../../../domain/identity/store';
import type { Db } from '../../../platform/db';
import { freshDb } from '../../databases';
import { createLogger } from '../../../platform/logging';

const accountOf = (n: number, over: Partial<EshopAccount> = {}): EshopAccount => ({
  id: `A-${n}`,
  email: `client${n}@example.fr`,
  first_name: 'Jean',
  last_name: `Nom${n}`,
  phone: `06000${n}`.slice(0, 10),
  loyalty_card: null,
  created_at: '2026-01-01T00:00:00Z',
  ...over,
});
const contactOf = (n: number): CrmContact => ({
  id: `C-${String(n).padStart(6, '0')}`,
  first_name: 'Anne',
  last_name: `Crm${n}`,
  phone: '07 00 00 00 01',
  email: null,
  created_at: 1_700_000_000,
});
const memberOf = (card: string): LoyaltyMember => ({
  card_number: card,
  email: 'Client10002@example.fr',
  phone_e164: '+33700000099',
  first_name: 'Jean',
  last_name: 'Nom10002',
  tier: 'GOLD',
  points_balance: 10,
  enrolled_at: '2026-01-01T00:00:00Z',
});

/** Silos holding the given accounts and contacts, counting the calls made to them. */
function silos(accounts: EshopAccount[], contacts: CrmContact[], fail: { crm?: boolean; loyalty?: boolean } = {}) {
  const calls = { eshop: 0, crm: 0, loyalty: 0 };
  const sources: IndexSources = {
    eshop: {
      getAccount: (id) => {
        calls.eshop += 1;
        return Promise.resolve(accounts.find((a) => a.id === id) ?? null);
      },
    },
    crm: {
      getContactsMany: (ids) => {
        calls.crm += 1;
        if (fail.crm) return Promise.reject(new Error('crm down'));
        return Promise.resolve(ids.map((id) => contacts.find((c) => c.id === id) ?? null));
      },
    },
    loyalty: {
      batchGetMembers: (cards) => {
        calls.loyalty += 1;
        if (fail.loyalty) return Promise.reject(new Error('loyalty down'));
        return Promise.resolve(cards.map(memberOf));
      },
    },
  };
  return { sources, calls };
}

let db: Db;
let store: IdentityStore;
let cursors: IndexCursors;
beforeEach(async () => {
  db = await freshDb();
  store = await IdentityStore.open(db);
  cursors = await IndexCursors.open(db);
});

describe('the index cursors', () => {
  it('never go backwards: a replica that read less does not undo what another read', async () => {
    await cursors.save('eshop', 10_040, new Date());
    await cursors.save('eshop', 10_020, new Date());
    expect(await cursors.lastNumber('eshop')).toBe(10_040);
  });
});

describe('the identity index', () => {
  it('reads every account and contact, and the members of the cards typed on accounts, into the store', async () => {
    const accounts = [accountOf(10001), accountOf(10002, { loyalty_card: '4000 1234 5678 1234' }), accountOf(10004)];
    const { sources, calls } = silos(accounts, [contactOf(101), contactOf(102)]);
    const index = new IdentityIndex(sources, store, cursors);

    expect(await index.catchUp()).toEqual({ accounts: 3, contacts: 2, members: 1 });

    expect(await store.find({ phone: '06 00 01 00 04' })).toEqual([await store.customerOf('eshop', 'A-10004')]);
    expect(await store.find({ name: 'Anne Crm102' })).toEqual([await store.customerOf('crm', 'C-000102')]);
    expect(await store.customerOf('loyalty', '4000123456781234')).toMatch(/^cus_/);
    expect(await store.customerOf('loyalty', '4000123456781234')).toBe(await store.customerOf('eshop', 'A-10002'));
    // batches of 20 numbers until 20 in a row are missing: A-10001 to A-10040, C-000101 to C-000140
    expect(calls).toEqual({ eshop: 40, crm: 2, loyalty: 1 });
  });

  it('reads only what was numbered since its last pass, also after a restart', async () => {
    const accounts = [accountOf(10001)];
    const { sources, calls } = silos(accounts, [contactOf(101)]);
    await new IdentityIndex(sources, store, cursors).catchUp();
    accounts.push(accountOf(10002));
    Object.assign(calls, { eshop: 0, crm: 0, loyalty: 0 });

    const restarted = new IdentityIndex(sources, await IdentityStore.open(db), await IndexCursors.open(db));
    expect(await restarted.catchUp()).toEqual({ accounts: 1, contacts: 0, members: 0 });
    expect(calls).toEqual({ eshop: 40, crm: 1, loyalty: 0 });
  });

  it('keeps what it read of one silo when another fails, and resumes the failed one at the next pass', async () => {
    const contacts = [contactOf(101)];
    const down = silos([accountOf(10001)], contacts, { crm: true });
    const index = new IdentityIndex(down.sources, store, cursors);
    await expect(index.catchUp()).rejects.toThrow('crm down');
    expect(await store.customerOf('eshop', 'A-10001')).not.toBeNull();
    await index.caughtUp(); // a failed first pass does not hold look-ups back

    const up = silos([accountOf(10001)], contacts);
    expect(await new IdentityIndex(up.sources, store, cursors).catchUp()).toEqual({ accounts: 0, contacts: 1, members: 0 });
  });

  it('is complete once a pass has read every silo to its end: not after a failed one, and waits only for a pass under way', async () => {
    const contacts = [contactOf(101)];
    const down = silos([accountOf(10001)], contacts, { crm: true });
    const index = new IdentityIndex(down.sources, store, cursors);
    const waited: unknown[] = [];
    const wait = async (pass: Promise<unknown>) => void waited.push(await pass.catch((err: Error) => err.message));
    expect(await index.complete(wait)).toBe(false); // no pass yet: nothing to wait for
    const failing = index.catchUp();
    expect(await index.complete(wait)).toBe(false);
    await expect(failing).rejects.toThrow('crm down');
    expect(await index.complete(wait)).toBe(false); // failed: no pass under way now
    expect(waited).toEqual(['crm down']);

    const up = new IdentityIndex(silos([accountOf(10001)], contacts).sources, store, cursors);
    void up.catchUp();
    expect(await up.complete(wait)).toBe(true);
    expect(await up.complete(wait)).toBe(true);
    expect(waited).toHaveLength(2);
  });

  it('reads the members of the cards of accounts read while loyalty was down at the next pass', async () => {
    const accounts = [accountOf(10001), accountOf(10002, { loyalty_card: '4000 1234 5678 1234' })];
    const down = silos(accounts, [contactOf(101)], { loyalty: true });
    await expect(new IdentityIndex(down.sources, store, cursors).catchUp()).rejects.toThrow('loyalty down');
    expect(await store.customerOf('eshop', 'A-10002')).not.toBeNull();

    const up = silos(accounts, [contactOf(101)]);
    expect(await new IdentityIndex(up.sources, store, cursors).catchUp()).toMatchObject({ members: 1 });
    expect(await store.customerOf('loyalty', '4000123456781234')).toBe(await store.customerOf('eshop', 'A-10002'));
  });

  it('runs one pass at a time: a call during a pass shares it', async () => {
    const { sources, calls } = silos([accountOf(10001)], []);
    const index = new IdentityIndex(sources, store, cursors);
    const [a, b] = [index.catchUp(), index.catchUp()];
    expect(await a).toBe(await b);
    expect(calls.crm).toBe(1);
  });

  it('passes at start and at each tick, and stops after the pass under way', async () => {
    const { sources, calls } = silos([accountOf(10001)], []);
    const index = new IdentityIndex(sources, store, cursors);
    let tick: () => void = () => undefined;
    let stopped = false;
    const stop = startIndexing(index, 60_000, createLogger('silent'), (run, ms) => {
      expect(ms).toBe(60_000);
      tick = run;
      return () => (stopped = true);
    });
    await index.caughtUp();
    expect(calls.crm).toBe(1);
    tick();
    await stop();
    expect(stopped).toBe(true);
    expect(calls.crm).toBe(2);
  });
});

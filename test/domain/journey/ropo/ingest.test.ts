// Incremental ingestion, through RopoService, against in-memory legacy systems: what is read the
// first time, what a catch-up reads again (only what may have changed), and backfilling.
import { freshDatabaseUrl } from '../../../databases';
import { openDatabase, type Db } from '../../../../platform/db';
import { IdentityStore } from '../../../../domain/identity/store';
import { createLogger } from '../../../../platform/logging';
import { RopoService } from '../../../../domain/journey/ropo';
import { fakeCatalog, FakeLegacy } from './fake-legacy';

const CARD = '4000000000000001';
const PRINTED = '4000 0000 0000 0001';
const HOUR_MS = 3_600_000;
const FROM = new Date('2026-03-08T00:00:00Z');
const TO = new Date('2026-03-11T00:00:00Z');

let legacy: FakeLegacy;
let now: Date;
let service: RopoService;
/** a second replica's service: its own pool on the same database, the same legacy systems */
let replica: () => Promise<RopoService>;

const opened: Db[] = [];
afterAll(() => Promise.all(opened.map((db) => db.close())));

/** Paris days from `first` to `last`, as receipt ids of sequence `seq`. */
function receiptIds(first: string, last: string, seq = 1): string[] {
  const ids: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d <= new Date(`${last}T00:00:00Z`); d = new Date(d.getTime() + 24 * HOUR_MS)) {
    ids.push(`ST001-${d.toISOString().slice(0, 10).replace(/-/g, '')}-${String(seq).padStart(4, '0')}`);
  }
  return ids;
}

const numbered = (prefix: string, first: number, count: number, width = 0) =>
  Array.from({ length: count }, (_, i) => `${prefix}${String(first + i).padStart(width, '0')}`);

beforeEach(async () => {
  legacy = new FakeLegacy();
  // Anne: a loyalty card, typed on her e-shop account too; Bob: an account and no card.
  legacy.members.push({
    card_number: CARD,
    email: ' Anne@Example.com',
    phone_e164: '+33611111111',
    first_name: 'Anne',
    last_name: 'Martin',
    tier: 'BASIC',
    points_balance: 0,
    enrolled_at: '2025-01-01T00:00:00Z',
  });
  legacy.account(10001, 'anne@example.com', '4000-0000-0000-0001');
  legacy.account(10002, 'bob@example.com', null);
  legacy.receipt('2026-03-08', 1, '10:00:00', PRINTED, ['E1']);
  legacy.receipt('2026-03-08', 2, '11:00:00', null, ['E2']);
  legacy.receipt('2026-03-10', 1, '09:00:00', PRINTED, ['E2']);
  legacy.order('W-2026-000001', 'A-10001', '2026-03-09T10:00:00Z', 'web', ['SKU-3']);
  legacy.order('W-2026-000002', 'A-10002', '2026-03-09T11:00:00Z', 'web', ['SKU-3']);
  // numbers 3 to 7 were never used
  legacy.order('W-2026-000008', 'A-10001', '2026-03-09T12:00:00Z', 'phone', ['SKU-4']);
  legacy.events.push(
    { account_id: 'A-10001', type: 'product_view', sku: 'SKU-1', store_code: null, at: '2026-03-05T10:00:00Z' },
    { account_id: 'A-10001', type: 'add_to_cart', sku: 'SKU-2', store_code: null, at: '2026-03-06T10:00:00Z' },
    { account_id: 'A-10002', type: 'product_view', sku: 'SKU-2', store_code: null, at: '2026-03-07T10:00:00Z' },
  );
  now = new Date('2026-03-10T12:00:00Z');
  const url = await freshDatabaseUrl();
  const open = async () => {
    const db = openDatabase(url);
    opened.push(db);
    const deps = {
      ...legacy.sources(),
      identity: await IdentityStore.open(db),
      catalog: fakeCatalog(5),
      db,
      logger: createLogger('silent'),
    };
    return RopoService.open(deps, { ingestTtlMs: HOUR_MS, concurrency: 4, now: () => now });
  };
  service = await open();
  replica = open;
});

describe('two replicas', () => {
  it('asked at once: one ingestion, the other waits for it and reports on what it wrote', async () => {
    const other = await replica();
    const [a, b] = await Promise.all([service.report(FROM, TO, 7), other.report(FROM, TO, 7)]);
    expect(b).toEqual(a);
    expect(legacy.callsOf('members')).toEqual([CARD]);
    const pos = legacy.callsOf('pos');
    expect(new Set(pos).size).toBe(pos.length);
  });
});

describe('the first report', () => {
  it('reads every store-day of the period and its lookback, each id sequence to a run of 20 missing numbers, members in one batch, and events of carded customers only', async () => {
    const report = await service.report(FROM, TO, 7);

    // from 2026-02-28 (a day more than the lookback), each day up to its first missing receipt
    const days = receiptIds('2026-02-28', '2026-03-10');
    expect(legacy.callsOf('pos').sort()).toEqual([...days, 'ST001-20260308-0002', 'ST001-20260308-0003', 'ST001-20260310-0002'].sort());
    expect(legacy.callsOf('order').sort()).toEqual(numbered('W-2026-', 1, 40, 6));
    expect(legacy.callsOf('account').sort()).toEqual(numbered('A-', 10001, 40));
    expect(legacy.callsOf('members')).toEqual([CARD]);
    // Bob has no card: his browsing cannot make a store purchase ROPO.
    expect(legacy.callsOf('events')).toEqual(['A-10001 2026-02-28T00:00:00.000Z']);

    // Anne's card on the receipt reaches her account's browsing and web orders.
    expect(report).toMatchObject({ storePurchases: 3, ropoPurchases: 1, webPurchases: 2, showroomingPurchases: 1 });
    const none = { storePurchases: 0, ropoPurchases: 0, ropoRate: 0, storeRevenueCents: 0, ropoRevenueCents: 0 };
    const noWeb = { webPurchases: 0, showroomingPurchases: 0, showroomingRate: 0, webRevenueCents: 0, showroomingRevenueCents: 0 };
    const cat1 = { storePurchases: 1, ropoPurchases: 1, ropoRate: 1, storeRevenueCents: 1000, ropoRevenueCents: 1000 };
    const cat2 = { ...none, storePurchases: 2, storeRevenueCents: 2000 };
    // Anne's order follows her visit the day before; Bob has no card
    const cat3 = { webPurchases: 2, showroomingPurchases: 1, showroomingRate: 0.5, webRevenueCents: 2000, showroomingRevenueCents: 1000 };
    expect(report.byCategory).toEqual([
      { category: 'cat-1', ...cat1, ...noWeb },
      { category: 'cat-2', ...cat2, ...noWeb },
      { category: 'cat-3', ...none, ...cat3 },
    ]);
    expect(report.byStore).toEqual([
      {
        storeId: 'ST001',
        storePurchases: 3,
        ropoPurchases: 1,
        ropoRate: 1 / 3,
        showroomingPurchases: 1,
        storeRevenueCents: 3000,
        ropoRevenueCents: 1000,
      },
    ]);
    // Sunday 8 March (Paris) ends the week of Monday 2 March; the week of Monday 9 March holds the rest
    expect(report.byWeek).toEqual([
      { weekStart: '2026-03-01T23:00:00.000Z', ...cat1, storePurchases: 2, ropoRate: 0.5, storeRevenueCents: 2000, ...noWeb },
      { weekStart: '2026-03-08T23:00:00.000Z', ...none, storePurchases: 1, storeRevenueCents: 1000, ...cat3 },
    ]);
  });

  it('counts what was paid for each line, and not the receipt of a click-and-collect hand-over', async () => {
    // a discount of 1.00 on three lines of 1.00: 0.33 off each, and the last takes what is left
    legacy.order('W-2026-000003', 'A-10002', '2026-03-09T13:00:00Z', 'web', ['SKU-4', 'SKU-5', 'SKU-5']);
    const order = legacy.orders.get('W-2026-000003')!;
    order.lines = order.lines.map((l) => ({ ...l, unit_price: '1.00' }));
    Object.assign(order, { discount: '1.00', total: '2.00' });
    // the till took 5.00 off two lines of 10.00
    legacy.receipt('2026-03-09', 1, '16:00:00', PRINTED, ['E4', 'E4']);
    legacy.receipts.get('ST001-20260309-0001')!.total_cents = 1500;
    // the POS's receipt for handing the order over: bought on the web
    legacy.receipt('2026-03-09', 2, '17:00:00', null, ['E4', 'E5', 'E5']);
    legacy.receipts.get('ST001-20260309-0002')!.ref = 'W-2026-000003';

    const report = await service.report(FROM, TO, 7);
    expect(report).toMatchObject({ storePurchases: 5, storeRevenueCents: 3000 + 1500, webPurchases: 5, webRevenueCents: 2000 + 200 });
    expect(report.byCategory.find((c) => c.category === 'cat-4')).toMatchObject({
      storePurchases: 2,
      storeRevenueCents: 1500,
      webRevenueCents: 67,
    });
    expect(report.byCategory.find((c) => c.category === 'cat-5')).toMatchObject({
      storePurchases: 0,
      webPurchases: 2,
      webRevenueCents: 67 + 66,
    });
  });
});

describe('catching up', () => {
  it('asks nothing within the TTL; after it, reads only open days from their last receipt, numbers after the last found, and the events of customers who shopped since', async () => {
    await service.report(FROM, TO, 7);
    legacy.calls.length = 0;
    now = new Date('2026-03-10T12:30:00Z');
    await service.report(FROM, TO, 7);
    expect(legacy.calls).toEqual([]);

    legacy.events.push({ account_id: 'A-10001', type: 'product_view', sku: 'SKU-3', store_code: null, at: '2026-03-10T15:00:00Z' });
    legacy.receipt('2026-03-10', 2, '18:00:00', PRINTED, ['E3']);
    legacy.order('W-2026-000009', 'A-10001', '2026-03-10T16:00:00Z', 'web', ['SKU-1']);
    legacy.account(10003, 'carl@example.com', null);
    now = new Date('2026-03-10T19:00:00Z');
    const report = await service.report(FROM, TO, 7);

    expect(legacy.callsOf('pos').sort()).toEqual(['ST001-20260310-0002', 'ST001-20260310-0003']);
    expect(legacy.callsOf('order').sort()).toEqual(numbered('W-2026-', 9, 40, 6));
    expect(legacy.callsOf('account').sort()).toEqual(numbered('A-', 10003, 40));
    expect(legacy.callsOf('members')).toEqual([]);
    // from the newest event held: the answer repeats it, and it is kept once
    expect(legacy.callsOf('events')).toEqual(['A-10001 2026-03-06T10:00:00.000Z']);
    expect(report).toMatchObject({ storePurchases: 4, ropoPurchases: 2, showroomingPurchases: 2 });

    legacy.calls.length = 0;
    now = new Date('2026-03-11T12:00:00Z');
    expect(await service.report(FROM, TO, 7)).toEqual(report);
    // yesterday resumed after its last receipt, and today; Anne has not shopped since her events were read
    expect(legacy.callsOf('pos').sort()).toEqual(['ST001-20260310-0003', 'ST001-20260311-0001']);
    expect(legacy.callsOf('events')).toEqual([]);
  });

  it('reads, for a report reaching further back, only the days, years and events before what it holds', async () => {
    await service.report(FROM, TO, 7);
    legacy.calls.length = 0;
    legacy.order('W-2025-000001', 'A-10001', '2025-12-30T10:00:00Z', 'web', ['SKU-2']);
    now = new Date('2026-03-10T12:30:00Z');
    await service.report(new Date('2026-01-05T00:00:00Z'), TO, 7);

    expect(legacy.callsOf('pos').sort()).toEqual([...receiptIds('2025-12-28', '2026-02-27'), 'ST001-20260310-0002'].sort());
    expect(legacy.callsOf('order').filter((id) => id.startsWith('W-2025-'))).toEqual(numbered('W-2025-', 1, 40, 6));
    expect(legacy.callsOf('events')).toEqual(['A-10001 2025-12-28T00:00:00.000Z']);
  });

  it('reads again a store-day whose reading failed, and not the days read in full', async () => {
    legacy.failing.add('ST001-20260309-0001');
    await expect(service.report(FROM, TO, 7)).rejects.toThrow('POS down');
    legacy.calls.length = 0;
    const report = await service.report(FROM, TO, 7);
    expect(legacy.callsOf('pos')).toEqual(['ST001-20260309-0001', 'ST001-20260310-0002']);
    expect(report).toMatchObject({ storePurchases: 3, ropoPurchases: 1, showroomingPurchases: 1 });
  });
});

// computeRopo on hand-built timelines whose answers are known.
import {
  computeRopo,
  UNKNOWN_CATEGORY,
  type BrowsingEvent,
  type RopoInput,
  type StoreLine,
  type WebLine,
} from '../../../../domain/journey/ropo';

const FROM = new Date('2026-03-01T00:00:00Z');
const TO = new Date('2026-11-01T00:00:00Z');
const ANNE = 'cus_anne';
const BOB = 'cus_bob';

let receipts = 0;
const bought = (
  at: string,
  customerId: string | null,
  sku: string | null = 'SKU-1',
  category: string | null = 'lamps',
  store = 'ST001',
  paidCents = 1000,
): StoreLine => ({
  receiptId: `${store}-${++receipts}`,
  at,
  store,
  customerId,
  sku,
  category,
  paidCents,
});
const viewed = (at: string, customerId = ANNE, sku = 'SKU-1', type: BrowsingEvent['type'] = 'product_view'): BrowsingEvent => ({
  customerId,
  type,
  sku,
  at,
});
const ordered = (
  at: string,
  customerId: string | null = ANNE,
  origin: WebLine['origin'] = 'web',
  sku = 'SKU-2',
  category = 'lamps',
  paidCents = 500,
): WebLine => ({
  orderId: `W-2026-${++receipts}`,
  at,
  customerId,
  origin,
  sku,
  category,
  paidCents,
});

const report = (input: Partial<RopoInput>) =>
  computeRopo({ from: FROM, to: TO, lookbackDays: 7, storeLines: [], webLines: [], browsing: [], ...input });

const PURCHASE = '2026-05-10T12:00:00.000Z';

describe('ropoPurchases', () => {
  it('counts a view three days before the purchase with a 7-day lookback, not with a 2-day one', () => {
    const input = { storeLines: [bought(PURCHASE, ANNE)], browsing: [viewed('2026-05-07T12:00:00.000Z')] };
    expect(report({ ...input, lookbackDays: 7 })).toMatchObject({ storePurchases: 1, ropoPurchases: 1, ropoRate: 1 });
    expect(report({ ...input, lookbackDays: 2 })).toMatchObject({ storePurchases: 1, ropoPurchases: 0, ropoRate: 0 });
  });

  it('counts an availability check as research, not an add to cart', () => {
    const line = bought(PURCHASE, ANNE);
    expect(
      report({ storeLines: [line], browsing: [viewed('2026-05-09T12:00:00.000Z', ANNE, 'SKU-1', 'availability_check')] }).ropoPurchases,
    ).toBe(1);
    expect(report({ storeLines: [line], browsing: [viewed('2026-05-09T12:00:00.000Z', ANNE, 'SKU-1', 'add_to_cart')] }).ropoPurchases).toBe(
      0,
    );
  });

  it('does not count a view of another product, or of the same product by someone else', () => {
    const storeLines = [bought(PURCHASE, ANNE)];
    expect(report({ storeLines, browsing: [viewed('2026-05-09T12:00:00.000Z', ANNE, 'SKU-9')] }).ropoPurchases).toBe(0);
    expect(report({ storeLines, browsing: [viewed('2026-05-09T12:00:00.000Z', BOB)] }).ropoPurchases).toBe(0);
  });

  it('does not count a view after the purchase, nor one at its very instant', () => {
    const storeLines = [bought(PURCHASE, ANNE)];
    expect(report({ storeLines, browsing: [viewed('2026-05-10T12:00:01.000Z')] }).ropoPurchases).toBe(0);
    expect(report({ storeLines, browsing: [viewed(PURCHASE)] }).ropoPurchases).toBe(0);
  });

  it('counts the view that opens the window, at the same wall time N days earlier, and not the one just before', () => {
    const storeLines = [bought(PURCHASE, ANNE)];
    expect(report({ storeLines, browsing: [viewed('2026-05-03T12:00:00.000Z')] }).ropoPurchases).toBe(1);
    expect(report({ storeLines, browsing: [viewed('2026-05-03T11:59:59.999Z')] }).ropoPurchases).toBe(0);
  });

  it('cannot count a purchase without a card (no customer), though it is a store purchase', () => {
    const r = report({ storeLines: [bought(PURCHASE, null)], browsing: [viewed('2026-05-09T12:00:00.000Z')] });
    expect(r).toMatchObject({ storePurchases: 1, ropoPurchases: 0 });
  });

  it('counts lines, each on its own product', () => {
    const storeLines = [bought(PURCHASE, ANNE, 'SKU-1'), bought(PURCHASE, ANNE, 'SKU-2'), bought(PURCHASE, ANNE, 'SKU-3')];
    const browsing = [viewed('2026-05-09T12:00:00.000Z', ANNE, 'SKU-1'), viewed('2026-05-08T12:00:00.000Z', ANNE, 'SKU-3')];
    expect(report({ storeLines, browsing })).toMatchObject({ storePurchases: 3, ropoPurchases: 2, ropoRate: 2 / 3 });
  });

  describe('at a DST change, the lookback counts Paris calendar days', () => {
    // Spring: 2026-03-29 has 23 hours in Paris. Noon on the 29th (10:00Z) looks back one day to
    // noon on the 28th (11:00Z): 23 hours.
    const springPurchase = [bought('2026-03-29T10:00:00.000Z', ANNE)];
    it('spring forward: the window is 23 hours', () => {
      expect(report({ lookbackDays: 1, storeLines: springPurchase, browsing: [viewed('2026-03-28T11:00:00.000Z')] }).ropoPurchases).toBe(1);
      expect(report({ lookbackDays: 1, storeLines: springPurchase, browsing: [viewed('2026-03-28T10:59:59.999Z')] }).ropoPurchases).toBe(0);
    });

    // Autumn: 2026-10-25 has 25 hours. Noon on the 25th (11:00Z) looks back to noon on the 24th (10:00Z).
    const autumnPurchase = [bought('2026-10-25T11:00:00.000Z', ANNE)];
    it('fall back: the window is 25 hours', () => {
      expect(report({ lookbackDays: 1, storeLines: autumnPurchase, browsing: [viewed('2026-10-24T10:00:00.000Z')] }).ropoPurchases).toBe(1);
      expect(report({ lookbackDays: 1, storeLines: autumnPurchase, browsing: [viewed('2026-10-24T09:59:59.999Z')] }).ropoPurchases).toBe(0);
    });
  });
});

describe('showroomingPurchases', () => {
  const ORDER = '2026-06-10T09:00:00.000Z';

  it('counts every line of a web order placed within the lookback after a carded store visit of the same customer', () => {
    const webLines = [ordered(ORDER, ANNE, 'web', 'SKU-2'), ordered(ORDER, ANNE, 'web', 'SKU-3')];
    expect(report({ storeLines: [bought('2026-06-07T15:00:00.000Z', ANNE)], webLines }).showroomingPurchases).toBe(2);
    expect(report({ storeLines: [bought('2026-06-01T15:00:00.000Z', ANNE)], webLines }).showroomingPurchases).toBe(0);
  });

  it('counts a store visit before the period that is within the lookback', () => {
    const r = report({ storeLines: [bought('2026-02-27T10:00:00.000Z', ANNE)], webLines: [ordered('2026-03-01T09:00:00.000Z')] });
    expect(r).toMatchObject({ storePurchases: 0, showroomingPurchases: 1 });
  });

  it("leaves out phone orders, visits after the order, other customers' visits and orders of no known customer", () => {
    const visit = bought('2026-06-08T10:00:00.000Z', ANNE);
    expect(report({ storeLines: [visit], webLines: [ordered(ORDER, ANNE, 'phone')] }).showroomingPurchases).toBe(0);
    expect(report({ storeLines: [bought('2026-06-10T09:00:00.000Z', ANNE)], webLines: [ordered(ORDER)] }).showroomingPurchases).toBe(0);
    expect(report({ storeLines: [visit], webLines: [ordered(ORDER, BOB)] }).showroomingPurchases).toBe(0);
    expect(report({ storeLines: [bought('2026-06-08T10:00:00.000Z', null)], webLines: [ordered(ORDER, null)] }).showroomingPurchases).toBe(
      0,
    );
  });
});

/** Every figure of a report, a category or a week with nothing in it. */
const NOTHING = {
  storePurchases: 0,
  ropoPurchases: 0,
  ropoRate: 0,
  webPurchases: 0,
  showroomingPurchases: 0,
  showroomingRate: 0,
  storeRevenueCents: 0,
  ropoRevenueCents: 0,
  webRevenueCents: 0,
  showroomingRevenueCents: 0,
};

describe('the period', () => {
  it('includes from and excludes to, for store and web purchases alike', () => {
    const r = report({
      storeLines: [bought(FROM.toISOString(), null), bought(TO.toISOString(), null), bought('2026-02-28T23:59:59.999Z', null)],
      webLines: [ordered(FROM.toISOString()), ordered(TO.toISOString())],
    });
    expect(r).toMatchObject({ from: FROM.toISOString(), to: TO.toISOString(), lookbackDays: 7, storePurchases: 1, webPurchases: 1 });
    expect(r.byCategory).toEqual([
      { ...NOTHING, category: 'lamps', storePurchases: 1, storeRevenueCents: 1000, webPurchases: 1, webRevenueCents: 500 },
    ]);
  });

  it('has rates of 0 and every week, empty, when there is no purchase', () => {
    const r = report({ from: new Date('2026-03-04T00:00:00Z'), to: new Date('2026-03-18T00:00:00Z') });
    expect(r).toEqual({
      from: '2026-03-04T00:00:00.000Z',
      to: '2026-03-18T00:00:00.000Z',
      lookbackDays: 7,
      ...NOTHING,
      byCategory: [],
      byStore: [],
      // Wednesday to Wednesday: three weeks, the first starting before the period (Monday 2 March, Paris)
      byWeek: ['2026-03-01T23:00:00.000Z', '2026-03-08T23:00:00.000Z', '2026-03-15T23:00:00.000Z'].map((weekStart) => ({
        weekStart,
        ...NOTHING,
      })),
    });
  });
});

describe('byCategory', () => {
  it('gives the same figures per category, by name, with unknown products apart', () => {
    const r = report({
      storeLines: [
        bought(PURCHASE, ANNE, 'SKU-1', 'lamps'),
        bought(PURCHASE, ANNE, 'SKU-5', 'lamps'),
        bought(PURCHASE, BOB, 'SKU-7', 'chairs'),
        bought(PURCHASE, ANNE, null, null),
      ],
      webLines: [
        ordered('2026-05-12T10:00:00.000Z', BOB, 'web', 'SKU-8', 'rugs'),
        ordered('2026-05-12T10:00:00.000Z', ANNE, 'phone', 'SKU-9', 'vases'),
      ],
      browsing: [viewed('2026-05-09T12:00:00.000Z', ANNE, 'SKU-1'), viewed('2026-05-09T12:00:00.000Z', BOB, 'SKU-7')],
    });
    expect(r).toMatchObject({ storePurchases: 4, ropoPurchases: 2, ropoRate: 0.5, webPurchases: 1, showroomingPurchases: 1 });
    const store = (n: number, ropo: number) => ({
      storePurchases: n,
      storeRevenueCents: n * 1000,
      ropoPurchases: ropo,
      ropoRevenueCents: ropo * 1000,
    });
    expect(r.byCategory).toEqual([
      { ...NOTHING, category: 'chairs', ...store(1, 1), ropoRate: 1 },
      { ...NOTHING, category: 'lamps', ...store(2, 1), ropoRate: 0.5 },
      {
        ...NOTHING,
        category: 'rugs',
        webPurchases: 1,
        webRevenueCents: 500,
        showroomingPurchases: 1,
        showroomingRevenueCents: 500,
        showroomingRate: 1,
      },
      { ...NOTHING, category: UNKNOWN_CATEGORY, ...store(1, 0) },
    ]);
  });
});

describe('web purchases and revenue', () => {
  it("counts web lines (not phone ones) as the showrooming share's denominator, and sums what was paid for each kind of line", () => {
    const r = report({
      storeLines: [
        bought('2026-06-01T10:00:00.000Z', ANNE, 'SKU-1', 'lamps', 'ST001', 1250),
        bought(PURCHASE, null, 'SKU-1', 'lamps', 'ST001', 99),
      ],
      webLines: [
        ordered('2026-06-03T10:00:00.000Z', ANNE, 'web', 'SKU-2', 'lamps', 700),
        ordered('2026-06-03T10:00:00.000Z', BOB, 'web', 'SKU-2', 'lamps', 300),
        ordered('2026-06-04T10:00:00.000Z', BOB, 'web', 'SKU-3', 'lamps', 40),
        ordered('2026-06-03T10:00:00.000Z', ANNE, 'phone', 'SKU-2', 'lamps', 10_000),
      ],
      browsing: [viewed('2026-05-30T10:00:00.000Z')],
    });
    expect(r).toMatchObject({
      storePurchases: 2,
      storeRevenueCents: 1349,
      ropoPurchases: 1,
      ropoRevenueCents: 1250,
      webPurchases: 3,
      webRevenueCents: 1040,
      showroomingPurchases: 1,
      showroomingRevenueCents: 700,
      showroomingRate: 1 / 3,
    });
  });
});

describe('byStore', () => {
  it("gives each store its purchases, and a showrooming purchase to the store of the customer's latest visit in the lookback", () => {
    const r = report({
      storeLines: [
        bought('2026-06-05T10:00:00.000Z', ANNE, 'SKU-1', 'lamps', 'ST002', 800),
        bought('2026-06-06T10:00:00.000Z', ANNE, 'SKU-1', 'lamps', 'ST001', 1200),
        // after the order: not the visit it follows
        bought('2026-06-09T10:00:00.000Z', ANNE, 'SKU-1', 'lamps', 'ST003', 100),
        // a visit before the period, within the lookback of an order of the period
        bought('2026-02-27T10:00:00.000Z', BOB, 'SKU-1', 'lamps', 'ST004', 100),
      ],
      webLines: [
        ordered('2026-06-08T10:00:00.000Z', ANNE),
        ordered('2026-06-08T10:00:00.000Z', ANNE),
        ordered('2026-03-01T10:00:00.000Z', BOB),
      ],
      browsing: [viewed('2026-06-04T10:00:00.000Z')],
    });
    const visits = (n: number, cents: number) => ({
      storePurchases: n,
      storeRevenueCents: cents,
      ropoPurchases: n,
      ropoRevenueCents: cents,
      ropoRate: 1,
    });
    const none = { storePurchases: 0, storeRevenueCents: 0, ropoPurchases: 0, ropoRevenueCents: 0, ropoRate: 0 };
    expect(r.byStore).toEqual([
      { storeId: 'ST001', ...visits(1, 1200), showroomingPurchases: 2 },
      { storeId: 'ST002', ...visits(1, 800), showroomingPurchases: 0 },
      { storeId: 'ST003', ...visits(1, 100), showroomingPurchases: 0 },
      { storeId: 'ST004', ...none, showroomingPurchases: 1 },
    ]);
    const sum = (key: 'storePurchases' | 'showroomingPurchases' | 'storeRevenueCents') => r.byStore.reduce((n, s) => n + s[key], 0);
    expect([sum('storePurchases'), sum('showroomingPurchases'), sum('storeRevenueCents')]).toEqual([
      r.storePurchases,
      r.showroomingPurchases,
      r.storeRevenueCents,
    ]);
  });
});

describe('byWeek', () => {
  const week = (r: ReturnType<typeof report>, weekStart: string) => r.byWeek.find((w) => w.weekStart === weekStart);

  it('starts weeks on Monday 00:00 in Paris across the spring change (a week of 167 hours)', () => {
    // Sunday 29 March 2026 has 23 hours: Monday 23 March starts at 22 March 23:00Z, Monday 30 March at 29 March 22:00Z.
    const r = report({
      from: new Date('2026-03-22T23:00:00Z'),
      to: new Date('2026-04-05T22:00:00Z'),
      storeLines: [
        bought('2026-03-22T23:00:00.000Z', null),
        bought('2026-03-29T21:59:59.999Z', null),
        bought('2026-03-29T22:00:00.000Z', null),
      ],
      webLines: [ordered('2026-03-29T22:30:00.000Z', null)],
    });
    expect(r.byWeek.map((w) => w.weekStart)).toEqual(['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(week(r, '2026-03-22T23:00:00.000Z')).toMatchObject({ storePurchases: 2, storeRevenueCents: 2000, webPurchases: 0 });
    expect(week(r, '2026-03-29T22:00:00.000Z')).toMatchObject({ storePurchases: 1, webPurchases: 1, webRevenueCents: 500 });
  });

  it('starts weeks on Monday 00:00 in Paris across the autumn change (a week of 169 hours), its part in the period only', () => {
    // Sunday 25 October 2026 has 25 hours: Monday 19 October starts at 18 October 22:00Z, Monday 26 October at 25 October 23:00Z.
    const r = report({
      from: new Date('2026-10-21T00:00:00Z'),
      to: new Date('2026-10-25T23:00:00Z'),
      storeLines: [
        bought('2026-10-20T10:00:00.000Z', null),
        bought('2026-10-25T22:30:00.000Z', null),
        bought('2026-10-26T23:00:00.000Z', null),
      ],
    });
    // the week of 26 October starts at `to`: it does not overlap the period
    expect(r.byWeek.map((w) => w.weekStart)).toEqual(['2026-10-18T22:00:00.000Z']);
    // 20 October is before `from`; 22:30Z on the 25th is 23:30 on Sunday in Paris
    expect(r.byWeek[0]).toMatchObject({ storePurchases: 1 });
  });

  it('adds up to the report, rates per week', () => {
    const r = report({
      storeLines: [bought('2026-05-04T10:00:00.000Z', ANNE), bought(PURCHASE, ANNE), bought(PURCHASE, null)],
      webLines: [ordered('2026-05-12T10:00:00.000Z'), ordered('2026-05-12T10:00:00.000Z', BOB)],
      browsing: [viewed('2026-05-09T12:00:00.000Z')],
    });
    const keys = Object.keys(NOTHING).filter((k) => !k.endsWith('Rate')) as (keyof typeof NOTHING)[];
    for (const key of keys) expect(r.byWeek.reduce((n, w) => n + w[key], 0)).toBe(r[key]);
    expect(week(r, '2026-05-03T22:00:00.000Z')).toMatchObject({ storePurchases: 3, ropoPurchases: 1, ropoRate: 1 / 3 });
    expect(week(r, '2026-05-10T22:00:00.000Z')).toMatchObject({ webPurchases: 2, showroomingPurchases: 1, showroomingRate: 0.5 });
  });
});

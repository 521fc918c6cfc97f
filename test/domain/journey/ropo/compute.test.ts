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
const bought = (at: string, customerId: string | null, sku: string | null = 'SKU-1', category: string | null = 'lamps'): StoreLine => ({
  receiptId: `ST001-${++receipts}`,
  at,
  customerId,
  sku,
  category,
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
): WebLine => ({
  orderId: `W-2026-${++receipts}`,
  at,
  customerId,
  origin,
  sku,
  category,
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

describe('the period', () => {
  it('includes from and excludes to, for store and web purchases alike', () => {
    const r = report({
      storeLines: [bought(FROM.toISOString(), null), bought(TO.toISOString(), null), bought('2026-02-28T23:59:59.999Z', null)],
      webLines: [ordered(FROM.toISOString()), ordered(TO.toISOString())],
    });
    expect(r).toMatchObject({ from: FROM.toISOString(), to: TO.toISOString(), lookbackDays: 7, storePurchases: 1 });
    expect(r.byCategory).toEqual([{ category: 'lamps', storePurchases: 1, ropoPurchases: 0, ropoRate: 0, showroomingPurchases: 0 }]);
  });

  it('has a rate of 0 when there is no store purchase', () => {
    expect(report({})).toEqual({
      from: FROM.toISOString(),
      to: TO.toISOString(),
      lookbackDays: 7,
      storePurchases: 0,
      ropoPurchases: 0,
      ropoRate: 0,
      showroomingPurchases: 0,
      byCategory: [],
    });
  });
});

describe('byCategory', () => {
  it('gives the same counts per category, by name, with unknown products apart', () => {
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
    expect(r).toMatchObject({ storePurchases: 4, ropoPurchases: 2, ropoRate: 0.5, showroomingPurchases: 1 });
    expect(r.byCategory).toEqual([
      { category: 'chairs', storePurchases: 1, ropoPurchases: 1, ropoRate: 1, showroomingPurchases: 0 },
      { category: 'lamps', storePurchases: 2, ropoPurchases: 1, ropoRate: 0.5, showroomingPurchases: 0 },
      { category: 'rugs', storePurchases: 0, ropoPurchases: 0, ropoRate: 0, showroomingPurchases: 1 },
      { category: UNKNOWN_CATEGORY, storePurchases: 1, ropoPurchases: 0, ropoRate: 0, showroomingPurchases: 0 },
    ]);
  });
});

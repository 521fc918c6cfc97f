// The engine's promises over random baskets, promotions of every kind and source, customers and
// stores: the same price in every channel unless the policy says otherwise, and every cent explained.
import fc from 'fast-check';
import type { Channel } from '../../../domain/types';
import { quote } from '../../../domain/pricing/engine';
import type { BasketLine, PricingContext, Promotion, Quote } from '../../../domain/pricing/model';
import { AT, policy, promotion } from './builders';

const CHANNELS: Channel[] = ['WEB', 'STORE', 'CALL_CENTER'];
const CATEGORIES = ['Jardin', 'Cuisine', 'Maison', 'Bain'];
const SKUS = ['SKU-1', 'SKU-2', 'SKU-3', 'SKU-4', 'SKU-5', 'SKU-6'];
const STORES = ['ST001', 'ST002', 'ST003'];
const CUSTOMERS = ['cus_1', 'cus_2'];
const CODES = ['A', 'B', 'C', 'GW-1'];
const HOUR_MS = 3_600_000;
const atMs = Date.parse(AT);

const lineArb: fc.Arbitrary<BasketLine> = fc.record({
  sku: fc.constantFrom(...SKUS),
  category: fc.constantFrom(...CATEGORIES),
  quantity: fc.integer({ min: 1, max: 10 }),
  listPriceCents: fc.integer({ min: 1, max: 100_000 }),
});

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
// Restrictions mostly absent, so that a good share of promotions do apply.
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

// Windows around `at`: most contain it, some are over, some to come, some start or end exactly at it.
const windowArb = fc.tuple(fc.integer({ min: -72, max: 12 }), fc.integer({ min: 1, max: 96 })).map(([fromHours, hours]) => ({
  validFrom: new Date(atMs + fromHours * HOUR_MS).toISOString(),
  validTo: new Date(atMs + (fromHours + hours) * HOUR_MS).toISOString(),
}));

const promotionArb = (index: number): fc.Arbitrary<Promotion> =>
  fc
    .record({
      source: fc.constantFrom('pos', 'eshop', 'loyalty', 'crm' as const),
      code: rarely(fc.constantFrom(...CODES)),
      kindAndValue: fc.oneof(
        fc.record({ kind: fc.constant('PERCENT' as const), value: fc.integer({ min: 1, max: 100 }) }),
        fc.record({ kind: fc.constant('AMOUNT' as const), value: fc.integer({ min: 1, max: 50_000 }) }),
        fc.record({ kind: fc.constant('SECOND_HALF_PRICE' as const), value: fc.integer({ min: 1, max: 100 }) }),
      ),
      level: fc.constantFrom('PRODUCT', 'BASKET' as const),
      skus: nullable(fc.subarray(SKUS, { minLength: 1 })),
      categories: nullable(fc.subarray(CATEGORIES, { minLength: 1 })),
      minBasketCents: rarely(fc.integer({ min: 0, max: 500_000 })),
      window: windowArb,
      tiers: rarely(fc.subarray(['BASIC', 'SILVER', 'GOLD'] as const, { minLength: 1 })),
      customerId: rarely(fc.constantFrom(...CUSTOMERS)),
      storeIds: rarely(fc.subarray(STORES, { minLength: 1 })),
      legacyChannels: nullable(fc.subarray(CHANNELS, { minLength: 1 })),
    })
    .map(({ source, kindAndValue, window, ...rest }) => promotion(`${source}:${index}`, { source, ...kindAndValue, ...window, ...rest }));

const promotionsArb = fc
  .integer({ min: 0, max: 12 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => promotionArb(i))));

const contextArb: fc.Arbitrary<Omit<PricingContext, 'channel'>> = fc.record({
  storeId: nullable(fc.constantFrom(...STORES)),
  customer: nullable(fc.record({ id: fc.constantFrom(...CUSTOMERS), tier: nullable(fc.constantFrom('BASIC', 'SILVER', 'GOLD' as const)) })),
  at: fc.constant(AT),
  promoCodes: fc.array(fc.constantFrom(...CODES, 'a', ' b ', 'ZZ'), { maxLength: 5 }),
});

const saleArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 20 }),
  promotions: promotionsArb,
  ctx: contextArb,
});

const everywhere = policy();
const RUNS = { numRuns: 300 };

function expectWholeCents(q: Quote): void {
  const amounts = [
    q.subtotalCents,
    q.discountCents,
    q.totalCents,
    q.loyaltyPointsEarned,
    ...q.lines.flatMap((l) => [l.lineTotalCents, l.discountCents]),
    ...q.appliedPromotions.map((a) => a.amountCents),
  ];
  for (const amount of amounts) {
    expect(Number.isSafeInteger(amount)).toBe(true);
    expect(amount).toBeGreaterThanOrEqual(0);
  }
}

describe('quote, for any basket, promotions, customer and store', () => {
  it('(a) is the same in every channel when the policy has no exception', () => {
    fc.assert(
      fc.property(saleArb, ({ lines, promotions, ctx }) => {
        const [web, ...others] = CHANNELS.map((channel) => quote(lines, promotions, { ...ctx, channel }, everywhere));
        for (const other of others) expect(other).toEqual(web);
      }),
      RUNS,
    );
  });

  it('(a) differs between channels only by the promotion an exception restricts', () => {
    const withException = saleArb
      .filter(({ promotions }) => promotions.length > 0)
      .chain((sale) =>
        fc
          .record({
            excepted: fc.constantFrom(...sale.promotions),
            channels: fc.subarray(CHANNELS, { minLength: 1 }),
          })
          .map((exception) => ({ ...sale, ...exception })),
      );
    fc.assert(
      fc.property(withException, ({ lines, promotions, ctx, excepted, channels }) => {
        const restricted = policy([{ match: { id: excepted.id }, channels, reason: 'test' }]);
        const others = promotions.filter((p) => p !== excepted);
        // The excepted promotion's own code is answered differently (not in this channel, or
        // unknown once it is gone); everything else must match.
        const ignoringItsCode = (q: Quote): Quote => ({
          ...q,
          rejectedPromoCodes: q.rejectedPromoCodes.filter((r) => excepted.code === null || r.code.trim().toUpperCase() !== excepted.code),
        });
        for (const channel of CHANNELS) {
          const actual = quote(lines, promotions, { ...ctx, channel }, restricted);
          const expected = quote(lines, channels.includes(channel) ? promotions : others, { ...ctx, channel: 'WEB' }, everywhere);
          expect(ignoringItsCode(actual)).toEqual(ignoringItsCode(expected));
        }
      }),
      RUNS,
    );
  });

  it('(b, c, d) explains every cent: totals add up, no line below zero, applied amounts = discount', () => {
    fc.assert(
      fc.property(saleArb, fc.constantFrom(...CHANNELS), ({ lines, promotions, ctx }, channel) => {
        const q = quote(lines, promotions, { ...ctx, channel }, everywhere);
        expectWholeCents(q);
        expect(q.subtotalCents).toBe(lines.reduce((s, l) => s + l.quantity * l.listPriceCents, 0));
        expect(q.totalCents).toBe(q.subtotalCents - q.discountCents);
        expect(q.totalCents).toBe(q.lines.reduce((s, l) => s + l.lineTotalCents - l.discountCents, 0));
        for (const l of q.lines) expect(l.discountCents).toBeLessThanOrEqual(l.lineTotalCents);
        expect(q.appliedPromotions.reduce((s, a) => s + a.amountCents, 0)).toBe(q.discountCents);
        expect(q.loyaltyPointsEarned).toBe(Math.floor(q.totalCents / 100));
      }),
      RUNS,
    );
  });

  it('(e) gives the same answer to the same question', () => {
    fc.assert(
      fc.property(saleArb, ({ lines, promotions, ctx }) => {
        const sale = { ...ctx, channel: 'STORE' as const };
        expect(quote(lines, promotions, sale, everywhere)).toEqual(
          quote(structuredClone(lines), structuredClone(promotions), structuredClone(sale), everywhere),
        );
      }),
      RUNS,
    );
  });

  it('(f) an unrelated promo code never raises the total, and is answered as unknown', () => {
    fc.assert(
      fc.property(saleArb, ({ lines, promotions, ctx }) => {
        const sale = { ...ctx, channel: 'WEB' as const };
        const before = quote(lines, promotions, sale, everywhere);
        const after = quote(lines, promotions, { ...sale, promoCodes: [...sale.promoCodes, 'NO-SUCH-CODE'] }, everywhere);
        expect(after.totalCents).toBeLessThanOrEqual(before.totalCents);
        expect(after.appliedPromotions).toEqual(before.appliedPromotions);
        expect(after.rejectedPromoCodes).toEqual([...before.rejectedPromoCodes, { code: 'NO-SUCH-CODE', reason: 'UNKNOWN' }]);
      }),
      RUNS,
    );
  });
});

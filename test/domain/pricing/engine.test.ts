// One describe per rule of the README, "Pricing and promotions".
import { DateTime } from 'luxon';
import { offersFor, quote } from '../../../domain/pricing/engine';
import type { BasketLine, PricingContext, Promotion, Quote } from '../../../domain/pricing/model';
import type { Policy } from '../../../domain/pricing/policy';
import { AT, context, line, policy, promotion } from './builders';

const everywhere = policy();

function price(lines: BasketLine[], promotions: Promotion[], ctx: Partial<PricingContext> = {}, rules: Policy = everywhere): Quote {
  return quote(lines, promotions, context(ctx), rules);
}

/** [promotion id, amount] of every applied promotion, in the quote's order. */
function applied(q: Quote): [string, number][] {
  return q.appliedPromotions.map((a) => [a.promotion.id, a.amountCents]);
}

const basket = [line('SKU-1', 1, 10000)];
const gold = { id: 'cus_1', tier: 'GOLD' as const };

describe('1. eligibility', () => {
  describe('validity window: validFrom <= at < validTo', () => {
    const window = promotion('eshop:W', { code: 'W', validFrom: AT, validTo: '2026-11-20T12:00:00.000Z' });

    it('applies from validFrom included', () => {
      expect(applied(price(basket, [window], { promoCodes: ['W'] }))).toEqual([['eshop:W', 1000]]);
    });

    it('is not yet valid a millisecond before', () => {
      const q = price(basket, [window], { promoCodes: ['W'], at: '2026-11-20T09:59:59.999Z' });
      expect(q.appliedPromotions).toEqual([]);
      expect(q.rejectedPromoCodes).toEqual([{ code: 'W', reason: 'NOT_YET_VALID' }]);
    });

    it('has expired at validTo (exclusive)', () => {
      const q = price(basket, [window], { promoCodes: ['W'], at: '2026-11-20T12:00:00.000Z' });
      expect(q.rejectedPromoCodes).toEqual([{ code: 'W', reason: 'EXPIRED' }]);
    });

    it.each([
      // Paris is UTC+1 in winter, UTC+2 in summer: its midnight is 23:00 or 22:00 UTC the day before.
      ['winter', '2026-12-01', '2026-11-30T23:00:00.000Z', '2026-11-30T22:59:00.000Z', '2026-11-30T23:01:00.000Z'],
      ['summer', '2026-07-01', '2026-06-30T22:00:00.000Z', '2026-06-30T21:59:00.000Z', '2026-06-30T22:01:00.000Z'],
    ])(
      'a window ending at Paris midnight (%s) applies one minute before and not one minute after',
      (_, parisDay, validTo, before, after) => {
        expect(DateTime.fromISO(`${parisDay}T00:00`, { zone: 'Europe/Paris' }).toUTC().toISO()).toBe(validTo);
        const storePromo = promotion('pos:ST042:P-1', { source: 'pos', validFrom: '2026-01-01T00:00:00.000Z', validTo });
        expect(applied(price(basket, [storePromo], { at: before }))).toEqual([['pos:ST042:P-1', 1000]]);
        expect(applied(price(basket, [storePromo], { at: after }))).toEqual([]);
      },
    );
  });

  describe('channel: the policy decides', () => {
    const webOnly = policy([{ match: { code: 'DUO15' }, channels: ['WEB'], reason: 'web warehouse' }]);
    const duo = promotion('eshop:DUO15', { code: 'DUO15' });

    it('applies in the channels the policy gives it', () => {
      expect(applied(price(basket, [duo], { promoCodes: ['DUO15'] }, webOnly))).toEqual([['eshop:DUO15', 1000]]);
    });

    it.each(['STORE', 'CALL_CENTER'] as const)('is refused in %s', (channel) => {
      const q = price(basket, [duo], { channel, storeId: 'ST042', promoCodes: ['DUO15'] }, webOnly);
      expect(q.appliedPromotions).toEqual([]);
      expect(q.rejectedPromoCodes).toEqual([{ code: 'DUO15', reason: 'NOT_IN_THIS_CHANNEL' }]);
    });

    it('ignores the legacy channel flags', () => {
      const storeFlagged = promotion('loyalty:OF-1', { source: 'loyalty', legacyChannels: ['STORE'] });
      expect(applied(price(basket, [storeFlagged], { channel: 'WEB' }))).toEqual([['loyalty:OF-1', 1000]]);
    });
  });

  describe('store', () => {
    const st042 = promotion('pos:ST042:P-1', { source: 'pos', code: 'P1', storeIds: ['ST042'] });

    it('applies in a store that runs it', () => {
      expect(applied(price(basket, [st042], { channel: 'STORE', storeId: 'ST042', promoCodes: ['P1'] }))).toEqual([
        ['pos:ST042:P-1', 1000],
      ]);
    });

    it.each([
      ['another store', 'ST007'],
      ['a sale with no store', null],
    ])('is refused in %s', (_, storeId) => {
      const q = price(basket, [st042], { storeId, promoCodes: ['P1'] });
      expect(q.rejectedPromoCodes).toEqual([{ code: 'P1', reason: 'NOT_IN_THIS_STORE' }]);
    });

    it('runs everywhere when it names no store', () => {
      const anywhere = promotion('eshop:A', { storeIds: null });
      expect(applied(price(basket, [anywhere], { storeId: null }))).toEqual([['eshop:A', 1000]]);
      expect(applied(price(basket, [anywhere], { channel: 'STORE', storeId: 'ST007' }))).toEqual([['eshop:A', 1000]]);
    });
  });

  describe('tier', () => {
    const goldOffer = promotion('loyalty:OF-1', { source: 'loyalty', code: 'GOLD', tiers: ['GOLD', 'SILVER'] });

    it('applies to a customer of a listed tier', () => {
      expect(applied(price(basket, [goldOffer], { customer: gold, promoCodes: ['GOLD'] }))).toEqual([['loyalty:OF-1', 1000]]);
    });

    it.each([
      ['another tier', { id: 'cus_1', tier: 'BASIC' as const }],
      ['a customer with no tier', { id: 'cus_1', tier: null }],
      ['no customer', null],
    ])('is refused to %s', (_, customer) => {
      const q = price(basket, [goldOffer], { customer, promoCodes: ['GOLD'] });
      expect(q.appliedPromotions).toEqual([]);
      expect(q.rejectedPromoCodes).toEqual([{ code: 'GOLD', reason: 'NOT_FOR_THIS_CUSTOMER' }]);
    });
  });

  describe('customer-bound', () => {
    const voucher = promotion('crm:GW-1', { source: 'crm', code: 'GW-1', kind: 'AMOUNT', value: 500, customerId: 'cus_1' });

    it('applies to its customer', () => {
      expect(applied(price(basket, [voucher], { customer: gold, promoCodes: ['GW-1'] }))).toEqual([['crm:GW-1', 500]]);
    });

    it.each([
      ['another customer', { id: 'cus_2', tier: 'GOLD' as const }],
      ['no customer', null],
    ])('is refused to %s', (_, customer) => {
      expect(price(basket, [voucher], { customer, promoCodes: ['GW-1'] }).rejectedPromoCodes).toEqual([
        { code: 'GW-1', reason: 'NOT_FOR_THIS_CUSTOMER' },
      ]);
    });
  });

  describe('promo code', () => {
    const coded = promotion('eshop:WELCOME10', { code: 'WELCOME10' });

    it('is needed: not given, the promotion does not apply and nothing is rejected', () => {
      const q = price(basket, [coded]);
      expect(q.appliedPromotions).toEqual([]);
      expect(q.rejectedPromoCodes).toEqual([]);
    });

    it('matches in any case with spaces around, and counts once when given twice', () => {
      const q = price(basket, [coded], { promoCodes: [' welcome10 ', 'WELCOME10'] });
      expect(applied(q)).toEqual([['eshop:WELCOME10', 1000]]);
      expect(q.rejectedPromoCodes).toEqual([]);
    });

    it('is rejected once, in the first spelling given, when it does not apply', () => {
      const q = price(basket, [coded], { promoCodes: [' welcome10', 'Welcome10'], at: '2027-02-01T00:00:00.000Z' });
      expect(q.rejectedPromoCodes).toEqual([{ code: 'welcome10', reason: 'EXPIRED' }]);
    });
  });
});

describe('2. product-level promotions', () => {
  const lines = [line('SKU-1', 2, 1000, 'Jardin'), line('SKU-2', 1, 3000, 'Cuisine'), line('SKU-3', 1, 500, 'Jardin')];

  it('reach the lines whose SKU is listed', () => {
    const onSku = promotion('pos:P-1', { level: 'PRODUCT', skus: ['SKU-2'] });
    const q = price(lines, [onSku]);
    expect(q.lines.map((l) => l.discountCents)).toEqual([0, 300, 0]);
    expect(q.appliedPromotions[0].skus).toEqual(['SKU-2']);
  });

  it('reach the lines whose category is listed', () => {
    const onCategory = promotion('eshop:JARDIN20', { level: 'PRODUCT', value: 20, categories: ['Jardin'] });
    const q = price(lines, [onCategory]);
    expect(q.lines.map((l) => l.discountCents)).toEqual([400, 0, 100]);
    expect(q.appliedPromotions).toEqual([{ promotion: onCategory, amountCents: 500, skus: ['SKU-1', 'SKU-3'] }]);
  });

  it('listing neither SKU nor category reach no line', () => {
    const q = price(lines, [promotion('eshop:NONE', { code: 'NONE', level: 'PRODUCT' })], { promoCodes: ['NONE'] });
    expect(q.rejectedPromoCodes).toEqual([{ code: 'NONE', reason: 'NOT_APPLICABLE' }]);
  });

  it('PERCENT rounds half to even on each line', () => {
    const tenPercent = promotion('eshop:P', { level: 'PRODUCT', categories: ['Maison'] });
    // 10 % of 19.95 is 199.5 cents -> 200; of 19.85, 198.5 -> 198; of 0.05, 0.5 -> 0.
    const q = price([line('A', 1, 1995), line('B', 1, 1985), line('C', 1, 5)], [tenPercent]);
    expect(q.lines.map((l) => l.discountCents)).toEqual([200, 198, 0]);
  });

  it('AMOUNT takes its value off every unit', () => {
    const twoEurosEach = promotion('pos:P-2', { source: 'pos', level: 'PRODUCT', kind: 'AMOUNT', value: 200, skus: ['SKU-1'] });
    expect(price(lines, [twoEurosEach]).lines[0].discountCents).toBe(400);
  });

  it('AMOUNT larger than the line takes the whole line and no more', () => {
    const huge = promotion('pos:P-2', { source: 'pos', level: 'PRODUCT', kind: 'AMOUNT', value: 5000, skus: ['SKU-1'] });
    const q = price([line('SKU-1', 2, 1000)], [huge]);
    expect(q.lines[0]).toMatchObject({ lineTotalCents: 2000, discountCents: 2000 });
    expect(q).toMatchObject({ discountCents: 2000, totalCents: 0, loyaltyPointsEarned: 0 });
  });

  it.each([
    [1, 1001, 0],
    [2, 1001, 500], // 500.5 -> 500
    [3, 1001, 500], // the third unit is at full price
    [3, 1003, 502], // 501.5 -> 502
    [5, 999, 999], // two units at half price
  ])('SECOND_HALF_PRICE on %d units at %d cents takes %d off', (quantity, listPriceCents, expected) => {
    const secondHalf = promotion('pos:P-3', { source: 'pos', level: 'PRODUCT', kind: 'SECOND_HALF_PRICE', value: 50, skus: ['A'] });
    expect(price([line('A', quantity, listPriceCents)], [secondHalf]).discountCents).toBe(expected);
  });

  it('a promotion that would take nothing off a single unit is not applicable', () => {
    const secondHalf = promotion('pos:P-3', {
      source: 'pos',
      code: 'DEUX',
      level: 'PRODUCT',
      kind: 'SECOND_HALF_PRICE',
      value: 50,
      skus: ['A'],
    });
    const q = price([line('A', 1, 1000)], [secondHalf], { promoCodes: ['DEUX'] });
    expect(q.appliedPromotions).toEqual([]);
    expect(q.rejectedPromoCodes).toEqual([{ code: 'DEUX', reason: 'NOT_APPLICABLE' }]);
  });

  it('one per line: the best for the customer wins, the other is not combinable', () => {
    const ten = promotion('eshop:TEN', { code: 'TEN', level: 'PRODUCT', categories: ['Jardin'] });
    const fifteen = promotion('pos:FIFTEEN', { source: 'pos', level: 'PRODUCT', value: 15, categories: ['Jardin'] });
    const q = price(lines, [ten, fifteen], { promoCodes: ['TEN'] });
    expect(applied(q)).toEqual([['pos:FIFTEEN', 375]]);
    expect(q.rejectedPromoCodes).toEqual([{ code: 'TEN', reason: 'NOT_COMBINABLE' }]);
  });

  it('each line chooses on its own', () => {
    const percent = promotion('eshop:PCT', { level: 'PRODUCT', value: 20, skus: ['SKU-1', 'SKU-2'] });
    const amount = promotion('pos:AMT', { source: 'pos', level: 'PRODUCT', kind: 'AMOUNT', value: 300, skus: ['SKU-1', 'SKU-2'] });
    // SKU-1: 20 % of 2000 = 400 vs 2 x 300 = 600; SKU-2: 20 % of 3000 = 600 vs 300.
    expect(applied(price(lines, [percent, amount]))).toEqual([
      ['eshop:PCT', 600],
      ['pos:AMT', 600],
    ]);
  });

  it('a tie goes to the smallest promotion id, whatever the input order', () => {
    // 3.00 off SKU-2 each: 10 % of 30.00, 3.00 per unit, 3.00 per unit.
    const a = promotion('pos:A', { source: 'pos', level: 'PRODUCT', value: 10, skus: ['SKU-2'] });
    const b = promotion('eshop:B', { level: 'PRODUCT', kind: 'AMOUNT', value: 300, skus: ['SKU-2'] });
    const c = promotion('eshop:C', { level: 'PRODUCT', kind: 'AMOUNT', value: 300, categories: ['Cuisine'] });
    for (const order of [
      [a, b, c],
      [c, b, a],
      [b, c, a],
    ]) {
      expect(applied(price(lines, order))).toEqual([['eshop:B', 300]]);
    }
  });

  it('compare their minimum to the subtotal at list prices', () => {
    const withMinimum = (minBasketCents: number) =>
      promotion('eshop:MIN', { code: 'MIN', level: 'PRODUCT', categories: ['Cuisine'], minBasketCents });
    // Another product-level promotion lowers the basket below 60.00; the minimum still reads the list prices.
    const jardin = promotion('eshop:JARDIN', { level: 'PRODUCT', value: 50, categories: ['Jardin'] });
    expect(applied(price(lines, [withMinimum(5500), jardin], { promoCodes: ['MIN'] }))).toEqual([
      ['eshop:JARDIN', 1250],
      ['eshop:MIN', 300],
    ]);
    const q = price(lines, [withMinimum(5501), jardin], { promoCodes: ['MIN'] });
    expect(q.rejectedPromoCodes).toEqual([{ code: 'MIN', reason: 'MINIMUM_NOT_MET' }]);
  });
});

describe('3. basket-level promotions', () => {
  const lines = [line('SKU-1', 1, 1000), line('SKU-2', 1, 2000), line('SKU-3', 1, 3000)];

  it('come after product-level ones, on what they left', () => {
    const product = promotion('pos:P-1', { source: 'pos', level: 'PRODUCT', value: 50, skus: ['SKU-3'] });
    const basketWide = promotion('eshop:WELCOME10', { code: 'WELCOME10' });
    const q = price(lines, [basketWide, product], { promoCodes: ['WELCOME10'] });
    expect(q.lines.map((l) => l.discountCents)).toEqual([100, 200, 1500 + 150]);
    expect(applied(q)).toEqual([
      ['pos:P-1', 1500],
      ['eshop:WELCOME10', 450],
    ]);
  });

  it('compare their minimum to the subtotal after product-level discounts', () => {
    const product = promotion('pos:P-1', { source: 'pos', level: 'PRODUCT', kind: 'AMOUNT', value: 1, skus: ['SKU-1'] });
    const minimum = (minBasketCents: number) =>
      promotion('eshop:MOINS15', { code: 'MOINS15', kind: 'AMOUNT', value: 1500, minBasketCents });
    expect(applied(price(lines, [product, minimum(5999)], { promoCodes: ['MOINS15'] }))).toContainEqual(['eshop:MOINS15', 1500]);
    const q = price(lines, [product, minimum(6000)], { promoCodes: ['MOINS15'] });
    expect(q.rejectedPromoCodes).toEqual([{ code: 'MOINS15', reason: 'MINIMUM_NOT_MET' }]);
  });

  it('only one applies: the best for the customer', () => {
    const percent = promotion('eshop:TEN', { code: 'TEN' }); // 600
    const amount = promotion('eshop:MOINS7', { code: 'MOINS7', kind: 'AMOUNT', value: 700 });
    const q = price(lines, [percent, amount], { promoCodes: ['TEN', 'MOINS7'] });
    expect(applied(q)).toEqual([['eshop:MOINS7', 700]]);
    expect(q.rejectedPromoCodes).toEqual([{ code: 'TEN', reason: 'NOT_COMBINABLE' }]);
  });

  it('a tie goes to the smallest promotion id', () => {
    const b = promotion('eshop:B', { kind: 'AMOUNT', value: 600 });
    const a = promotion('eshop:A', { value: 10 });
    expect(applied(price(lines, [b, a]))).toEqual([['eshop:A', 600]]);
  });

  it('PERCENT rounds half to even on each line', () => {
    const q = price([line('A', 1, 1995), line('B', 1, 1985)], [promotion('eshop:TEN')]);
    expect(q.lines.map((l) => l.discountCents)).toEqual([200, 198]);
  });

  it('AMOUNT is spread in proportion to each line, the cents adding up', () => {
    const q = price(lines, [promotion('eshop:ONE', { kind: 'AMOUNT', value: 100 })]);
    expect(q.lines.map((l) => l.discountCents)).toEqual([17, 33, 50]);
    expect(q.discountCents).toBe(100);
  });

  it('AMOUNT larger than the basket takes it all and no line goes negative', () => {
    const q = price(lines, [promotion('eshop:BIG', { kind: 'AMOUNT', value: 10_000 })]);
    expect(q.lines.map((l) => l.discountCents)).toEqual([1000, 2000, 3000]);
    expect(q).toMatchObject({ subtotalCents: 6000, discountCents: 6000, totalCents: 0 });
    expect(applied(q)).toEqual([['eshop:BIG', 6000]]);
  });
});

describe('4. CRM goodwill vouchers', () => {
  const lines = [line('SKU-1', 1, 4000), line('SKU-2', 1, 6000)];
  const voucher = (id: string, value: number) =>
    promotion(`crm:${id}`, { source: 'crm', code: id, kind: 'AMOUNT', value, customerId: 'cus_1' });
  const customer = gold;

  it('stack on top of the product-level and the basket-level promotions', () => {
    const product = promotion('pos:P-1', { source: 'pos', level: 'PRODUCT', kind: 'AMOUNT', value: 1000, skus: ['SKU-1'] });
    const basketWide = promotion('eshop:TEN');
    const q = price(lines, [voucher('GW-1', 900), basketWide, product], { customer, promoCodes: ['GW-1'] });
    // 10 000 - 1 000 (product) = 9 000; - 10 % = 8 100; - 9.00 spread 3 000 : 5 400 -> 300 + 600.
    expect(applied(q)).toEqual([
      ['pos:P-1', 1000],
      ['eshop:TEN', 900],
      ['crm:GW-1', 900],
    ]);
    expect(q.lines.map((l) => l.discountCents)).toEqual([1000 + 300 + 300, 600 + 600]);
    expect(q.totalCents).toBe(7200);
  });

  it('several stack, one after the other in id order, capped at what is left', () => {
    const q = price(lines, [voucher('GW-2', 9000), voucher('GW-1', 3000)], { customer, promoCodes: ['GW-2', 'GW-1'] });
    expect(applied(q)).toEqual([
      ['crm:GW-1', 3000],
      ['crm:GW-2', 7000],
    ]);
    expect(q.totalCents).toBe(0);
  });

  it('a voucher with nothing left to take is not applicable', () => {
    const q = price(lines, [voucher('GW-1', 10_000), voucher('GW-2', 100)], { customer, promoCodes: ['GW-1', 'GW-2'] });
    expect(applied(q)).toEqual([['crm:GW-1', 10_000]]);
    expect(q.rejectedPromoCodes).toEqual([{ code: 'GW-2', reason: 'NOT_APPLICABLE' }]);
  });
});

describe('5. totals', () => {
  it('every cent of discount is explained and points are the whole euros of the total', () => {
    const lines = [line('A', 3, 1333), line('B', 1, 8999, 'Jardin')];
    const q = price(lines, [
      promotion('eshop:J', { level: 'PRODUCT', value: 15, categories: ['Jardin'] }),
      promotion('eshop:T', { kind: 'AMOUNT', value: 777 }),
    ]);
    const fromPromotions = q.appliedPromotions.reduce((s, a) => s + a.amountCents, 0);
    const fromLines = q.lines.reduce((s, l) => s + l.discountCents, 0);
    expect(q.subtotalCents).toBe(3999 + 8999);
    expect(fromPromotions).toBe(q.discountCents);
    expect(fromLines).toBe(q.discountCents);
    expect(q.totalCents).toBe(q.subtotalCents - q.discountCents);
    expect(q.totalCents).toBe(12998 - 1350 - 777);
    expect(q.loyaltyPointsEarned).toBe(108); // 108.71 euros paid
  });

  it('an empty basket costs nothing and earns nothing', () => {
    expect(price([], [promotion('eshop:T', { kind: 'AMOUNT', value: 500 })])).toEqual({
      lines: [],
      appliedPromotions: [],
      rejectedPromoCodes: [],
      subtotalCents: 0,
      discountCents: 0,
      totalCents: 0,
      loyaltyPointsEarned: 0,
    });
  });
});

describe('6. rejected codes', () => {
  it('a code no promotion has is unknown', () => {
    expect(price(basket, [], { promoCodes: ['NOPE'] }).rejectedPromoCodes).toEqual([{ code: 'NOPE', reason: 'UNKNOWN' }]);
  });

  it('are answered in the order given', () => {
    const expired = promotion('eshop:OLD', { code: 'OLD', validTo: '2026-01-02T00:00:00.000Z' });
    const q = price(basket, [expired], { promoCodes: ['ZZZ', 'OLD', 'AAA'] });
    expect(q.rejectedPromoCodes.map((r) => r.code)).toEqual(['ZZZ', 'OLD', 'AAA']);
  });

  it('checks the window before the channel, the store and the customer', () => {
    const everythingWrong = promotion('loyalty:X', {
      code: 'X',
      validTo: '2026-01-02T00:00:00.000Z',
      storeIds: ['ST001'],
      tiers: ['GOLD'],
    });
    const webOnly = policy([{ match: { code: 'X' }, channels: ['WEB'], reason: 'r' }]);
    const q = price(basket, [everythingWrong], { channel: 'STORE', storeId: 'ST042', promoCodes: ['X'] }, webOnly);
    expect(q.rejectedPromoCodes).toEqual([{ code: 'X', reason: 'EXPIRED' }]);
  });

  it('checks the scope before the minimum: spending more would not help', () => {
    const elsewhere = promotion('eshop:J', { code: 'J', level: 'PRODUCT', categories: ['Jardin'], minBasketCents: 1_000_000 });
    expect(price(basket, [elsewhere], { promoCodes: ['J'] }).rejectedPromoCodes).toEqual([{ code: 'J', reason: 'NOT_APPLICABLE' }]);
  });

  it('a code several promotions share is answered by the one that got furthest, and not at all if one applied', () => {
    const expired = promotion('eshop:SHARED', { code: 'SHARED', validTo: '2026-01-02T00:00:00.000Z' });
    const tooBig = promotion('loyalty:SHARED', { source: 'loyalty', code: 'SHARED', minBasketCents: 50_000 });
    expect(price(basket, [expired, tooBig], { promoCodes: ['shared'] }).rejectedPromoCodes).toEqual([
      { code: 'shared', reason: 'MINIMUM_NOT_MET' },
    ]);
    const fits = promotion('pos:SHARED', { source: 'pos', code: 'SHARED', level: 'PRODUCT', skus: ['SKU-1'] });
    expect(price(basket, [expired, tooBig, fits], { promoCodes: ['shared'] }).rejectedPromoCodes).toEqual([]);
  });
});

describe('7. order', () => {
  it('lines as given; applied promotions product-level, then basket-level, then vouchers, each by id', () => {
    const lines = [line('Z', 1, 5000), line('A', 1, 5000)];
    const promotions = [
      promotion('crm:GW-B', { source: 'crm', kind: 'AMOUNT', value: 100 }),
      promotion('crm:GW-A', { source: 'crm', kind: 'AMOUNT', value: 100 }),
      promotion('eshop:BASKET', { kind: 'AMOUNT', value: 100 }),
      promotion('pos:P-2', { source: 'pos', level: 'PRODUCT', skus: ['A'] }),
      promotion('eshop:P-1', { level: 'PRODUCT', skus: ['Z'] }),
    ];
    const q = price(lines, promotions);
    expect(q.lines.map((l) => l.sku)).toEqual(['Z', 'A']);
    expect(q.appliedPromotions.map((a) => a.promotion.id)).toEqual(['eshop:P-1', 'pos:P-2', 'eshop:BASKET', 'crm:GW-A', 'crm:GW-B']);
  });
});

describe('8. product page offer', () => {
  const page = line('SKU-1', 1, 10000, 'Jardin');
  const product = promotion('pos:P-1', { source: 'pos', level: 'PRODUCT', value: 20, categories: ['Jardin'] });
  const noMinimum = promotion('eshop:ALL5', { code: 'ALL5', value: 5 });
  const withMinimum = promotion('eshop:MOINS15', { code: 'MOINS15', kind: 'AMOUNT', value: 1500, minBasketCents: 5000 });
  const voucher = promotion('crm:GW-1', { source: 'crm', code: 'GW-1', kind: 'AMOUNT', value: 500, customerId: 'cus_1' });

  it('shows product-level promotions and basket-level ones without a minimum', () => {
    const [offer] = offersFor(
      [page],
      [product, noMinimum, withMinimum, voucher],
      context({ customer: gold, promoCodes: ['ALL5', 'MOINS15', 'GW-1', 'NOPE'] }),
      everywhere,
    );
    expect(applied(offer)).toEqual([
      ['pos:P-1', 2000],
      ['eshop:ALL5', 400],
    ]);
    // MOINS15 and the voucher are for the basket to judge; only the unknown code is refused here.
    expect(offer.rejectedPromoCodes).toEqual([{ code: 'NOPE', reason: 'UNKNOWN' }]);
    expect(offer.totalCents).toBe(7600);
  });

  it("prices a list's offers as it prices each product's page, the promotions judged once", () => {
    const lines = [page, line('SKU-2', 1, 3000, 'Maison'), line('SKU-3', 1, 999, 'Jardin')];
    const promotions = [product, noMinimum, withMinimum, voucher, promotion('eshop:OLD', { code: 'OLD', validTo: AT })];
    const sale = context({ customer: gold, promoCodes: ['ALL5', 'OLD', 'NOPE'] });
    const offers = offersFor(lines, promotions, sale, everywhere);
    expect(offers).toEqual(lines.map((l) => offersFor([l], promotions, sale, everywhere)[0])); // judged once or per product, the same
    expect(offers.map((o) => o.totalCents)).toEqual([7600, 2850, 759]);
    expect(offers[1].rejectedPromoCodes).toEqual([
      { code: 'OLD', reason: 'EXPIRED' },
      { code: 'NOPE', reason: 'UNKNOWN' },
    ]);
  });
});

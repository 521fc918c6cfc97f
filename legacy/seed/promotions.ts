// Each system's own promotions, set up by different teams: e-shop promo codes, store
// promotions, loyalty offers per tier. Current ones run from before `now` into the next year
// (so they are live whenever the simulators are used); a few are over.
import type { EshopPromo, EshopProduct } from '../../adapters/eshop/wire';
import type { LoyaltyOffer } from '../../adapters/loyalty/wire';
import type { PosPromotion } from '../../adapters/pos/wire';
import { parisLocal } from './calendar';
import { categoryNames } from './catalog';
import { DAY_MS, SeedContext, pickProduct } from './context';
import { decimal } from './money';

const iso = (ms: number): string => new Date(ms).toISOString();

export function eshopPromotions(ctx: SeedContext): EshopPromo[] {
  const { startMs, nowMs } = ctx;
  const year = new Date(nowMs).getUTCFullYear();
  const days = (n: number): number => nowMs + n * DAY_MS;
  const promo = (
    code: string,
    kind: EshopPromo['kind'],
    value: string,
    from: number,
    to: number,
    scope: Partial<EshopPromo> = {},
  ): EshopPromo => ({
    code,
    kind,
    value,
    min_basket: null,
    starts_at: iso(from),
    ends_at: iso(to),
    skus: null,
    category: null,
    ...scope,
  });
  const duo = [0, 1, 2].map(() => ctx.products[pickProduct(ctx)].sku);
  return [
    promo('WELCOME10', 'percent', '10', startMs - 365 * DAY_MS, days(365)),
    promo('MOINS15', 'amount', '15.00', days(-120), days(240), { min_basket: '100.00' }),
    promo('JARDIN20', 'percent', '20', days(-60), days(300), { category: 'Jardin' }),
    promo('DUO15', 'percent', '15', days(-30), days(365), { skus: [...new Set(duo)] }),
    promo('CUISINE5', 'amount', '5.00', startMs, days(-200), { category: 'Cuisine', min_basket: '30.00' }),
    promo(`SOLDES${year - 1}`, 'percent', '25', days(-420), days(-390)),
    promo(`NOEL${year - 1}`, 'amount', '10.00', days(-340), days(-310), { min_basket: '80.00' }),
  ];
}

/** The discount a promo code gives on a basket, in cents (0 when it does not apply). */
export function eshopDiscountCents(promo: EshopPromo, lines: { product: EshopProduct; cents: number }[], atIso: string): number {
  if (atIso < promo.starts_at || atIso > promo.ends_at) return 0;
  const basket = lines.reduce((sum, l) => sum + l.cents, 0);
  if (promo.min_basket !== null && basket < Math.round(Number(promo.min_basket) * 100)) return 0;
  const eligible = lines
    .filter(
      (l) =>
        (promo.skus === null || promo.skus.includes(l.product.sku)) && (promo.category === null || promo.category === l.product.category),
    )
    .reduce((sum, l) => sum + l.cents, 0);
  return promo.kind === 'percent'
    ? Math.round((eligible * Number(promo.value)) / 100)
    : Math.min(eligible, Math.round(Number(promo.value) * 100));
}

/** Store promotions; POS amounts are integer cents, so an `amount` value is in cents too. */
export function posPromotions(ctx: SeedContext): PosPromotion[] {
  const { faker, nowMs } = ctx;
  const categories = categoryNames();
  const promotions: PosPromotion[] = [];
  for (const store of ctx.stores) {
    const count = faker.number.int({ min: 2, max: 5 });
    for (let i = 0; i < count; i++) {
      const kind = faker.helpers.arrayElement(['percent', 'amount', 'second_half_price'] as const);
      const onProduct = kind !== 'percent' || faker.datatype.boolean(0.4);
      const expired = faker.datatype.boolean(0.25);
      const from = expired
        ? nowMs - faker.number.int({ min: 200, max: 500 }) * DAY_MS
        : nowMs - faker.number.int({ min: 1, max: 60 }) * DAY_MS;
      const to = expired ? from + faker.number.int({ min: 7, max: 30 }) * DAY_MS : nowMs + faker.number.int({ min: 90, max: 365 }) * DAY_MS;
      promotions.push({
        store: store.code,
        id: '',
        kind,
        value:
          kind === 'percent'
            ? String(faker.helpers.arrayElement([10, 15, 20, 30]))
            : kind === 'amount'
              ? String(faker.helpers.arrayElement([200, 500, 1000]))
              : '50',
        ean: onProduct ? ctx.products[pickProduct(ctx)].ean : null,
        category: onProduct ? null : faker.helpers.arrayElement(categories),
        from: `${parisLocal(from).slice(0, 10)} 00:00:00`,
        to: `${parisLocal(to).slice(0, 10)} 23:59:59`,
      });
    }
  }
  promotions.forEach((p, i) => (p.id = `P-${i + 1}`));
  return promotions;
}

const TIERS = ['BASIC', 'SILVER', 'GOLD'] as const;
// Set by hand over the years: the same kind of offer may be web-only, store-only or both.
const CHANNEL_FLAGS: LoyaltyOffer['channels'][] = [['ONLINE'], ['INSTORE'], ['ONLINE', 'INSTORE'], ['INSTORE', 'ONLINE']];

export function loyaltyOffers(ctx: SeedContext): LoyaltyOffer[] {
  const { faker, nowMs } = ctx;
  const categories = categoryNames();
  const offers: LoyaltyOffer[] = [];
  TIERS.forEach((tier, rank) => {
    const count = faker.number.int({ min: 2, max: 4 });
    for (let i = 0; i < count; i++) {
      const percent = faker.datatype.boolean(0.6);
      const category = faker.datatype.boolean(0.5) ? faker.helpers.arrayElement(categories) : null;
      const skus = category === null && faker.datatype.boolean(0.4) ? [ctx.products[pickProduct(ctx)].sku] : null;
      const value = percent ? String(5 * (rank + faker.number.int({ min: 1, max: 2 }))) : decimal(500 * (rank + 1));
      const expired = i === 0 && faker.datatype.boolean(0.5);
      offers.push({
        offer_id: `OF-${101 + offers.length}`,
        name: `${percent ? `-${value} %` : `-${value} €`} ${category ?? (skus ? 'sur un produit' : 'sur tout')} (${tier})`,
        tier,
        discount_type: percent ? 'PERCENT' : 'AMOUNT',
        value,
        skus,
        category,
        channels: faker.helpers.arrayElement(CHANNEL_FLAGS),
        valid_from: iso(nowMs - faker.number.int({ min: expired ? 300 : 10, max: expired ? 400 : 120 }) * DAY_MS),
        valid_to: iso(nowMs + (expired ? -100 : faker.number.int({ min: 120, max: 400 })) * DAY_MS),
      });
    }
  });
  return offers;
}

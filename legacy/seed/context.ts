// What every stage of a seeding run shares: one seeded Faker (the only source of randomness),
// the history window and the reference data built first.
import type { Faker } from '@faker-js/faker';
import type { EshopProduct } from '../../adapters/eshop/wire';
import type { PosStore } from '../../adapters/pos/wire';
import type { ParisCalendar } from './calendar';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface SeedContext {
  faker: Faker;
  scale: number;
  calendar: ParisCalendar;
  /** The history runs from startMs (two years before `now`) to nowMs. */
  startMs: number;
  nowMs: number;
  stores: PosStore[];
  products: EshopProduct[];
  /** The e-shop list price of products[i], in cents. */
  listCents: number[];
}

/** A uniformly drawn instant in [fromMs, toMs]. */
export const instantBetween = (ctx: SeedContext, fromMs: number, toMs: number): number =>
  ctx.faker.number.int({ min: Math.round(fromMs), max: Math.round(Math.max(fromMs, toMs)) });

/**
 * A product index; a fifth of the catalogue draws most of the sales, as in any store,
 * which also makes the same person meet the same product twice now and then.
 */
export function pickProduct(ctx: SeedContext): number {
  const n = ctx.products.length;
  return ctx.faker.datatype.boolean(0.7) ? ctx.faker.number.int({ max: Math.ceil(n / 5) - 1 }) : ctx.faker.number.int({ max: n - 1 });
}

/** 1 to `max` distinct products. */
export function pickBasket(ctx: SeedContext, max: number, first?: number): number[] {
  const size = ctx.faker.helpers.weightedArrayElement([
    { weight: 50, value: 1 },
    { weight: 30, value: 2 },
    { weight: 15, value: 3 },
    { weight: 5, value: 4 },
  ]);
  const basket = new Set<number>(first === undefined ? [] : [first]);
  while (basket.size < Math.min(size, max, ctx.products.length)) basket.add(pickProduct(ctx));
  return [...basket];
}

export const pickQty = (ctx: SeedContext): number =>
  ctx.faker.helpers.weightedArrayElement([
    { weight: 80, value: 1 },
    { weight: 15, value: 2 },
    { weight: 5, value: 3 },
  ]);

/** Legacy ids grow with time: the oldest record gets the first number. */
export function numberByAge<T extends { id: string }>(records: T[], age: (r: T) => string | number, id: (i: number) => string): void {
  records
    .slice()
    .sort((a, b) => (age(a) < age(b) ? -1 : age(a) > age(b) ? 1 : 0))
    .forEach((r, i) => (r.id = id(i)));
}

// E-shop orders: placed on the web, or by the call center for a caller ("origin":"phone").
// Some web orders follow a store visit of the same person (they saw it in store, bought online).
import type { EshopOrder, EshopOrderStatus, EshopPromo } from '../../adapters/eshop/wire';
import { DAY_MS, HOUR_MS, MINUTE_MS, SeedContext, instantBetween, pickBasket, pickQty } from './context';
import { decimal } from './money';
import type { Persona } from './people';
import { eshopDiscountCents } from './promotions';
import type { Visit } from './store-visits';
import { eshopStoreCode } from './stores';

export interface OrderDraft {
  order: EshopOrder;
  ms: number;
  buyer: Persona;
  /** products[i] is the catalogue index of order.lines[i] */
  products: number[];
  /** The store index of a store-pickup order. */
  pickupStore: number | null;
}

const MAX_WEB_ORDERS = 5;
const MAX_PHONE_ORDERS = 2;
/** Share of carded store visits an e-shop customer follows with a web order within 10 days. */
const SHOWROOMING_RATE = 0.12;
const PICKUP_RATE = 0.35;

export function buildOrders(ctx: SeedContext, people: Persona[], visits: Visit[], promos: EshopPromo[]): OrderDraft[] {
  const { faker } = ctx;
  const drafts: OrderDraft[] = [];
  const place = (buyer: Persona, ms: number, origin: EshopOrder['origin'], first?: number): void => {
    drafts.push(composeOrder(ctx, buyer, ms, origin, promos, first));
  };

  for (const person of people) {
    if (!person.account) continue;
    const from = Math.max(person.accountSinceMs, ctx.startMs);
    const web = faker.number.int({ max: MAX_WEB_ORDERS });
    for (let i = 0; i < web; i++) place(person, instantBetween(ctx, from, ctx.nowMs), 'web');
    const phone = person.contact ? faker.number.int({ max: MAX_PHONE_ORDERS }) : 0;
    // The call center files a contact before it takes an order.
    const phoneFrom = Math.max(from, person.contactSinceMs);
    for (let i = 0; i < phone; i++) place(person, instantBetween(ctx, phoneFrom, ctx.nowMs), 'phone');
  }
  for (const visit of visits) {
    const person = visit.shopper;
    if (!person?.account || !faker.datatype.boolean(SHOWROOMING_RATE)) continue;
    const ms = visit.ms + faker.number.int({ min: DAY_MS, max: 10 * DAY_MS });
    if (ms <= ctx.nowMs) place(person, ms, 'web', faker.helpers.arrayElement(visit.products));
  }

  numberOrders(drafts);
  return drafts;
}

function composeOrder(
  ctx: SeedContext,
  buyer: Persona,
  ms: number,
  origin: EshopOrder['origin'],
  promos: EshopPromo[],
  first: number | undefined,
): OrderDraft {
  const { faker } = ctx;
  const createdAt = new Date(ms).toISOString();
  const products = pickBasket(ctx, 3, first);
  const lines = products.map((p) => ({ sku: ctx.products[p].sku, qty: pickQty(ctx), unit_price: ctx.products[p].price }));
  const priced = lines.map((l, i) => ({ product: ctx.products[products[i]], cents: l.qty * ctx.listCents[products[i]] }));
  const subtotal = priced.reduce((sum, l) => sum + l.cents, 0);

  let promoCodes: string[] = [];
  let discount = 0;
  if (faker.datatype.boolean(origin === 'web' ? 0.3 : 0.1)) {
    const applicable = promos.map((promo) => ({ promo, cents: eshopDiscountCents(promo, priced, createdAt) })).filter((a) => a.cents > 0);
    if (applicable.length > 0) {
      const chosen = faker.helpers.arrayElement(applicable);
      promoCodes = [chosen.promo.code];
      discount = chosen.cents;
    }
  }

  const pickupStore = faker.datatype.boolean(PICKUP_RATE) ? buyer.homeStore : null;
  return {
    order: {
      id: '', // numbered per year once all are drawn
      account_id: buyer.account!.id,
      status: statusByAge(ctx, pickupStore !== null, ctx.nowMs - ms),
      created_at: createdAt,
      lines,
      promo_codes: promoCodes,
      discount: decimal(discount),
      total: decimal(subtotal - discount),
      shipping:
        pickupStore === null
          ? { method: 'home', store_code: null, address: { ...buyer.address } }
          : { method: 'store_pickup', store_code: eshopStoreCode(ctx.stores[pickupStore]), address: null },
      origin,
    },
    ms,
    buyer,
    products,
    pickupStore,
  };
}

/** Old orders are done with (delivered, collected, some cancelled or returned); recent ones are in flight. */
function statusByAge(ctx: SeedContext, pickup: boolean, ageMs: number): EshopOrderStatus {
  const { faker } = ctx;
  const settled = (done: EshopOrderStatus): EshopOrderStatus =>
    faker.helpers.weightedArrayElement([
      { weight: 88, value: done },
      { weight: 6, value: 'cancelled' as const },
      { weight: 6, value: 'returned' as const },
    ]);
  if (pickup) {
    // A pickup reservation holds the goods for 72 h: past that, the order was collected or not.
    if (ageMs < 2 * HOUR_MS) return 'paid';
    return ageMs < 3 * DAY_MS ? 'ready_for_pickup' : settled('collected');
  }
  if (ageMs < 30 * MINUTE_MS) return 'pending';
  if (ageMs < DAY_MS) return 'paid';
  if (ageMs < 3 * DAY_MS) return faker.datatype.boolean(0.5) ? 'paid' : 'shipped';
  return settled('shipped');
}

/** W-2026-000123: the year of creation and a sequence restarting each year. */
function numberOrders(drafts: OrderDraft[]): void {
  drafts.sort((a, b) => a.ms - b.ms);
  const sequences = new Map<string, number>();
  for (const { order } of drafts) {
    const year = order.created_at.slice(0, 4);
    const seq = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, seq);
    order.id = `W-${year}-${String(seq).padStart(6, '0')}`;
  }
}

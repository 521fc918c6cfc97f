// E-shop browsing events of signed-in customers: the views and carts before each web order,
// the research before a store purchase (the ROPO behaviour: research online, purchase offline)
// and browsing that leads nowhere.
import type { EshopEvent } from '../../adapters/eshop/wire';
import { DAY_MS, HOUR_MS, MINUTE_MS, SeedContext, instantBetween, pickProduct } from './context';
import type { Persona } from './people';
import type { Visit } from './store-visits';
import { eshopStoreCode } from './stores';
import type { OrderDraft } from './web-orders';

/**
 * Chance that a product bought in store with a card, by someone with an e-shop account, was
 * viewed or checked online 1 to 20 days before. Members without an account dilute it to
 * roughly 30 % of all carded store lines.
 */
const RESEARCHED_LINE_RATE = 0.55;
const RESEARCH_WINDOW_DAYS = 20;
const MAX_IDLE_VIEWS = 12;

export function buildEvents(ctx: SeedContext, people: Persona[], visits: Visit[], drafts: OrderDraft[]): EshopEvent[] {
  const { faker } = ctx;
  const events: EshopEvent[] = [];
  const log = (person: Persona, type: EshopEvent['type'], ms: number, product: number | null, store: number | null): void => {
    if (ms < person.accountSinceMs || ms > ctx.nowMs) return; // no browsing signed-in before the account existed
    events.push({
      account_id: person.account!.id,
      type,
      sku: product === null ? null : ctx.products[product].sku,
      store_code: store === null ? null : eshopStoreCode(ctx.stores[store]),
      at: new Date(ms).toISOString(),
    });
  };

  for (const { order, ms, buyer, products, pickupStore } of drafts) {
    if (order.origin !== 'web') continue;
    for (const product of products) {
      log(buyer, 'product_view', ms - faker.number.int({ min: 5 * MINUTE_MS, max: 3 * DAY_MS }), product, null);
      log(buyer, 'add_to_cart', ms - faker.number.int({ min: MINUTE_MS, max: 5 * MINUTE_MS }), product, null);
      if (pickupStore !== null)
        log(buyer, 'availability_check', ms - faker.number.int({ min: 10_000, max: MINUTE_MS }), product, pickupStore);
    }
  }

  for (const visit of visits) {
    const shopper = visit.shopper;
    if (!shopper?.account) continue;
    for (const product of visit.products) {
      if (!faker.datatype.boolean(RESEARCHED_LINE_RATE)) continue;
      const ms = visit.ms - faker.number.int({ min: DAY_MS, max: RESEARCH_WINDOW_DAYS * DAY_MS - HOUR_MS });
      if (faker.datatype.boolean(0.55)) log(shopper, 'product_view', ms, product, null);
      else log(shopper, 'availability_check', ms, product, visit.store);
    }
  }

  for (const person of people) {
    if (!person.account) continue;
    const from = Math.max(person.accountSinceMs, ctx.startMs);
    const idle = faker.number.int({ max: MAX_IDLE_VIEWS });
    for (let i = 0; i < idle; i++) {
      const ms = instantBetween(ctx, from, ctx.nowMs);
      const product = pickProduct(ctx);
      log(person, 'product_view', ms, product, null);
      if (faker.datatype.boolean(0.15))
        log(person, 'add_to_cart', ms + faker.number.int({ min: 10_000, max: 5 * MINUTE_MS }), product, null);
    }
    if (faker.datatype.boolean(0.4)) log(person, 'store_locator_view', instantBetween(ctx, from, ctx.nowMs), null, null);
  }

  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

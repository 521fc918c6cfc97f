// The seeded world of the four legacy simulators, and the ground truth behind it (who is who
// across systems) for identity-matching tests. The same seed, scale and `now` always give the
// same world: one seeded Faker is the only source of randomness and `now` the only clock.
import { Faker, base, fr } from '@faker-js/faker';
import type { SeedOptions, World } from '../model';
import { buildEvents } from './browsing';
import { ParisCalendar } from './calendar';
import { buildCallCenter } from './call-center';
import { buildCatalog } from './catalog';
import { DAY_MS, SeedContext } from './context';
import { buildReservations, buildStock } from './inventory';
import { buildLedger } from './ledger';
import { buildPeople } from './people';
import { eshopPromotions, loyaltyOffers, posPromotions } from './promotions';
import { buildReturns } from './returns';
import { ShelfPrices } from './shelf';
import { buildVisits } from './store-visits';
import { buildStores } from './stores';
import { buildOrders } from './web-orders';

/** Where one generated person's records are, in each system (null: not a customer there). */
export interface Person {
  personId: number;
  eshopAccountId: string | null;
  crmContactId: string | null;
  /** 16 digits */
  loyaltyCard: string | null;
  /** Shared by the people of one household, who share a phone; null for someone living alone. */
  householdId: number | null;
}

const PRODUCTS_PER_SCALE = 500;
const PEOPLE_PER_SCALE = 300;
const HISTORY_DAYS = 730;

export function generateWorld(opts: SeedOptions): { world: World; truth: Person[] } {
  const faker = new Faker({ locale: [fr, base] });
  faker.seed(opts.seed);
  const nowMs = opts.now.getTime();
  const startMs = nowMs - HISTORY_DAYS * DAY_MS;
  const ctx: SeedContext = {
    faker,
    scale: opts.scale,
    calendar: new ParisCalendar(startMs, nowMs),
    startMs,
    nowMs,
    stores: buildStores(faker, opts.scale),
    products: [],
    listCents: [],
  };
  ctx.products = buildCatalog(faker, Math.round(PRODUCTS_PER_SCALE * opts.scale), nowMs);
  ctx.listCents = ctx.products.map((p) => Math.round(Number(p.price) * 100));

  const eshopPromos = eshopPromotions(ctx);
  const shelf = new ShelfPrices(ctx);
  const people = buildPeople(ctx, Math.round(PEOPLE_PER_SCALE * opts.scale));
  const visits = buildVisits(ctx, people, shelf);
  const orders = buildOrders(ctx, people, visits, eshopPromos);
  const returns = buildReturns(ctx, orders);
  const reservations = buildReservations(ctx, orders);

  const world: World = {
    eshop: {
      products: ctx.products,
      accounts: people.flatMap((p) => (p.account ? [p.account] : [])),
      orders: orders.map((o) => o.order),
      promotions: eshopPromos,
      events: buildEvents(ctx, people, visits, orders),
      returns: returns.eshop,
    },
    pos: {
      stores: ctx.stores,
      stock: buildStock(ctx, reservations),
      prices: shelf.rows(ctx),
      promotions: posPromotions(ctx),
      receipts: visits.map((v) => v.receipt),
      reservations,
      returns: returns.pos,
    },
    crm: buildCallCenter(ctx, people, orders),
    loyalty: {
      members: people.flatMap((p) => (p.member ? [p.member] : [])),
      transactions: buildLedger(ctx, people, visits, orders, returns.eshop),
      offers: loyaltyOffers(ctx),
    },
  };
  const truth = people.map((p) => ({
    personId: p.id,
    eshopAccountId: p.account?.id ?? null,
    crmContactId: p.contact?.id ?? null,
    loyaltyCard: p.member?.card_number ?? null,
    householdId: p.householdId,
  }));
  return { world, truth };
}

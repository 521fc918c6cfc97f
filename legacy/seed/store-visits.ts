// Store receipts: loyalty members shopping (card scanned, or forgotten) and anonymous shoppers.
import type { PosReceipt } from '../../adapters/pos/wire';
import { SeedContext, pickBasket, pickQty } from './context';
import { printedCard } from './identifiers';
import type { Persona } from './people';
import type { ShelfPrices } from './shelf';
import { openInstant } from './stores';

export interface Visit {
  receipt: PosReceipt;
  ms: number;
  store: number;
  /** products[i] is the catalogue index of receipt.lines[i] */
  products: number[];
  /** The member whose card is on the receipt. */
  shopper: Persona | null;
}

const MAX_MEMBER_VISITS = 14;
const HOME_STORE_RATE = 0.8;
const CARD_SCANNED_RATE = 0.9;
const ANONYMOUS_VISITS_PER_STORE = 60;

export function buildVisits(ctx: SeedContext, people: Persona[], shelf: ShelfPrices): Visit[] {
  const { faker } = ctx;
  const visits: Visit[] = [];
  const visit = (store: number, fromMs: number, shopper: Persona | null): void => {
    const slot = openInstant(faker, ctx.calendar, ctx.stores[store], fromMs, ctx.nowMs);
    if (!slot) return;
    const products = pickBasket(ctx, 4);
    const lines = products.map((p) => ({ ean: ctx.products[p].ean, qty: pickQty(ctx), unit_cents: shelf.centsAt(store, p) }));
    visits.push({
      receipt: {
        id: '', // numbered per store and day once all are drawn
        store: ctx.stores[store].code,
        at: slot.local,
        card: shopper ? printedCard(shopper.member!.card_number) : null,
        total_cents: lines.reduce((sum, l) => sum + l.qty * l.unit_cents, 0),
        deliver: null,
        ref: null,
        lines,
      },
      ms: slot.ms,
      store,
      products,
      shopper,
    });
  };

  for (const person of people) {
    if (!person.member) continue;
    const visitsOfPerson = faker.number.int({ max: MAX_MEMBER_VISITS });
    for (let i = 0; i < visitsOfPerson; i++) {
      const store = faker.datatype.boolean(HOME_STORE_RATE) ? person.homeStore : faker.number.int({ max: ctx.stores.length - 1 });
      const from = Math.max(person.memberSinceMs, ctx.startMs);
      visit(store, from, faker.datatype.boolean(CARD_SCANNED_RATE) ? person : null);
    }
  }
  const anonymous = Math.round(ANONYMOUS_VISITS_PER_STORE * ctx.scale);
  ctx.stores.forEach((_, store) => {
    for (let i = 0; i < anonymous; i++) visit(store, ctx.startMs, null);
  });

  numberReceipts(visits);
  return visits;
}

/** ST042-20261101-0042: the till numbers receipts per store and day, in time order. */
function numberReceipts(visits: Visit[]): void {
  visits.sort((a, b) => a.store - b.store || a.ms - b.ms);
  let seq = 0;
  let day = '';
  for (const { receipt } of visits) {
    const today = receipt.store + receipt.at.slice(0, 10);
    seq = today === day ? seq + 1 : 1;
    day = today;
    receipt.id = `${receipt.store}-${receipt.at.slice(0, 10).replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;
  }
}

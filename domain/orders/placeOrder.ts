// placeOrder as a saga. The request is checked and priced first (reads only, nothing written);
// then the steps, each recorded before and after it runs:
//   vouchers claimed -> POS reservation (click and collect) -> e-shop order (web, phone, pickup)
//   or POS sale shipped home (paid in store) -> | pivot | -> loyalty points earned.
// A failure before the pivot undoes what was done (reservation released, e-shop order cancelled,
// sale returned, vouchers given back); after it, the points are retried until earned, once.
import { createHash } from 'node:crypto';
import { webOrderPages } from '../../adapters/eshop/order-pages';
import { orderFromEshop } from '../../adapters/eshop/mapping';
import type { EshopOrder } from '../../adapters/eshop/wire';
import { orderFromPosReceipt } from '../../adapters/pos/mapping';
import { centsToDecimal } from '../canonical/money';
import { formatCardForPos } from '../canonical/card';
import { externalIdIn } from '../identity/records';
import { storeIdToEshopCode } from '../canonical/store';
import { isoToParisLocal, parisDate } from '../canonical/time';
import type { Address } from '../types';
import { badInput, graphqlError, InDoubtError, mayHaveHappened, notFound } from '../../platform/errors';
import type { Logger } from '../../platform/logging';
import { checkedStoreId, priceBasket, type PricingSources } from '../pricing/promotions/quoting';
import type { Saga } from './saga/runner';
import type { OperatorFinding } from './saga/store';
import type { CommerceDeps } from './deps';
import { cancelWebOrder, refusedWith, releaseReservation } from './effects';
import { earnPoints } from './points';
import { storeSaleOwner, withRecordedOwner } from './owner';
import { paidUnits } from './paidUnits';
import { sumBy } from '../quantities';
import { refundAt } from './till';
import type { OrderPlan, PlaceOrderInput, PlaceOrderState, PlannedLine } from './plan';

/** Written as given into the e-shop order and onto the parcel: control characters have no place there. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u001f\u007f]/;

function checkedAddress(address: Address | null | undefined): Address {
  if (!address) throw badInput('Home delivery needs an address');
  const { street, zip, city } = address;
  if (!street.trim() || !city.trim()) throw badInput('The address needs a street and a city');
  if (street.length > 200 || city.length > 100) throw badInput('A street has at most 200 characters, a city 100');
  if (CONTROL.test(street) || CONTROL.test(city)) throw badInput('The address has control characters');
  if (!/^\d{5}$/.test(zip)) throw badInput('zip must have five digits');
  return { street: street.trim(), zip, city: city.trim() };
}

function kindOf(input: PlaceOrderInput): OrderPlan['kind'] {
  const { channel, fulfillment } = input;
  if (fulfillment.type === 'STORE_PICKUP' && channel !== 'STORE') return 'pickup';
  if (fulfillment.type === 'HOME_DELIVERY') return channel === 'STORE' ? 'storeSale' : 'web';
  throw badInput(
    channel === 'STORE'
      ? 'A STORE order is shipped home (HOME_DELIVERY); a sale taken away is rung up at the till'
      : `${channel} orders are HOME_DELIVERY or STORE_PICKUP`,
  );
}

/** Checks and prices the order; reads only. */
export async function planPlaceOrder(deps: CommerceDeps, pricing: PricingSources, input: PlaceOrderInput): Promise<OrderPlan> {
  const kind = kindOf(input);
  const storeId = input.fulfillment.storeId ?? null;
  if (kind !== 'web' && !storeId)
    throw badInput(kind === 'pickup' ? 'STORE_PICKUP needs the pickup storeId' : 'A STORE order needs the storeId of the store');
  // a web home delivery has no use for a store, but one given must still be a store (the others'
  // store is checked by the pricing below)
  if (kind === 'web') await checkedStoreId(pricing, storeId);
  const address = kind === 'pickup' ? null : checkedAddress(input.fulfillment.address);
  const customer = (await deps.identity.identitiesOf([input.customerId])).get(input.customerId);
  if (!customer) throw notFound(`Unknown customer ${input.customerId}`);
  const { id: current, records } = customer;
  const accountId = externalIdIn(records, 'eshop');
  if (kind !== 'storeSale' && !accountId)
    throw badInput('This customer has no e-shop account: web and call center orders are placed there');
  const card = externalIdIn(records, 'loyalty');

  const { quote } = await priceBasket(pricing, {
    channel: input.channel,
    storeId: kind === 'web' ? null : storeId,
    customerId: current,
    lines: input.lines,
    promoCodes: input.promoCodes,
  });
  // the catalogue the basket was priced with: its SKUs are known there
  const catalog = await pricing.catalog();
  const lines = quote.lines.map((l) => ({
    sku: l.sku,
    ean: catalog.bySku.get(l.sku)!.ean,
    quantity: l.quantity,
    listCents: l.listPriceCents,
    netCents: l.lineTotalCents - l.discountCents,
  }));
  if (kind !== 'web') await checkStock(deps, storeId!, lines);
  const applied = quote.appliedPromotions.map((a) => a.promotion);
  return {
    kind,
    channel: input.channel,
    customerId: current,
    storeId,
    address,
    accountId,
    card,
    owner: storeSaleOwner({ kind, card }, records),
    lines,
    totalCents: quote.totalCents,
    discountCents: quote.discountCents,
    points: card ? quote.loyaltyPointsEarned : 0,
    promoCodes: applied.flatMap((p) => (p.code ? [p.code] : [])),
    voucherCodes: applied.filter((p) => p.source === 'crm').map((p) => p.code!),
    ref: `OG-${createHash('sha256').update(input.idempotencyKey).digest('hex').slice(0, 16)}`,
  };
}

/** A line the store lacks: the units of its product over all the order's lines, and those the store has free (null: not known). */
interface ShortLine {
  sku: string;
  requested: number;
  available: number | null;
}

/** Each line whose product the store has fewer free units of (on hand less reserved) than asked; with no stock to go by, every line. */
function lacking(lines: PlannedLine[], free: Map<string, number> | null): ShortLine[] {
  const wanted = sumBy(lines.map((l) => [l.ean, l.quantity]));
  return lines
    .map((l) => ({ sku: l.sku, requested: wanted.get(l.ean)!, available: free ? (free.get(l.ean) ?? 0) : null }))
    .filter((l) => l.available === null || l.available < l.requested);
}

async function freeStock(deps: CommerceDeps, storeId: string, lines: PlannedLine[]): Promise<Map<string, number>> {
  const stock = await deps.pos.getStock(storeId, [...new Set(lines.map((l) => l.ean))]);
  return new Map(stock.map((s) => [s.ean, Math.max(0, s.qty - s.reserved)]));
}

const insufficientStock = (storeId: string, lines: ShortLine[]) =>
  graphqlError('INSUFFICIENT_STOCK', `Store ${storeId} lacks ${lines.map((l) => l.sku).join(', ')}`, { storeId, lines });

/** INSUFFICIENT_STOCK names the store and each line it lacks, before anything is written. */
async function checkStock(deps: CommerceDeps, storeId: string, lines: PlannedLine[]): Promise<void> {
  const missing = lacking(lines, await freeStock(deps, storeId, lines));
  if (missing.length > 0) throw insufficientStock(storeId, missing);
}

/**
 * The lines of a reservation the POS refused, though the stock was checked: other pickups took the
 * units since, which its stock read again shows. Unreadable, or showing enough again (released
 * since), it cannot tell which line was short: the client is told every line, rather than none.
 */
async function refusedLines(deps: CommerceDeps, storeId: string, lines: PlannedLine[]): Promise<ShortLine[]> {
  const missing = lacking(lines, await freeStock(deps, storeId, lines).catch(() => null));
  return missing.length > 0 ? missing : lacking(lines, null);
}

function newWebOrder(plan: OrderPlan) {
  return {
    account_id: plan.accountId!,
    // as an order of the web shop itself: list prices and the discount, which the e-shop prorates over the units of a return
    lines: plan.lines.map((l) => ({ sku: l.sku, qty: l.quantity, unit_price: centsToDecimal(l.listCents) })),
    promo_codes: plan.promoCodes,
    discount: centsToDecimal(plan.discountCents),
    total: centsToDecimal(plan.totalCents),
    shipping:
      plan.kind === 'pickup'
        ? { method: 'store_pickup' as const, store_code: storeIdToEshopCode(plan.storeId!), address: null }
        : { method: 'home' as const, store_code: null, address: plan.address },
    origin: plan.channel === 'CALL_CENTER' ? ('phone' as const) : ('web' as const),
  };
}

const units = (plan: OrderPlan) => plan.lines.reduce((n, l) => n + l.quantity, 0);

export function placeOrderSaga(deps: CommerceDeps, logger: Logger): Saga<PlaceOrderState> {
  const { eshop, pos, loyalty, vouchers, sagas } = deps;
  return {
    kind: 'placeOrder',
    pivot: 4,
    result: (s) => ({ orderId: s.orderId, placed: s.placed }),
    steps: [
      {
        name: 'claimVouchers',
        // the offers subgraph may commit a claim after the call gave up: its release, by the order's ref, waits for it
        findsLateWrites: true,
        run: async ({ plan }) => {
          await vouchers.claim(plan.voucherCodes, plan.ref);
          return {};
        },
        compensate: async ({ plan }) => vouchers.release(plan.voucherCodes, plan.ref),
      },
      {
        name: 'reserve',
        run: async ({ plan }) => {
          if (plan.kind !== 'pickup') return {};
          try {
            const reservation = await pos.createReservation(
              plan.storeId!,
              plan.ref,
              plan.lines.map((l) => ({ ean: l.ean, qty: l.quantity })),
            );
            return { reservationId: reservation.id };
          } catch (err) {
            if (refusedWith(err, 'insufficient_stock'))
              throw insufficientStock(plan.storeId!, await refusedLines(deps, plan.storeId!, plan.lines));
            throw err;
          }
        },
        compensate: async ({ plan, reservationId }, { inDoubt }) => {
          if (reservationId) return releaseReservation(deps, reservationId);
          // the POS cannot find a reservation by its ref: one made by a lost call expires by itself after 72 h
          if (inDoubt) logger.warn({ ref: plan.ref, store: plan.storeId }, 'reservation in doubt: left to the POS 72 h expiry');
        },
      },
      {
        name: 'createWebOrder',
        findsLateWrites: true,
        run: async ({ plan, reservationId }) => {
          if (plan.kind === 'storeSale') return {};
          const order = await eshop.createOrder(newWebOrder(plan));
          // a web order's address is the e-shop's to keep
          await sagas.recordOrder({
            orderId: order.id,
            reservationId: reservationId ?? null,
            pickupStore: plan.kind === 'pickup' ? plan.storeId : null,
            orderedUnits: units(plan),
            deliveryAddress: null,
            priced: null,
            placedBy: plan.ref,
            pointsEarned: plan.points,
            owner: null,
          });
          return { orderId: order.id, placed: orderFromEshop(order) };
        },
        compensate: async ({ plan, orderId }, { inDoubt, startedAt }) => {
          if (plan.kind === 'storeSale') return;
          const ids = orderId ? [orderId] : inDoubt ? await lostWebOrders(deps, plan, startedAt) : [];
          for (const id of ids) await cancelWebOrder(deps, id);
        },
      },
      {
        name: 'storeSale',
        findsLateWrites: true,
        run: async ({ plan }) => {
          if (plan.kind !== 'storeSale') return {};
          const receipt = await pos.createSale({
            store: plan.storeId!,
            card: plan.card ? formatCardForPos(plan.card) : null,
            deliver: 'home',
            lines: plan.lines.flatMap((l) =>
              paidUnits(l.quantity, l.netCents).map((u) => ({ ean: l.ean, qty: u.qty, unit_cents: u.unitCents })),
            ),
          });
          await sagas.recordOrder({
            orderId: receipt.id,
            reservationId: null,
            pickupStore: null,
            orderedUnits: units(plan),
            deliveryAddress: plan.address,
            // the POS takes net unit prices only: the list prices, discount and codes are the project's to keep
            priced: {
              lines: plan.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitCents: l.listCents })),
              discountCents: plan.discountCents,
              promoCodes: plan.promoCodes,
            },
            placedBy: plan.ref,
            pointsEarned: plan.points,
            // the POS knows a receipt's customer by its card only: without one, the project keeps whose it is
            owner: plan.owner ?? null,
          });
          return { orderId: receipt.id, placed: withRecordedOwner(orderFromPosReceipt(receipt), plan.owner) };
        },
        compensate: async ({ plan, orderId }, { inDoubt, startedAt }) => {
          if (plan.kind !== 'storeSale') return;
          const ids = orderId ? [orderId] : inDoubt ? await lostSales(deps, plan, startedAt) : [];
          const lines = plan.lines.map((l) => ({ ean: l.ean, qty: l.quantity }));
          for (const id of ids) {
            if ((await sagas.orderFacts(id))?.voidedAt) continue;
            const refund = await refundAt(deps, plan.storeId!, lines, plan.totalCents);
            if (!(await sagas.sendingVoid(id, plan.ref))) throw voidInDoubt(id);
            try {
              // all of it comes back: what was paid is the sale's total
              await pos.createReturn({ store: plan.storeId!, ref: id, refund, lines });
            } catch (err) {
              if (!mayHaveHappened(err)) await sagas.voidNotSent(id);
              throw err;
            }
            await sagas.markVoided(id);
          }
        },
      },
      {
        name: 'earnPoints',
        run: async ({ plan, orderId }) => {
          if (plan.card) await earnPoints(loyalty, plan.card, plan.points, plan.channel, orderId!);
          return {};
        },
      },
    ],
  };
}

/** Why the undo of a store sale stops: its wording names the sale (a migration of store.ts reads it). */
export const voidInDoubt = (saleId: string) =>
  new InDoubtError(
    `The POS return undoing sale ${saleId} may have been made (its answer was lost, or its process stopped): check it at the till`,
  );

/**
 * A placeOrder's undo parked on `step`, as an operator found it in its silo (operatorSettlement.ts):
 * done there (by hand, or the return undoing a sale found at the till) or not. A sale's undo runs
 * again either way, from what the settlement recorded: its sale voided (then skipped), or its
 * return not sent (then sent); any other step found undone is taken as such.
 */
export function undoFound(s: PlaceOrderState, step: string, done: boolean): OperatorFinding {
  if (step === 'storeSale') return { kind: 'undo', step, undone: false, voids: { undoing: s.plan.ref, made: done } };
  return { kind: 'undo', step, undone: done };
}

/** The same quantity of each product (a line of the plan may have become two lines at two unit prices). */
export function sameLines(a: { sku: string; qty: number }[], plan: Pick<OrderPlan, 'lines'>): boolean {
  const quantities = (lines: [string, number][]) => [...sumBy(lines)].sort().join();
  return quantities(a.map((l) => [l.sku, l.qty])) === quantities(plan.lines.map((l) => [l.sku, l.quantity]));
}

/**
 * Of the orders alike made since a call whose answer was lost, the one it made. Its own: recorded by
 * this operation (its step not marked done after), or whose undoing return it sent. Otherwise the
 * first one no other operation recorded, took back (a sale's return) or `taken` says is undone: an
 * order whose call answered belongs to that call's operation, however alike it looks, and one call
 * makes one order, a later one alike being the customer's ordering again (at the till, on the
 * site), which this undo, looking a while after the call (runner.ts, findsLateWrites), must not take.
 */
async function madeByTheCall<T extends { id: string }>(
  deps: CommerceDeps,
  plan: OrderPlan,
  alike: T[],
  { at, taken }: { at: (o: T) => string; taken: (o: T) => boolean },
): Promise<T | undefined> {
  const ids = alike.map((o) => o.id);
  const [recorded, voids] = await Promise.all([deps.sagas.orderFactsMany(ids), deps.sagas.saleVoidsOf(ids)]);
  const own = (id: string) => recorded.get(id)?.placedBy === plan.ref || voids.get(id) === plan.ref;
  const another = (id: string) => recorded.has(id) || (voids.get(id) ?? plan.ref) !== plan.ref;
  const first = (os: T[]) => [...os].sort((x, y) => at(x).localeCompare(at(y)))[0];
  return first(alike.filter((o) => own(o.id))) ?? first(alike.filter((o) => !another(o.id) && !taken(o)));
}

/** An e-shop order created by a call whose answer was lost: found by account, time and content, among the orders made since. */
async function lostWebOrders(deps: CommerceDeps, plan: OrderPlan, since: string): Promise<string[]> {
  const total = centsToDecimal(plan.totalCents);
  const alike: EshopOrder[] = [];
  for await (const page of webOrderPages(deps.eshop, plan.accountId!)) {
    const recent = page.filter((o) => o.created_at >= since);
    alike.push(...recent.filter((o) => o.total === total && sameLines(o.lines, plan)));
    // newest first: a page reaching before the call holds the last of them
    if (recent.length < page.length) break;
  }
  // cancelled: by another operation's undo, or by this one's earlier pass (its own, then)
  const made = await madeByTheCall(deps, plan, alike, { at: (o) => o.created_at, taken: (o) => o.status === 'cancelled' });
  return made && made.status !== 'cancelled' ? [made.id] : [];
}

/** A POS sale whose answer was lost: found through the card's receipts of the day (anonymous sales cannot be). */
async function lostSales(deps: CommerceDeps, plan: OrderPlan, since: string): Promise<string[]> {
  if (!plan.card) return [];
  const receipts = await deps.pos.listReceipts(plan.card, parisDate(since));
  const after = isoToParisLocal(since);
  const alike = receipts.filter(
    (r) => r.store === plan.storeId && r.deliver === 'home' && r.total_cents === plan.totalCents && r.at >= after,
  );
  // voided: recorded (order_facts), by whichever operation
  const made = await madeByTheCall(deps, plan, alike, { at: (r) => r.at, taken: () => false });
  return made ? [made.id] : [];
}

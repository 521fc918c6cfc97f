// returnOrder: goods bought in any channel, brought back to any store. One return is one refund,
// of what was paid for those units, recorded once. For a web order the e-shop return is the point
// of no return (it checks the quantities and refunds what was paid); the POS then only takes the
// goods back into that store's stock (refund="none"), and the points of the refunded euros are
// taken back. A store sale is returned at the POS alone, refunded what its receipt says was paid.
// Goods held for a pickup are not returned before they are collected: the order is cancelled instead.
import { decimalToCents } from '../canonical/money';
import { checkedText } from '../canonical/text';
import { normalizeCard } from '../canonical/card';
import { storeIdToEshopCode } from '../canonical/store';
import type { Channel } from '../types';
import { badInput, graphqlError, LegacyRejectedError, notFound } from '../../platform/errors';
import { checkedStoreId, MAX_QUANTITY, type PricingSources } from '../pricing/promotions/quoting';
import type { Saga, SagaStep } from './saga/runner';
import type { OperatorFinding, OrderFacts, RecordedReturn } from './saga/store';
import { notAwaitingOperator } from './awaitingOperator';
import { cardOfAccount } from './customerOf';
import type { CommerceDeps } from './deps';
import { orderIdKind } from './orderIds';
import { sumBy } from '../quantities';
import { loyaltyDown, pointsOf, pointsToTakeBack, reversePoints, type ReturnedPoints } from './points';
import { refundDue } from './refunds';
import { refundAt, type RefundAt } from './till';

export interface ReturnOrderInput {
  orderId: string;
  lines: { sku: string; quantity: number }[];
  storeId: string;
  idempotencyKey: string;
}

export interface ReturnState extends Record<string, unknown> {
  key: string;
  orderId: string;
  storeId: string;
  channel: Channel;
  lines: { sku: string; ean: string; quantity: number }[];
  orderedUnits: number;
  card: string | null;
  /** the order's points (none without a card), for those this return takes back */
  points: ReturnedPoints;
  /** who pays the refund at the POS: nobody for a web order (the e-shop refunds it) */
  refundAt: RefundAt;
  /** a store sale's refund, what its receipt says was paid for the units (the e-shop says a web order's) */
  owedCents: number | null;
  returnId?: string;
  refundCents?: number;
}

export async function planReturn(deps: CommerceDeps, pricing: PricingSources, input: ReturnOrderInput): Promise<ReturnState> {
  const kind = orderIdKind(input.orderId);
  await notAwaitingOperator(deps, input.orderId);
  const storeId = (await checkedStoreId(pricing, input.storeId))!;
  if (input.lines.length === 0) throw badInput('A return needs at least one line');
  const catalog = await pricing.catalog();
  const wanted = input.lines.map(({ sku, quantity }) => {
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY)
      throw badInput(`Quantity of ${sku} must be between 1 and ${MAX_QUANTITY}`);
    const product = catalog.bySku.get(sku);
    if (!product) throw badInput(`Unknown product ${sku}`);
    return { sku, ean: product.ean, quantity };
  });
  const [before, facts] = await Promise.all([deps.sagas.returnsOf(input.orderId), deps.sagas.orderFacts(input.orderId)]);
  let bought: Map<string, number>;
  let card: string | null;
  let channel: Channel;
  let owedCents: number | null = null;
  let paidCents: number;
  if (kind === 'web') {
    const order = await deps.eshop.getOrder(input.orderId);
    if (!order) throw notFound(`Unknown order ${input.orderId}`);
    if (order.status === 'cancelled' || order.status === 'pending')
      throw graphqlError('CONFLICT', `Order ${input.orderId} is ${order.status}: nothing to return`);
    // held in the store by a reservation the project knows, until collected through the graph:
    // refunded and back in stock, the goods would still be handed over. (One whose reservation it
    // does not know, from before go-live, is handed over at the till: it may have been.)
    const held = order.status === 'paid' || order.status === 'ready_for_pickup';
    if (order.shipping.method === 'store_pickup' && held && facts?.reservationId && !facts.collectedAt) {
      throw graphqlError('CONFLICT', `Order ${input.orderId} is held for pickup: hand it over (collectOrder) or cancel it`);
    }
    bought = sumBy(order.lines.map((l) => [l.sku, l.qty]));
    paidCents = decimalToCents(order.total);
    card = await cardOfAccount(deps, order.account_id);
    channel = order.origin === 'phone' ? 'CALL_CENTER' : 'WEB';
  } else {
    const receipt = await deps.pos.getReceipt(input.orderId);
    if (!receipt) throw notFound(`Unknown order ${input.orderId}`);
    // the POS writes a receipt when it hands a click-and-collect order over: those goods were paid
    // on the web, and are returned (and refunded) through that web order
    if (receipt.ref !== null)
      throw graphqlError('CONFLICT', `${input.orderId} is the hand-over of a click-and-collect order: return that web order`);
    const lines = receipt.lines.map((l) => ({ key: catalog.byEan.get(l.ean)?.sku ?? l.ean, qty: l.qty, unitCents: l.unit_cents }));
    bought = sumBy(lines.map((l) => [l.key, l.qty]));
    paidCents = receipt.total_cents;
    card = normalizeCard(receipt.card);
    channel = 'STORE';
    const listed = lines.reduce((sum, l) => sum + l.qty * l.unitCents, 0);
    owedCents = refundDue(
      { lines, discountCents: Math.max(0, listed - receipt.total_cents), totalCents: receipt.total_cents },
      { lines: before.lines.map((l) => ({ key: l.sku, qty: l.quantity })), cents: before.refundCents },
      wanted.map((l) => ({ key: l.sku, qty: l.quantity })),
    );
  }
  if (facts?.voidedAt) throw graphqlError('CONFLICT', `Order ${input.orderId} was cancelled: nothing to return`);
  // the POS checks nothing: what was taken back before (through the graph) is subtracted here
  const returned = sumBy(before.lines.map((l) => [l.sku, l.quantity]));
  const returning = sumBy(wanted.map((l) => [l.sku, l.quantity]));
  for (const [sku, qty] of returning) {
    if (!bought.has(sku)) throw badInput(`Order ${input.orderId} has no ${sku}`);
    const left = bought.get(sku)! - (returned.get(sku) ?? 0);
    if (qty > left) throw badInput(`Order ${input.orderId} has ${left} of ${sku} left to return, not ${qty}`);
  }
  const posLines = wanted.map((l) => ({ ean: l.ean, qty: l.quantity }));
  return {
    key: input.idempotencyKey,
    orderId: input.orderId,
    storeId,
    channel,
    lines: wanted,
    orderedUnits: [...bought.values()].reduce((a, b) => a + b, 0),
    card,
    points: {
      ...(card ? await ledgerOrRecorded(deps, card, input.orderId, facts, before.pointsReversed) : { earned: 0, held: 0 }),
      paidCents,
      refundedCents: before.refundCents,
      reversed: before.pointsReversed,
    },
    refundAt: owedCents === null ? 'none' : await refundAt(deps, storeId, posLines, owedCents),
    owedCents,
  };
}

/**
 * The order's points as the ledger says; while the platform is down, as the placeOrder that made it
 * recorded them, less what its returns through the graph took back: a return need not wait for the
 * platform, its points being a step after its point of no return. An order placed otherwise waits.
 */
async function ledgerOrRecorded(deps: CommerceDeps, card: string, orderId: string, facts: OrderFacts | null, reversed: number) {
  try {
    return await pointsOf(deps, card, orderId);
  } catch (err) {
    const earned = facts?.pointsEarned;
    if (loyaltyDown(err) && earned != null) return { earned, held: Math.max(0, earned - reversed) };
    throw err;
  }
}

/** A return planned before its state kept `points` (unfinished across an upgrade): its own refund's points, as then. */
interface EarlierReturnState {
  earned?: number;
}

const pointsToReverse = (s: ReturnState) =>
  s.points
    ? pointsToTakeBack(s.points, s.refundCents ?? 0)
    : s.card
      ? Math.min((s as EarlierReturnState).earned ?? 0, Math.floor((s.refundCents ?? 0) / 100))
      : 0;

/** What returnOrder answers (and stores for its idempotency key). */
const result = (s: ReturnState): RecordedReturn => ({
  returnId: s.returnId!,
  orderId: s.orderId,
  storeId: s.storeId,
  lines: s.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
  refundCents: s.refundCents ?? 0,
  // what the return owes, also when its reversal is still being retried after the point of no return
  pointsReversed: pointsToReverse(s),
});

/** A return as its silo's record says it was made: its id there, what it refunded. */
export interface MadeReturn {
  returnId: string;
  refundCents: number;
}

/** The largest refund an operator may say a return made (a whole order's worth): beyond, a typo. */
const MAX_REFUND_CENTS = 10_000_000;

/**
 * A return an operator found made in its silo (its answer lost): the state its step would have
 * left, and the return as that step would have recorded it, from what the silo's record says: the
 * e-shop's return of a web order, the POS's of a store sale (whose refund is the till's when the
 * till paid it, and otherwise what the sale's receipt says was paid, as posReturn takes it).
 */
export function returnFoundMade(kind: 'returnWebOrder' | 'returnStoreSale', s: ReturnState, made: MadeReturn): OperatorFinding {
  const returnId = checkedText('returnId', made.returnId, 64);
  const web = kind === 'returnWebOrder';
  const silo = web ? { name: 'e-shop', prefix: 'R-' } : { name: 'POS', prefix: 'RT-' };
  if (!returnId.startsWith(silo.prefix)) throw badInput(`returnId is the ${silo.name}'s id of the return: ${silo.prefix}...`);
  if (!Number.isInteger(made.refundCents) || made.refundCents < 0 || made.refundCents > MAX_REFUND_CENTS) {
    throw badInput(`refund is in cents, from 0 to ${MAX_REFUND_CENTS}`);
  }
  const refundCents = web || s.refundAt === 'till' ? made.refundCents : s.owedCents!;
  const state = { ...s, returnId, refundCents };
  // recorded as the return, and answered to its key
  const taken = result(state);
  return { kind: 'return', state, key: s.key, taken, orderedUnits: s.orderedUnits, result: taken };
}

export function returnSagas(deps: CommerceDeps): { web: Saga<ReturnState>; store: Saga<ReturnState> } {
  const eshopReturn: SagaStep<ReturnState> = {
    name: 'eshopReturn',
    run: async ({ orderId, storeId, lines }) => {
      try {
        const r = await deps.eshop.createReturn(orderId, {
          lines: lines.map((l) => ({ sku: l.sku, qty: l.quantity })),
          where: 'store',
          store_code: storeIdToEshopCode(storeId),
        });
        return { returnId: r.return_id, refundCents: decimalToCents(r.refund) };
      } catch (err) {
        if (err instanceof LegacyRejectedError && err.legacyCode !== 'not_found') {
          throw graphqlError(
            err.legacyCode === 'invalid_state' ? 'CONFLICT' : 'BAD_USER_INPUT',
            'The e-shop refused this return: more than was bought, or already returned',
          );
        }
        throw err;
      }
    },
  };
  const posReturn: SagaStep<ReturnState> = {
    name: 'posReturn',
    run: async (s) => {
      const lines = s.lines.map((l) => ({ ean: l.ean, qty: l.quantity }));
      const r = await deps.pos.createReturn({ store: s.storeId, ref: s.orderId, refund: s.refundAt, lines });
      // a web order's refund is the e-shop's: the POS only took the goods back
      if (s.owedCents === null) return {};
      return { returnId: r.id, refundCents: s.refundAt === 'till' ? r.refund_cents : s.owedCents };
    },
  };
  const takeBackPoints: SagaStep<ReturnState> = {
    name: 'reversePoints',
    run: async (s) => {
      if (s.card) await reversePoints(deps, s.card, pointsToReverse(s), s.channel, s.orderId, `${s.orderId}:return:${s.key}`);
      return {};
    },
  };
  /**
   * The step past which the return stands: the goods count as returned as soon as it succeeds, so
   * that another return of them is refused even while the points of this one wait for the platform.
   */
  const standing = (step: SagaStep<ReturnState>): SagaStep<ReturnState> => ({
    ...step,
    run: async (s) => {
      const done = await step.run(s);
      await deps.sagas.recordReturn(s.key, result({ ...s, ...done }), s.orderedUnits);
      return done;
    },
  });
  return {
    web: { kind: 'returnWebOrder', pivot: 1, result, steps: [standing(eshopReturn), posReturn, takeBackPoints] },
    store: { kind: 'returnStoreSale', pivot: 1, result, steps: [standing(posReturn), takeBackPoints] },
  };
}

// Loyalty points move once per order and once per reversal: the ledger's external_ref makes a
// repeated write a 409 duplicate, which is what "done already" looks like.
import type { LoyaltyClient } from '../../adapters/loyalty/client';
import { wholeLedger } from '../../adapters/loyalty/ledger';
import type { Channel } from '../types';
import { graphqlError, LegacyUnavailableError, NothingDoneError } from '../../platform/errors';
import { alreadyDoneIf, refusedWith } from './effects';
import type { CommerceDeps } from './deps';
import type { PlaceOrderState } from './plan';

const LEDGER_CHANNEL: Record<Channel, 'WEB' | 'STORE' | 'PHONE'> = { WEB: 'WEB', STORE: 'STORE', CALL_CENTER: 'PHONE' };

/** A reversal of an order's points (cancel, return) has a reference of its own that starts with the order id. */
export const reversesPointsOf = (orderId: string, ref: string | null | undefined) => ref?.startsWith(`${orderId}:`) ?? false;

/** The ledger refuses a second entry with the same external_ref: that refusal is "done already". */
const once = (work: Promise<unknown>) => alreadyDoneIf('duplicate_external_ref', work);

export function earnPoints(loyalty: LoyaltyClient, card: string, points: number, channel: Channel, orderId: string): Promise<void> {
  if (points <= 0) return Promise.resolve();
  return once(loyalty.createTransaction(card, { type: 'EARN', points, channel: LEDGER_CHANNEL[channel], external_ref: orderId }));
}

/** The saga still placing the order, when it has not finished (its EARN may not be in the ledger yet). */
const placing = async (deps: Pick<CommerceDeps, 'sagas'>, orderId: string) =>
  (await deps.sagas.unfinished()).find((op) => op.kind === 'placeOrder' && op.state.orderId === orderId);

/**
 * Takes an order's points back (cancel, return), under a reference of its own (`<orderId>:...`) so
 * it happens once, and only once the order's EARN is in the ledger: before, it would take points
 * other orders earned, and leave a later reversal of theirs short. While the saga placing the order
 * still finishes, the reversal waits for it (retried as a system not ready); with no such saga and
 * no EARN, it is refused (and parked in the end, for an operator). Points the customer already
 * spent cannot be taken: the platform keeps no balance below zero, so what is left is taken and the
 * rest is lost, rather than retried for ever.
 */
export async function reversePoints(
  deps: Pick<CommerceDeps, 'loyalty' | 'sagas'>,
  card: string,
  points: number,
  channel: Channel,
  orderId: string,
  ref: string,
): Promise<void> {
  const { loyalty } = deps;
  const adjust = (n: number) =>
    n <= 0
      ? Promise.resolve()
      : once(loyalty.createTransaction(card, { type: 'ADJUST', points: -n, channel: LEDGER_CHANNEL[channel], external_ref: ref }));
  if (points <= 0) return;
  if (!(await wholeLedger(loyalty, card)).some((t) => t.type === 'EARN' && t.external_ref === orderId)) {
    // not a refusal while its saga earns them (ten refusals park the operation)
    if (await placing(deps, orderId)) {
      throw new NothingDoneError('loyalty', `the points of order ${orderId} are not in the ledger yet: taken back once they are`);
    }
    throw graphqlError('CONFLICT', `Order ${orderId} earned no points in the ledger: there are none to take back`);
  }
  try {
    await adjust(points);
  } catch (err) {
    if (!refusedWith(err, 'insufficient_points')) throw err;
    await adjust(Math.min(points, (await loyalty.getMember(card))?.points_balance ?? 0));
  }
}

/**
 * The points an order earned, and those it still holds: its EARN less what earlier returns took
 * back (each reversal's ref starts with the order id), so several returns never take back more
 * than it earned. While the saga that placed it is still finishing, its EARN may not be in the
 * ledger yet; it is retried until it is, so the points it will earn count.
 */
export async function pointsOf(deps: CommerceDeps, card: string, orderId: string): Promise<{ earned: number; held: number }> {
  const earning = await placing(deps, orderId);
  const ledger = await wholeLedger(deps.loyalty, card);
  const earned = earning
    ? (earning.state as PlaceOrderState).plan.points
    : ledger.filter((t) => t.type === 'EARN' && t.external_ref === orderId).reduce((sum, t) => sum + t.points, 0);
  const reversed = ledger
    .filter((t) => t.type === 'ADJUST' && reversesPointsOf(orderId, t.external_ref))
    .reduce((sum, t) => sum - t.points, 0);
  return { earned, held: Math.max(0, earned - reversed) };
}

/** Whether the loyalty platform itself failed (not a refusal, nor another system). */
export const loyaltyDown = (err: unknown) => err instanceof LegacyUnavailableError && err.system === 'loyalty';

/** An order's points as its returns take them back. */
export interface ReturnedPoints {
  earned: number;
  /** what it still holds in the ledger: the most a return takes back */
  held: number;
  paidCents: number;
  /** what its earlier returns refunded, and the points they took back (or owe still) */
  refundedCents: number;
  reversed: number;
}

/**
 * The points a return takes back: so that the returns of an order, together, take back the points
 * of all they refunded (earned x refunded / paid, rounded down), and every point once it is
 * refunded in full. Each return's own share rounded down would leave a point or two on an order
 * returned a unit at a time.
 */
export function pointsToTakeBack(points: ReturnedPoints, refundCents: number): number {
  const refunded = points.refundedCents + refundCents;
  const due = refunded >= points.paidCents ? points.earned : Math.floor((points.earned * refunded) / points.paidCents);
  return Math.max(0, Math.min(points.held, due - points.reversed));
}

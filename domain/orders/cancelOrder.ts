// cancelOrder: the e-shop cancel is the point of no return; the reservation release and the
// points reversal after it are retried until done.
import { graphqlError, badInput, notFound } from '../../platform/errors';
import { notAwaitingOperator, waitsForOperator } from './awaitingOperator';
import { cancelWebOrder, releaseReservation } from './effects';
import type { Saga } from './saga/runner';
import { cardOfAccount } from './customerOf';
import type { CommerceDeps } from './deps';
import { orderIdKind } from './orderIds';
import { pointsOf, reversePoints } from './points';
import type { Channel } from '../types';

export interface CancelState extends Record<string, unknown> {
  orderId: string;
  channel: Channel;
  card: string | null;
  reservationId: string | null;
}

/** What the project knows of the order, once it checked that nothing the e-shop cannot see forbids its cancel. */
async function stillCancellable(deps: CommerceDeps, orderId: string) {
  const facts = await deps.sagas.orderFacts(orderId);
  // a hand-over or return in doubt meanwhile: cancelled now, goods handed over would be refunded
  if ((await deps.sagas.heldBy(orderId)) === 'operator') throw waitsForOperator(orderId);
  // the e-shop still says "paid" once the POS handed the goods over: the project knows better
  if (facts?.collectedAt) throw graphqlError('CONFLICT', `Order ${orderId} was collected: it can no longer be cancelled`);
  // and it keeps no partial-return status: goods already taken back cannot be cancelled again
  if (facts && facts.returnedUnits > 0) throw graphqlError('CONFLICT', `Order ${orderId} was partly returned: return the rest instead`);
  return facts;
}

export async function planCancel(deps: CommerceDeps, orderId: string): Promise<CancelState> {
  if (orderIdKind(orderId) === 'receipt') throw badInput('A store sale is not cancelled: return it');
  await notAwaitingOperator(deps, orderId);
  const order = await deps.eshop.getOrder(orderId);
  if (!order) throw notFound(`Unknown order ${orderId}`);
  if (['shipped', 'collected', 'returned'].includes(order.status)) {
    throw graphqlError('CONFLICT', `Order ${orderId} is ${order.status}: it can no longer be cancelled`);
  }
  const facts = await stillCancellable(deps, orderId);
  const card = await cardOfAccount(deps, order.account_id);
  return {
    orderId,
    channel: order.origin === 'phone' ? 'CALL_CENTER' : 'WEB',
    card,
    reservationId: facts?.reservationId ?? null,
  };
}

export function cancelOrderSaga(deps: CommerceDeps): Saga<CancelState> {
  return {
    kind: 'cancelOrder',
    pivot: 1,
    result: (s) => ({ orderId: s.orderId }),
    steps: [
      {
        name: 'cancelWebOrder',
        // an order the e-shop cancelled already is taken as cancelled (effects.ts)
        repeatable: true,
        run: async ({ orderId }) => {
          // run again later (its first call in doubt), the order may have been handed over meanwhile
          await stillCancellable(deps, orderId);
          await cancelWebOrder(deps, orderId);
          return {};
        },
      },
      {
        name: 'releaseReservation',
        run: async ({ reservationId }) => {
          if (reservationId) await releaseReservation(deps, reservationId);
          return {};
        },
      },
      {
        name: 'reversePoints',
        run: async ({ card, channel, orderId }) => {
          // what the order holds, read here rather than before the cancel: a cancel need not wait for the loyalty platform
          if (card) await reversePoints(deps, card, (await pointsOf(deps, card, orderId)).held, channel, orderId, `${orderId}:cancel`);
          return {};
        },
      },
    ],
  };
}

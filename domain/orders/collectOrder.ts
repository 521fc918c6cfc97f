// collectOrder: store staff hand over a click-and-collect order. The POS collect is the one legacy
// write; the order then shows COMPLETED. One whose answer was lost cannot be looked for (the POS
// lists no reservation): it is parked for an operator, not sent again.
import { graphqlError, badInput, notFound } from '../../platform/errors';
import { notAwaitingOperator } from './awaitingOperator';
import { refusedWith } from './effects';
import type { Saga } from './saga/runner';
import type { OperatorFinding } from './saga/store';
import type { CommerceDeps } from './deps';
import { orderIdKind } from './orderIds';

export interface CollectState extends Record<string, unknown> {
  orderId: string;
  reservationId: string;
  /** collected before: nothing to do but answer */
  done: boolean;
}

export async function planCollect(deps: CommerceDeps, orderId: string): Promise<CollectState> {
  if (orderIdKind(orderId) === 'receipt') throw badInput('A store sale has nothing to collect');
  await notAwaitingOperator(deps, orderId);
  const order = await deps.eshop.getOrder(orderId);
  if (!order) throw notFound(`Unknown order ${orderId}`);
  if (order.shipping.method !== 'store_pickup') throw badInput(`Order ${orderId} is delivered home, not collected`);
  if (order.status === 'cancelled' || order.status === 'returned') throw graphqlError('CONFLICT', `Order ${orderId} is ${order.status}`);
  const facts = await deps.sagas.orderFacts(orderId);
  if (!facts?.reservationId) throw graphqlError('CONFLICT', `No reservation of order ${orderId} is known: hand it over at the till`);
  return { orderId, reservationId: facts.reservationId, done: facts.collectedAt !== null || order.status === 'collected' };
}

const result = (s: CollectState) => ({ orderId: s.orderId });

/** A hand-over an operator found made at the till (its answer lost): the order collected, as its last step would have marked it. */
export const handOverFoundMade = (s: CollectState): OperatorFinding => ({ kind: 'handOver', orderId: s.orderId, result: result(s) });

export function collectOrderSaga(deps: CommerceDeps): Saga<CollectState> {
  return {
    kind: 'collectOrder',
    pivot: 1,
    result,
    steps: [
      {
        name: 'collectReservation',
        run: async ({ reservationId, done }) => {
          if (done) return {};
          try {
            await deps.pos.collectReservation(reservationId);
          } catch (err) {
            if (refusedWith(err, 'invalid_state')) {
              throw graphqlError('CONFLICT', 'The reservation is no longer held: it was released or collected at the till');
            }
            throw err;
          }
          return {};
        },
      },
      {
        name: 'markCollected',
        run: async ({ orderId }) => {
          await deps.sagas.markCollected(orderId);
          return {};
        },
      },
    ],
  };
}

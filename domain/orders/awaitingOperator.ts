// An order whose operation stopped part-way, before its point of no return (a return or a hand-over
// that may have been done, an undo refused for good), may hold in its silos what the project does
// not know of: another return of its goods could refund them twice. Nothing more is done to it
// until an operator settles that operation.
import { graphqlError } from '../../platform/errors';
import type { CommerceDeps } from './deps';

export async function notAwaitingOperator(deps: CommerceDeps, orderId: string): Promise<void> {
  if (await deps.sagas.parkedOn(orderId)) {
    throw graphqlError(
      'CONFLICT',
      `Order ${orderId} waits for an operator: an earlier operation on it stopped part-way and may have been done (sagasNeedingAttention). Nothing more is done to it until that is settled.`,
    );
  }
}

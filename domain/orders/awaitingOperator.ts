// An order whose operation stopped part-way, before its point of no return (a return or a hand-over
// that may have been done, an undo refused for good), may hold in its silos what the project does
// not know of: another return of its goods could refund them twice. Nothing more is done to it
// until an operator settles that operation; nor while one waits for recovery to run a step in
// doubt again (a cancel) or to finish its undo.
import { graphqlError, stillRunning } from '../../platform/errors';
import type { CommerceDeps } from './deps';

export const waitsForOperator = (orderId: string) =>
  graphqlError(
    'CONFLICT',
    `Order ${orderId} waits for an operator: an earlier operation on it stopped part-way and may have been done (sagasNeedingAttention). Nothing more is done to it until that is settled.`,
  );

export async function notAwaitingOperator(deps: CommerceDeps, orderId: string): Promise<void> {
  const by = await deps.sagas.heldBy(orderId);
  if (by === 'operator') throw waitsForOperator(orderId);
  if (by === 'recovery') throw stillRunning(`An earlier operation on order ${orderId} is still being settled: retry later`);
}

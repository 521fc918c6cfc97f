// An operator's word on a parked operation, once they checked its step in its silo. Only what the
// operation's records can carry on from: a return or a hand-over not made (its key and its order
// given back), one found made (recorded as its step would have, a return with its silo's id and
// refund; the key answers it at once, the steps after it run), an operation past its point of no
// return whose parked step was done by hand (it stands, and its steps after that one run), or a
// placeOrder whose undo was parked, done there or not (the recovery pass undoes the rest, or that
// step again).
import { badInput, graphqlError } from '../../../platform/errors';
import { handOverFoundMade, type CollectState } from '../collectOrder';
import { returnFoundMade, type MadeReturn, type ReturnState } from '../returnOrder';
import { undoFound } from '../placeOrder';
import type { PlaceOrderState } from '../plan';
import type { OperatorFinding, Operation, OperationStatus } from './store';

export type ParkedSagaFinding = 'NOT_DONE' | 'DONE';

const notParked = () => graphqlError('CONFLICT', 'This operation is not parked: nothing to settle');

/** The kinds whose only step before the point of no return is the one that may have been done. */
const GIVEN_BACK_WHEN_NOT_DONE = new Set(['returnWebOrder', 'returnStoreSale', 'collectOrder']);
/** Of those, the kinds whose step, found done, needs nothing more recorded than what the settlement does with it (a hand-over: its order marked collected). */
const RECORDED_WHEN_DONE = new Set(['collectOrder']);
/** And the kinds whose step found done is recorded with what the silo's record of it says (MadeReturn). */
const RECORDED_WHEN_MADE = new Set(['returnWebOrder', 'returnStoreSale']);
/** The kinds parked before their point of no return only in their undo, which the recovery pass takes up again once settled. */
const UNDONE_ONCE_SETTLED = new Set(['placeOrder']);

/** What the operator's finding makes of the operation: its status from now on, or why it cannot. */
export function settledStatus(
  op: Pick<Operation, 'kind' | 'status' | 'result'>,
  found: ParkedSagaFinding,
  made: MadeReturn | null = null,
): OperationStatus {
  if (op.status !== 'parked') throw notParked();
  if (made && (found !== 'DONE' || op.result !== null || !RECORDED_WHEN_MADE.has(op.kind))) {
    throw badInput('made is for a return parked before its point of no return, found DONE');
  }
  if (op.result !== null) {
    // the steps after the one done by hand are the recovery pass's to run
    if (found === 'DONE') return 'finishing';
    throw badInput('This operation is past its point of no return and stands: do its parked step by hand, then settle it DONE');
  }
  if (found === 'NOT_DONE' && GIVEN_BACK_WHEN_NOT_DONE.has(op.kind)) return 'failed';
  // a hand-over's only step after it (the order marked collected) is done with the settlement
  if (found === 'DONE' && RECORDED_WHEN_DONE.has(op.kind)) return 'succeeded';
  if (found === 'DONE' && made) return 'finishing';
  if (found === 'DONE' && RECORDED_WHEN_MADE.has(op.kind)) {
    throw badInput('A return found made is settled with made: its id and refund, as its silo records them');
  }
  if (UNDONE_ONCE_SETTLED.has(op.kind)) return 'compensating';
  throw badInput(`A ${op.kind} parked before its point of no return has no settlement here`);
}

export async function settleParkedSaga(
  store: {
    get(key: string): Promise<Operation | null>;
    settleParked(key: string, status: OperationStatus, found?: OperatorFinding): Promise<boolean>;
  },
  key: string,
  found: ParkedSagaFinding,
  made: MadeReturn | null = null,
): Promise<string> {
  const op = await store.get(key);
  if (!op) throw graphqlError('NOT_FOUND', `No operation ${key}`);
  const status = settledStatus(op, found, made);
  // a hand-over found made is the only settlement done at once (settledStatus)
  const recorded = made
    ? returnFoundMade(op.kind as 'returnWebOrder' | 'returnStoreSale', op.state as ReturnState, made)
    : status === 'succeeded'
      ? handOverFoundMade(op.state as CollectState)
      : status === 'compensating'
        ? undoFound(op.state as PlaceOrderState, op.refusedStep!, found === 'DONE')
        : undefined;
  // settled meanwhile by another operator, or parked since on another step than the one checked
  if (!(await store.settleParked(key, status, recorded))) {
    throw graphqlError('CONFLICT', 'This operation was settled, or parked on another step, since it was read: nothing settled');
  }
  return key;
}

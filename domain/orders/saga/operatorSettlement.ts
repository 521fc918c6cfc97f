// An operator's word on a parked operation, once they checked its step in its silo. Only what the
// operation's records can carry on from: a return or a hand-over not made (its key and its order
// given back), a hand-over found made (its order marked collected), or an operation past its point
// of no return whose parked step was done by hand (it stands, and its steps after that one run). A
// return found made would need its silo's id and refund, which nothing here records yet; the undo
// of a placeOrder names sales its records do not hold.
import { badInput, graphqlError } from '../../../platform/errors';
import type { Operation, OperationStatus } from './store';

export type ParkedSagaFinding = 'NOT_DONE' | 'DONE';

const notParked = () => graphqlError('CONFLICT', 'This operation is not parked: nothing to settle');

/** The kinds whose only step before the point of no return is the one that may have been done. */
const GIVEN_BACK_WHEN_NOT_DONE = new Set(['returnWebOrder', 'returnStoreSale', 'collectOrder']);
/** Of those, the kinds whose step, found done, taught the operation nothing it needs: the steps after it run. */
const GOES_ON_WHEN_DONE = new Set(['collectOrder']);

/** What the operator's finding makes of the operation: its status from now on, or why it cannot. */
export function settledStatus(op: Pick<Operation, 'kind' | 'status' | 'result'>, found: ParkedSagaFinding): OperationStatus {
  if (op.status !== 'parked') throw notParked();
  if (op.result !== null) {
    // the steps after the one done by hand are the recovery pass's to run
    if (found === 'DONE') return 'finishing';
    throw badInput('This operation is past its point of no return and stands: do its parked step by hand, then settle it DONE');
  }
  if (found === 'NOT_DONE' && GIVEN_BACK_WHEN_NOT_DONE.has(op.kind)) return 'failed';
  if (found === 'DONE' && GOES_ON_WHEN_DONE.has(op.kind)) return 'finishing';
  throw badInput(
    found === 'DONE'
      ? `A ${op.kind} whose step was found done before its point of no return cannot be recorded through the graph yet: leave it parked`
      : `A ${op.kind} is settled in the database (README, "Parked sagas")`,
  );
}

export async function settleParkedSaga(
  store: { get(key: string): Promise<Operation | null>; settleParked(key: string, status: OperationStatus): Promise<boolean> },
  key: string,
  found: ParkedSagaFinding,
): Promise<string> {
  const op = await store.get(key);
  if (!op) throw graphqlError('NOT_FOUND', `No operation ${key}`);
  // settled meanwhile by another operator
  if (!(await store.settleParked(key, settledStatus(op, found)))) throw notParked();
  return key;
}

// An operator's word on a parked operation, once they checked its step in its silo. Only what the
// operation's records can carry on from: a return or a hand-over not made (its key and its order
// given back), one found made (a return with its silo's id and refund; the steps after it run), or
// an operation past its point of no return whose parked step was done by hand (it stands, and its
// steps after that one run). The undo of a placeOrder names sales its records do not hold.
import { badInput, graphqlError } from '../../../platform/errors';
import { returnFoundMade, type ReturnState } from '../returnOrder';
import type { Operation, OperationStatus, ReturnFoundMade } from './store';

export type ParkedSagaFinding = 'NOT_DONE' | 'DONE';

const notParked = () => graphqlError('CONFLICT', 'This operation is not parked: nothing to settle');

/** The kinds whose only step before the point of no return is the one that may have been done. */
const GIVEN_BACK_WHEN_NOT_DONE = new Set(['returnWebOrder', 'returnStoreSale', 'collectOrder']);
/** Of those, the kinds whose step, found done, taught the operation nothing it needs: the steps after it run. */
const GOES_ON_WHEN_DONE = new Set(['collectOrder']);
/** And the kinds whose step, found done, goes on with what the silo's record of it says (MadeReturn). */
const GOES_ON_WHEN_MADE = new Set(['returnWebOrder', 'returnStoreSale']);

/** A return as its silo's record says it was made: its id there, what it refunded. */
export interface MadeReturn {
  returnId: string;
  refundCents: number;
}

/** What the operator's finding makes of the operation: its status from now on, or why it cannot. */
export function settledStatus(
  op: Pick<Operation, 'kind' | 'status' | 'result'>,
  found: ParkedSagaFinding,
  made: MadeReturn | null = null,
): OperationStatus {
  if (op.status !== 'parked') throw notParked();
  if (made && (found !== 'DONE' || op.result !== null || !GOES_ON_WHEN_MADE.has(op.kind))) {
    throw badInput('made is for a return parked before its point of no return, found DONE');
  }
  if (op.result !== null) {
    // the steps after the one done by hand are the recovery pass's to run
    if (found === 'DONE') return 'finishing';
    throw badInput('This operation is past its point of no return and stands: do its parked step by hand, then settle it DONE');
  }
  if (found === 'NOT_DONE' && GIVEN_BACK_WHEN_NOT_DONE.has(op.kind)) return 'failed';
  if (found === 'DONE' && (GOES_ON_WHEN_DONE.has(op.kind) || made)) return 'finishing';
  if (found === 'DONE' && GOES_ON_WHEN_MADE.has(op.kind)) {
    throw badInput('A return found made is settled with made: its id and refund, as its silo records them');
  }
  throw badInput(`A ${op.kind} is settled in the database (README, "Parked sagas")`);
}

export async function settleParkedSaga(
  store: {
    get(key: string): Promise<Operation | null>;
    settleParked(key: string, status: OperationStatus, made?: ReturnFoundMade): Promise<boolean>;
  },
  key: string,
  found: ParkedSagaFinding,
  made: MadeReturn | null = null,
): Promise<string> {
  const op = await store.get(key);
  if (!op) throw graphqlError('NOT_FOUND', `No operation ${key}`);
  const status = settledStatus(op, found, made);
  // settled meanwhile by another operator
  if (!(await store.settleParked(key, status, made ? returnFoundMade(op.state as ReturnState, made) : undefined))) throw notParked();
  return key;
}

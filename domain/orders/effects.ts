// Legacy writes that a saga may repeat (a retry, a recovery): the silo's refusal because the
// effect is already there — released, cancelled, already in the ledger — means "done".
import { LegacyRejectedError } from '../../platform/errors';
import type { CommerceDeps } from './deps';

export const refusedWith = (err: unknown, code: string) => err instanceof LegacyRejectedError && err.legacyCode === code;

export async function alreadyDoneIf(code: string, work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (err) {
    if (!refusedWith(err, code)) throw err;
  }
}

export const releaseReservation = (deps: CommerceDeps, reservationId: string) =>
  alreadyDoneIf('invalid_state', deps.pos.releaseReservation(reservationId));

export const cancelWebOrder = (deps: CommerceDeps, orderId: string) => alreadyDoneIf('invalid_state', deps.eshop.cancelOrder(orderId));

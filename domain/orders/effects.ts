// Legacy writes that a saga may repeat (a retry, a recovery): the silo's refusal because the
// effect is already there — released, cancelled, already in the ledger — means "done".
import { graphqlError, LegacyRejectedError } from '../../platform/errors';
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

/**
 * The e-shop refuses a cancel with the same `invalid_state` whether the order is cancelled already
 * (a retry: done) or shipped or collected (never to be done): its status tells which.
 */
export async function cancelWebOrder(deps: CommerceDeps, orderId: string): Promise<void> {
  try {
    await deps.eshop.cancelOrder(orderId);
  } catch (err) {
    if (!refusedWith(err, 'invalid_state')) throw err;
    const status = (await deps.eshop.getOrder(orderId))?.status;
    if (status !== 'cancelled') throw graphqlError('CONFLICT', `Order ${orderId} is ${status ?? 'gone'}: it can no longer be cancelled`);
  }
}

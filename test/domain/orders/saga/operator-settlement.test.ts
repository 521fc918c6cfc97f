// What an operator's finding makes of a parked operation: only what its records can carry on from.
import { settledStatus } from '../../../../domain/orders/saga/operatorSettlement';

const parked = (kind: string, result: unknown = null) => ({ kind, status: 'parked' as const, result });
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return (e as { extensions: { code: string } }).extensions.code;
  }
  return 'no error';
};

it.each(['returnWebOrder', 'returnStoreSale', 'collectOrder'])('gives a %s found not done back to its key and its order', (kind) => {
  expect(settledStatus(parked(kind), 'NOT_DONE')).toBe('failed');
});

it('lets an operation past its point of no return stand once its parked step was done by hand: the steps after it run', () => {
  expect(settledStatus(parked('cancelOrder', { orderId: 'W-1' }), 'DONE')).toBe('finishing');
  expect(refusal(() => settledStatus(parked('cancelOrder', { orderId: 'W-1' }), 'NOT_DONE'))).toBe('BAD_USER_INPUT');
});

it('takes a hand-over found made at the till as done: its order is marked collected', () => {
  expect(settledStatus(parked('collectOrder'), 'DONE')).toBe('finishing');
});

it('refuses what it could not carry on from: a return found made, the undo of a placeOrder, an operation no longer parked', () => {
  expect(refusal(() => settledStatus(parked('returnWebOrder'), 'DONE'))).toBe('BAD_USER_INPUT');
  expect(refusal(() => settledStatus(parked('returnStoreSale'), 'DONE'))).toBe('BAD_USER_INPUT');
  expect(refusal(() => settledStatus(parked('placeOrder'), 'NOT_DONE'))).toBe('BAD_USER_INPUT');
  expect(refusal(() => settledStatus({ kind: 'returnWebOrder', status: 'failed', result: null }, 'NOT_DONE'))).toBe('CONFLICT');
});

// What an operator's finding makes of a parked operation: only what its records can carry on from.
import { settledStatus } from '../../../../domain/orders/saga/operatorSettlement';
import { returnFoundMade, type ReturnState } from '../../../../domain/orders/returnOrder';

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

it('takes a hand-over found made at the till as done, its order marked collected with the settlement', () => {
  expect(settledStatus(parked('collectOrder'), 'DONE')).toBe('succeeded');
});

it.each(['DONE', 'NOT_DONE'] as const)("gives a placeOrder's undo, found %s, back to the recovery pass", (found) => {
  expect(settledStatus(parked('placeOrder'), found)).toBe('compensating');
});

it('refuses what it could not carry on from: a return found made without what its silo records, the undo of a cancel, an operation no longer parked', () => {
  expect(refusal(() => settledStatus(parked('returnWebOrder'), 'DONE'))).toBe('BAD_USER_INPUT');
  expect(refusal(() => settledStatus(parked('returnStoreSale'), 'DONE'))).toBe('BAD_USER_INPUT');
  expect(refusal(() => settledStatus(parked('cancelOrder'), 'NOT_DONE'))).toBe('BAD_USER_INPUT');
  expect(refusal(() => settledStatus({ kind: 'returnWebOrder', status: 'failed', result: null }, 'NOT_DONE'))).toBe('CONFLICT');
});

describe('a return found made, with what its silo records', () => {
  const made = { returnId: 'R-000123', refundCents: 1250 };

  it.each(['returnWebOrder', 'returnStoreSale'])('lets a %s go on: its steps after the one found made run', (kind) => {
    expect(settledStatus(parked(kind), 'DONE', made)).toBe('finishing');
  });

  it('is refused anywhere else: found NOT_DONE, a hand-over, an operation past its point of no return', () => {
    expect(refusal(() => settledStatus(parked('returnWebOrder'), 'NOT_DONE', made))).toBe('BAD_USER_INPUT');
    expect(refusal(() => settledStatus(parked('collectOrder'), 'DONE', made))).toBe('BAD_USER_INPUT');
    expect(refusal(() => settledStatus(parked('returnStoreSale', { returnId: 'RT-1' }), 'DONE', made))).toBe('BAD_USER_INPUT');
  });

  const state: ReturnState = {
    key: 'return-key-0001',
    orderId: 'W-2026-000123',
    storeId: 'ST001',
    channel: 'WEB',
    lines: [{ sku: 'SKU-1', ean: '3000000000017', quantity: 1 }],
    orderedUnits: 2,
    card: '4000123456781234',
    points: { earned: 40, held: 40, paidCents: 4000, refundedCents: 0, reversed: 0 },
    refundAt: 'none',
    owedCents: null,
  };

  it('is recorded as its step would have: its id, its refund, the points that refund takes back; and answered', () => {
    const taken = {
      returnId: 'R-000123',
      orderId: 'W-2026-000123',
      storeId: 'ST001',
      lines: [{ sku: 'SKU-1', quantity: 1 }],
      refundCents: 1250,
      pointsReversed: 12,
    };
    expect(returnFoundMade('returnWebOrder', state, { returnId: ' R-000123 ', refundCents: 1250 })).toEqual({
      kind: 'return',
      state: { ...state, returnId: 'R-000123', refundCents: 1250 },
      key: 'return-key-0001',
      taken,
      orderedUnits: 2,
      result: taken,
    });
    for (const wrong of [
      { returnId: ' ', refundCents: 1250 },
      { returnId: 'RT-000123', refundCents: 1250 }, // the POS's: a web order's return is the e-shop's
      { returnId: 'R-1', refundCents: -1 },
    ]) {
      expect(refusal(() => returnFoundMade('returnWebOrder', state, wrong))).toBe('BAD_USER_INPUT');
    }
  });

  it("takes a store sale's refund from the till when the till paid it, and otherwise from what its receipt says was paid", () => {
    const sale = { ...state, orderId: 'ST001-20261125-0003', channel: 'STORE' as const, owedCents: 1800 };
    const refunded = (refundAt: ReturnState['refundAt'], refundCents: number) =>
      (
        returnFoundMade('returnStoreSale', { ...sale, refundAt }, { returnId: 'RT-000042', refundCents }) as {
          taken: { refundCents: number };
        }
      ).taken.refundCents;
    expect(refunded('till', 1750)).toBe(1750);
    expect(refunded('none', 0)).toBe(1800);
    expect(refusal(() => returnFoundMade('returnStoreSale', sale, { returnId: 'R-000042', refundCents: 0 }))).toBe('BAD_USER_INPUT');
  });
});

// A store sale undone by its own saga (a later step failed before the point of no return, or the
// sale's answer was lost): the goods go back at the POS and the order shows CANCELLED, since the
// customer was told it failed. The till refunds only what was paid: not the shelf price of a
// discounted sale.
import type { CommerceDeps } from '../../../domain/orders/deps';
import { placeOrderSaga } from '../../../domain/orders/placeOrder';
import type { OrderPlan } from '../../../domain/orders/plan';
import { orderStatus } from '../../../domain/orders/status';
import { freshDb } from '../../databases';
import { createLogger } from '../../../platform/logging';
import { SagaStore } from '../../../domain/orders/saga/store';
import { InDoubtError, LegacyUnavailableError, NothingDoneError } from '../../../platform/errors';

const plan: OrderPlan = {
  kind: 'storeSale',
  channel: 'STORE',
  customerId: 'cus_1',
  storeId: 'ST001',
  address: { street: '1 rue de Rivoli', zip: '75001', city: 'Paris' },
  accountId: null,
  card: null,
  lines: [{ sku: 'SKU-1', ean: '3000000000017', quantity: 2, listCents: 1000, netCents: 1999 }],
  totalCents: 1999,
  discountCents: 1,
  points: 0,
  promoCodes: [],
  voucherCodes: [],
  ref: 'OG-test',
};

it('returns the sale at the POS and shows the order cancelled', async () => {
  const sagas = await SagaStore.open(await freshDb());
  const returns: unknown[] = [];
  const pos = {
    createReturn: async (r: unknown) => (returns.push(r), { id: 'RT-1', refund_cents: 0 }),
    getPrices: async () => [{ store: 'ST001', ean: '3000000000017', cents: 1000 }],
  };
  const saga = placeOrderSaga({ pos, sagas } as unknown as CommerceDeps, createLogger('silent'));
  const sale = saga.steps.find((s) => s.name === 'storeSale')!;
  await sagas.recordOrder({
    orderId: 'ST001-20261125-0003',
    reservationId: null,
    pickupStore: null,
    orderedUnits: 2,
    deliveryAddress: plan.address,
    priced: null,
    placedBy: plan.ref,
  });

  await sale.compensate!({ plan, orderId: 'ST001-20261125-0003' }, { inDoubt: false, startedAt: '2026-11-25T10:00:00.000Z' });

  expect(returns).toEqual([{ store: 'ST001', ref: 'ST001-20261125-0003', refund: 'none', lines: [{ ean: '3000000000017', qty: 2 }] }]);
  expect(orderStatus('COMPLETED', (await sagas.orderFacts('ST001-20261125-0003')) ?? undefined)).toBe('CANCELLED');
});

describe('the return that undoes it, sent once: the POS keeps no key, and a second would refund twice', () => {
  const SALE = 'ST001-20261125-0004';
  /** A sale whose creating call's answer was lost, found among the card's receipts, then its undo. */
  async function undoing(answers: (Error | null)[]) {
    const sagas = await SagaStore.open(await freshDb());
    const returns: unknown[] = [];
    const receipt = { id: SALE, store: 'ST001', deliver: 'home', total_cents: plan.totalCents, at: '2026-11-25 11:00:05', lines: [] };
    const pos = {
      listReceipts: async () => [receipt],
      // the POS takes the goods back, then its answer is lost (or it never gets the call)
      createReturn: async (r: unknown) => {
        const failure = answers.shift() ?? null;
        if (!(failure instanceof NothingDoneError)) returns.push(r);
        if (failure) throw failure;
        return { id: `RT-${returns.length}`, refund_cents: 0 };
      },
      getPrices: async () => [{ store: 'ST001', ean: '3000000000017', cents: 1000 }],
    };
    const sale = placeOrderSaga({ pos, sagas } as unknown as CommerceDeps, createLogger('silent')).steps.find(
      (s) => s.name === 'storeSale',
    )!;
    const lost = { ...plan, card: '4000123456781234' };
    const undo = () => sale.compensate!({ plan: lost }, { inDoubt: true, startedAt: '2026-11-25T10:00:00.000Z' });
    return { sagas, returns, undo };
  }

  it('its answer lost, it is not sent again: the undo stops in doubt, and the sale takes no return meanwhile', async () => {
    const { sagas, returns, undo } = await undoing([new LegacyUnavailableError('pos', 'timeout of 3000ms exceeded')]);
    await expect(undo()).rejects.toBeInstanceOf(LegacyUnavailableError);
    await expect(undo()).rejects.toBeInstanceOf(InDoubtError);
    expect(returns).toHaveLength(1);
    expect(await sagas.heldBy(SALE)).toBe('operator');
  });

  it('never sent (no connection), it is found and sent again', async () => {
    const { sagas, returns, undo } = await undoing([new NothingDoneError('pos', 'connect ECONNREFUSED')]);
    await expect(undo()).rejects.toBeInstanceOf(NothingDoneError);
    await undo();
    expect(returns).toHaveLength(1);
    expect((await sagas.orderFacts(SALE))?.voidedAt).not.toBeNull();
    expect(await sagas.heldBy(SALE)).toBeNull();
  });

  it('done and recorded, it is not sent again', async () => {
    const { returns, undo } = await undoing([]);
    await undo();
    await undo();
    expect(returns).toHaveLength(1);
  });
});

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
import { InDoubtError, LegacyRejectedError, LegacyUnavailableError, NothingDoneError } from '../../../platform/errors';
import { settleParkedSaga } from '../../../domain/orders/saga/operatorSettlement';

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
    owner: null,
    pointsEarned: null,
  });

  await sale.compensate!({ plan, orderId: 'ST001-20261125-0003' }, { inDoubt: false, startedAt: '2026-11-25T10:00:00.000Z' });

  expect(returns).toEqual([{ store: 'ST001', ref: 'ST001-20261125-0003', refund: 'none', lines: [{ ean: '3000000000017', qty: 2 }] }]);
  expect(orderStatus('COMPLETED', (await sagas.orderFacts('ST001-20261125-0003')) ?? undefined)).toBe('CANCELLED');
});

describe('the return that undoes it, sent once: the POS keeps no key, and a second would refund twice', () => {
  const SALE = 'ST001-20261125-0004';
  const receiptAt = (id: string, at: string) => ({ id, store: 'ST001', deliver: 'home', total_cents: plan.totalCents, at, lines: [] });
  /** A sale whose creating call's answer was lost, found among the card's receipts, then its undo. */
  async function undoing(answers: (Error | null)[], rungAgain: object[] = []) {
    const sagas = await SagaStore.open(await freshDb());
    const returns: unknown[] = [];
    const receipt = receiptAt(SALE, '2026-11-25 11:00:05');
    const pos = {
      listReceipts: async () => [...rungAgain, receipt],
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
    /** parks its placeOrder on the undo of `step`, as the saga runner does, for `err` */
    const park = async (err: unknown, step = 'storeSale') => {
      expect(err).toBeInstanceOf(Error);
      const stored = { code: 'CONFLICT', message: (err as Error).message, extensions: {} };
      await sagas.begin('k', 'placeOrder', 'h', { plan: lost }, { owner: 'replica-a', ms: 30_000 });
      await sagas.stepStarted('k', 0, 'claimVouchers');
      await sagas.stepStarted('k', 3, 'storeSale');
      await sagas.refused('k', step, stored);
      await sagas.finish('k', 'parked', { error: stored });
    };
    return { sagas, returns, undo, park };
  }

  it('its answer lost, it is not sent again: the undo stops in doubt, and the sale takes no return meanwhile', async () => {
    const { sagas, returns, undo } = await undoing([new LegacyUnavailableError('pos', 'timeout of 3000ms exceeded')]);
    await expect(undo()).rejects.toBeInstanceOf(LegacyUnavailableError);
    await expect(undo()).rejects.toBeInstanceOf(InDoubtError);
    expect(returns).toHaveLength(1);
    expect(await sagas.heldBy(SALE)).toBe('operator');
  });

  describe('parked, then settled by an operator who checked the till', () => {
    const stepOf = async (sagas: SagaStore, name: string) => (await sagas.steps('k')).find((r) => r.name === name)?.status;

    it('the return found there: the sale shows cancelled and takes other operations, and nothing is sent again', async () => {
      const { sagas, returns, undo, park } = await undoing([new LegacyUnavailableError('pos', 'timeout of 3000ms exceeded')]);
      await expect(undo()).rejects.toBeInstanceOf(LegacyUnavailableError);
      const inDoubt = await undo().catch((err: unknown) => err);
      expect(inDoubt).toBeInstanceOf(InDoubtError);
      await park(inDoubt);
      await settleParkedSaga(sagas, 'k', 'DONE');
      expect((await sagas.orderFacts(SALE))?.voidedAt).not.toBeNull();
      expect(await sagas.heldBy(SALE)).toBeNull();
      // its undo runs again, for any other sale it undoes: this one it skips
      expect(await stepOf(sagas, 'storeSale')).toBe('started');
      await undo();
      expect(returns).toHaveLength(1);
    });

    it('none found there: held for the recovery pass meanwhile, then sent again, once', async () => {
      const { sagas, returns, undo, park } = await undoing([]);
      await sagas.sendingVoid(SALE, plan.ref); // sent, as far as the records know, and its answer lost
      await park(await undo().catch((err: unknown) => err));
      await settleParkedSaga(sagas, 'k', 'NOT_DONE');
      expect((await sagas.get('k'))?.status).toBe('compensating');
      expect(await sagas.heldBy(SALE)).toBe('recovery');
      await undo();
      await undo();
      expect(returns).toHaveLength(1);
      expect((await sagas.orderFacts(SALE))?.voidedAt).not.toBeNull();
      expect(await sagas.heldBy(SALE)).toBeNull();
    });

    it('refused by the POS until parked, then made by hand: the sale is voided, held until then', async () => {
      const refused = () => new LegacyRejectedError('pos', 'invalid_return', 'POST /pos/returns: HTTP 422');
      const { sagas, returns, undo, park } = await undoing([refused(), refused()]);
      await expect(undo()).rejects.toBeInstanceOf(LegacyRejectedError);
      expect(await sagas.heldBy(SALE)).toBe('recovery'); // being undone: no return of it meanwhile
      const last = await undo().catch((err: unknown) => err);
      await park(last);
      expect(await sagas.heldBy(SALE)).toBe('operator');
      await settleParkedSaga(sagas, 'k', 'DONE');
      expect((await sagas.orderFacts(SALE))?.voidedAt).not.toBeNull();
      await undo();
      expect(returns).toHaveLength(2); // the two refused; none sent after
    });

    it("another step's undo settled leaves the sale's return in doubt to the operator who checks the till", async () => {
      const { sagas, returns, undo, park } = await undoing([new LegacyUnavailableError('pos', 'timeout of 3000ms exceeded')]);
      await expect(undo()).rejects.toBeInstanceOf(LegacyUnavailableError);
      await park(new LegacyRejectedError('crm', 'voucher_unknown', 'refused'), 'claimVouchers');
      await settleParkedSaga(sagas, 'k', 'DONE');
      expect(await stepOf(sagas, 'claimVouchers')).toBe('compensated');
      expect((await sagas.orderFacts(SALE))?.voidedAt ?? null).toBeNull();
      expect(await sagas.heldBy(SALE)).toBe('operator');
      await expect(undo()).rejects.toBeInstanceOf(InDoubtError);
      expect(returns).toHaveLength(1);
    });

    it('holds only for the step the operator checked: parked on another since, it is not settled', async () => {
      const { sagas, park } = await undoing([]);
      await park(new Error('refused'), 'claimVouchers');
      const checked = await sagas.get('k');
      await sagas.refused('k', 'storeSale', { code: 'CONFLICT', message: 'in doubt', extensions: {} });
      await expect(
        settleParkedSaga({ get: async () => checked, settleParked: (...a) => sagas.settleParked(...a) }, 'k', 'DONE'),
      ).rejects.toMatchObject({
        extensions: { code: 'CONFLICT' },
      });
      expect((await sagas.get('k'))?.status).toBe('parked');
    });
  });

  it('never sent (no connection), it is found and sent again', async () => {
    const { sagas, returns, undo } = await undoing([new NothingDoneError('pos', 'connect ECONNREFUSED')]);
    await expect(undo()).rejects.toBeInstanceOf(NothingDoneError);
    await undo();
    expect(returns).toHaveLength(1);
    expect((await sagas.orderFacts(SALE))?.voidedAt).not.toBeNull();
    expect(await sagas.heldBy(SALE)).toBeNull();
  });

  it('takes back the first alike sale made since, and only it: one call makes one sale, a later one is the customer buying again', async () => {
    const again = receiptAt('ST001-20261125-0009', '2026-11-25 11:00:50');
    const { returns, undo } = await undoing([], [again]);
    await undo();
    expect(returns).toEqual([expect.objectContaining({ ref: SALE })]);
  });

  it('passes over a sale alike another undo took back, and takes the next', async () => {
    const taken = receiptAt('ST001-20261125-0002', '2026-11-25 11:00:01');
    const { sagas, returns, undo } = await undoing([], [taken]);
    await sagas.sendingVoid(taken.id, 'OG-an-earlier-attempt');
    await sagas.markVoided(taken.id);
    await undo();
    expect(returns).toEqual([expect.objectContaining({ ref: SALE })]);
  });

  it('takes back the sale whose return it sent itself, not an earlier one alike', async () => {
    const earlier = receiptAt('ST001-20261125-0002', '2026-11-25 11:00:01');
    const { sagas, returns, undo } = await undoing([], [earlier]);
    await sagas.sendingVoid(SALE, plan.ref);
    await sagas.voidNotSent(SALE); // never reached the POS
    await undo();
    expect(returns).toEqual([expect.objectContaining({ ref: SALE })]);
  });

  it('done and recorded, it is not sent again', async () => {
    const { returns, undo } = await undoing([]);
    await undo();
    await undo();
    expect(returns).toHaveLength(1);
  });
});

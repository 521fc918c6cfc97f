// A store sale's return is past its point of no return once the POS took the goods back: what
// follows (taking the points back) may wait for the loyalty platform. A second return of the same
// goods meanwhile must already see them returned.
import { GraphQLError } from 'graphql';
import type { CommerceDeps } from '../../../domain/orders/deps';
import { planReturn, returnSagas, type ReturnOrderInput } from '../../../domain/orders/returnOrder';
import { freshDb } from '../../databases';
import { DatabaseUnavailableError, LegacyUnavailableError } from '../../../platform/errors';
import type { PosReceipt } from '../../../adapters/pos/wire';
import { createLogger } from '../../../platform/logging';
import type { PricingSources } from '../../../domain/pricing/promotions/quoting';
import { SagaRunner } from '../../../domain/orders/saga/runner';
import { SagaStore } from '../../../domain/orders/saga/store';

const receipt: PosReceipt = {
  id: 'ST001-20261125-0003',
  store: 'ST001',
  at: '2026-11-25 10:00:00',
  card: '4000 1234 5678 1234',
  total_cents: 2000,
  deliver: null,
  ref: null,
  lines: [{ ean: '3000000000017', qty: 2, unit_cents: 1000 }],
};
const product = { sku: 'SKU-1', ean: '3000000000017', category: 'lamps' };

async function world() {
  const sagas = await SagaStore.open(await freshDb());
  const posReturns: unknown[] = [];
  const deps = {
    sagas,
    pos: {
      getReceipt: async (id: string) => (id === receipt.id ? receipt : null),
      createReturn: async (r: unknown) => (posReturns.push(r), { id: `RT-${posReturns.length}`, refund_cents: 2000 }),
      getPrices: async () => [{ store: 'ST001', ean: product.ean, cents: 1000 }],
    },
    loyalty: {
      listTransactions: async () => [
        { id: 'TX-1', type: 'EARN', points: 20, channel: 'STORE', external_ref: receipt.id, at: '2026-11-25T09:00:00Z' },
      ],
      createTransaction: async () => {
        throw new LegacyUnavailableError('loyalty', 'down');
      },
    },
  } as unknown as CommerceDeps;
  const pricing = {
    stores: async () => ({ byId: new Map([['ST001', {}]]) }),
    catalog: async () => ({ bySku: new Map([[product.sku, product]]), byEan: new Map([[product.ean, product]]) }),
  } as unknown as PricingSources;
  const saga = returnSagas(deps).store;
  const runner = new SagaRunner(sagas, { [saga.kind]: saga }, createLogger('silent'));
  const giveBack = (key: string) => {
    const input: ReturnOrderInput = {
      orderId: receipt.id,
      storeId: 'ST001',
      lines: [{ sku: product.sku, quantity: 2 }],
      idempotencyKey: key,
    };
    return runner.execute(saga, key, input, () => planReturn(deps, pricing, input));
  };
  return { sagas, posReturns, giveBack };
}

it('counts the goods returned as soon as the POS took them back, while the points still wait', async () => {
  const { sagas, posReturns, giveBack } = await world();
  expect(await giveBack('first-return')).toMatchObject({ returnId: 'RT-1', refundCents: 2000 });
  expect((await sagas.unfinished()).map((op) => op.status)).toEqual(['finishing']); // the points, later

  const second = await giveBack('second-return').then(
    () => 'no error',
    (err: GraphQLError) => err.extensions.code,
  );
  expect(second).toBe('BAD_USER_INPUT');
  expect(posReturns).toHaveLength(1);
  expect(await sagas.orderFacts(receipt.id)).toMatchObject({ returnedUnits: 2 });
  // listed with the points it owes back, though the platform has not taken them yet
  expect((await sagas.returnsOfMany([receipt.id])).get(receipt.id)).toEqual([
    {
      returnId: 'RT-1',
      orderId: receipt.id,
      storeId: 'ST001',
      lines: [{ sku: product.sku, quantity: 2 }],
      refundCents: 2000,
      pointsReversed: 20,
    },
  ]);
});

it('never refunds twice when the database fails as a return the POS made is recorded: parked for an operator', async () => {
  const { sagas, posReturns, giveBack } = await world();
  jest.spyOn(sagas, 'recordReturn').mockRejectedValueOnce(new DatabaseUnavailableError('connection reset'));
  const code = (answer: Promise<unknown>) =>
    answer.then(
      () => 'no error',
      (err: GraphQLError) => err.extensions.code,
    );
  // told that it may have been done, and so again when the client retries, unsure: the till pays
  // nothing again, the operation waits for an operator
  expect(await code(giveBack('first-return'))).toBe('CONFLICT');
  expect(await code(giveBack('first-return'))).toBe('CONFLICT');
  expect(posReturns).toHaveLength(1);
  expect(await sagas.needingAttention()).toEqual([expect.objectContaining({ key: 'first-return', step: 'posReturn' })]);
});

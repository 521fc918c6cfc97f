// The stock is checked before a pickup is placed, but the POS may still refuse its reservation:
// another pickup took the last units in between. The client is told which lines the store lacks
// then too, not an INSUFFICIENT_STOCK naming none.
import type { GraphQLError } from 'graphql';
import type { PosStock } from '../../../adapters/pos/wire';
import type { CommerceDeps } from '../../../domain/orders/deps';
import type { OrderPlan } from '../../../domain/orders/plan';
import { placeOrderSaga } from '../../../domain/orders/placeOrder';
import { LegacyRejectedError, LegacyUnavailableError } from '../../../platform/errors';
import { createLogger } from '../../../platform/logging';
import { webPlan } from './plans';

const plan: OrderPlan = {
  ...webPlan,
  kind: 'pickup',
  storeId: 'ST001',
  address: null,
  lines: [
    { sku: 'SKU-1', ean: '3000000000017', quantity: 2, listCents: 1000, netCents: 2000 },
    { sku: 'SKU-2', ean: '3000000000024', quantity: 1, listCents: 500, netCents: 500 },
  ],
  totalCents: 2500,
};

/** What the reservation step tells the client when the POS refuses it, the store's stock reading as `stock` does. */
async function refusedWith(stock: () => Promise<Partial<PosStock>[]>) {
  const pos = {
    getStock: stock,
    createReservation: async () => {
      throw new LegacyRejectedError('pos', 'insufficient_stock', 'not enough stock');
    },
  };
  const saga = placeOrderSaga({ pos } as unknown as CommerceDeps, createLogger('silent'));
  const reserve = saga.steps.find((s) => s.name === 'reserve')!;
  return reserve.run({ plan }).then(
    () => 'reserved',
    (err: GraphQLError) => err.extensions,
  );
}

it('names the lines the store lacks as its stock reads once the POS refused', async () => {
  const stock = async () => [
    { ean: '3000000000017', qty: 3, reserved: 2 },
    { ean: '3000000000024', qty: 4, reserved: 0 },
  ];
  expect(await refusedWith(stock)).toEqual({
    code: 'INSUFFICIENT_STOCK',
    storeId: 'ST001',
    lines: [{ sku: 'SKU-1', requested: 2, available: 1 }],
  });
});

it.each([
  {
    case: 'the stock cannot be read',
    stock: async () => {
      throw new LegacyUnavailableError('pos', 'down');
    },
  },
  {
    case: 'the stock reads enough again (units released since)',
    stock: async () => [
      { ean: '3000000000017', qty: 9, reserved: 0 },
      { ean: '3000000000024', qty: 9, reserved: 0 },
    ],
  },
])('names every line of the order, what is available not known, when $case', async ({ stock }) => {
  expect(await refusedWith(stock)).toEqual({
    code: 'INSUFFICIENT_STOCK',
    storeId: 'ST001',
    lines: [
      { sku: 'SKU-1', requested: 2, available: null },
      { sku: 'SKU-2', requested: 1, available: null },
    ],
  });
});

// An order returned a few units at a time gives back all its points once it is refunded in full:
// each return's points rounded down on their own left some on an order that cost nothing in the end.
import type { CommerceDeps } from '../../../domain/orders/deps';
import { planReturn, returnSagas, type ReturnOrderInput, type ReturnState } from '../../../domain/orders/returnOrder';
import { SagaRunner } from '../../../domain/orders/saga/runner';
import { SagaStore } from '../../../domain/orders/saga/store';
import type { PricingSources } from '../../../domain/pricing/promotions/quoting';
import { createLogger } from '../../../platform/logging';
import { freshDb } from '../../databases';

const card = '4000123456781234';
const product = { sku: 'SKU-1', ean: '3000000000017', category: 'lamps' };
// three units of 33.67: 101.01 paid, 101 points earned
const unitCents = 3367;

/** The order `orderId` (a web order or a store sale) bought and paid, the loyalty ledger holding its EARN, and one-unit returns of it. */
async function world(orderId: string) {
  const ledger = [{ type: 'EARN', points: 101, channel: 'WEB', external_ref: orderId }];
  const deps = {
    sagas: await SagaStore.open(await freshDb()),
    identity: {
      customerOf: async () => 'cus_1',
      identitiesOf: async () => new Map([['cus_1', { id: 'cus_1', records: [{ system: 'loyalty', externalId: card }] }]]),
    },
    eshop: {
      getOrder: async () => ({
        id: orderId,
        account_id: 'A-10001',
        status: 'shipped',
        lines: [{ sku: product.sku, qty: 3, unit_price: '33.67' }],
        total: '101.01',
        shipping: { method: 'home' },
        origin: 'web',
      }),
      createReturn: async (_id: string, r: { lines: { qty: number }[] }) => ({
        return_id: `R-${ledger.length}`,
        refund: ((r.lines[0].qty * unitCents) / 100).toFixed(2),
      }),
    },
    pos: {
      getReceipt: async () => ({
        id: orderId,
        store: 'ST001',
        card,
        total_cents: 3 * unitCents,
        ref: null,
        lines: [{ ean: product.ean, qty: 3, unit_cents: unitCents }],
      }),
      getPrices: async () => [{ store: 'ST001', ean: product.ean, cents: unitCents }],
      createReturn: async (r: { lines: { qty: number }[] }) => ({ id: `RT-${ledger.length}`, refund_cents: r.lines[0].qty * unitCents }),
    },
    loyalty: {
      listTransactions: async () => [...ledger].reverse(),
      createTransaction: async (_card: string, txn: (typeof ledger)[number]) => (ledger.push(txn), txn),
    },
  } as unknown as CommerceDeps;
  const pricing = {
    stores: async () => ({ byId: new Map([['ST001', {}]]) }),
    catalog: async () => ({ bySku: new Map([[product.sku, product]]), byEan: new Map([[product.ean, product]]) }),
  } as unknown as PricingSources;
  const sagas = returnSagas(deps);
  const saga = orderId.startsWith('W-') ? sagas.web : sagas.store;
  const runner = new SagaRunner(deps.sagas, { [saga.kind]: saga }, createLogger('silent'));
  /** `as`: the state as a version of the saga recorded it */
  const returnOne = (key: string, as = (planned: ReturnState): Record<string, unknown> => planned) => {
    const input: ReturnOrderInput = { orderId, storeId: 'ST001', lines: [{ sku: product.sku, quantity: 1 }], idempotencyKey: key };
    return runner.execute(saga, key, input, async () => as(await planReturn(deps, pricing, input)) as ReturnState) as Promise<{
      pointsReversed: number;
    }>;
  };
  const reversed = () => ledger.filter((t) => t.type === 'ADJUST').reduce((sum, t) => sum - t.points, 0);
  return { returnOne, reversed };
}

it.each(['W-2026-000001', 'ST001-20261125-0003'])(
  'takes back every point of order %s once its three units are returned one by one',
  async (orderId) => {
    const { returnOne, reversed } = await world(orderId);
    const answered = [];
    for (const key of ['first', 'second', 'third']) answered.push((await returnOne(key)).pointsReversed);
    // so far, the points of what was refunded so far, rounded down: 101 x 33.67 / 101.01, then x 67.34 / 101.01, then all
    expect(answered).toEqual([33, 34, 34]);
    expect(reversed()).toBe(101);
  },
);

it('finishes a return planned by the version before, whose state kept only the points the order held', async () => {
  const { returnOne, reversed } = await world('W-2026-000002');
  // unfinished across an upgrade: its points are its own refund's whole euros, as that version took them
  const { pointsReversed } = await returnOne('before', ({ points, ...rest }) => ({ ...rest, earned: points.held }));
  expect(pointsReversed).toBe(33);
  expect(reversed()).toBe(33);
});

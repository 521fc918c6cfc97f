// An e-shop order whose creating call's answer was lost is looked for among the account's orders
// made since the call started: all of them, not the first page only (a busy account places more
// than one page of orders while the call is in doubt).
import type { CommerceDeps } from '../../../domain/orders/deps';
import { placeOrderSaga } from '../../../domain/orders/placeOrder';
import { SagaStore } from '../../../domain/orders/saga/store';
import { freshDb } from '../../databases';
import { createLogger } from '../../../platform/logging';
import { webPlan as plan } from './plans';

const since = '2026-11-25T10:00:00.000Z';

const order = (id: string, at: string, total: string) => ({ id, created_at: at, total, status: 'paid', lines: [{ sku: 'SKU-1', qty: 2 }] });
type Order = ReturnType<typeof order>;

/** The e-shop holding `orders` (newest first, paged as it pages), then the undo of the call in doubt: the orders it cancelled. */
async function undoAmong(orders: Order[], prepare: (sagas: SagaStore) => Promise<unknown> = async () => undefined) {
  const cancelled: string[] = [];
  const eshop = {
    listOrders: async (_account: string, page: number, perPage: number) => ({
      data: orders.slice((page - 1) * perPage, page * perPage),
      meta: { page, per_page: perPage, total: orders.length },
    }),
    cancelOrder: async (id: string) => cancelled.push(id),
  };
  const sagas = await SagaStore.open(await freshDb());
  await prepare(sagas);
  const saga = placeOrderSaga({ eshop, sagas } as unknown as CommerceDeps, createLogger('silent'));
  await saga.steps.find((s) => s.name === 'createWebOrder')!.compensate!({ plan }, { inDoubt: true, startedAt: since });
  return cancelled;
}

/** What the order's step recorded of it, for the operation of `placedBy`. */
const recorded = (orderId: string, placedBy: string) => ({
  orderId,
  reservationId: null,
  pickupStore: null,
  orderedUnits: 2,
  deliveryAddress: null,
  priced: null,
  placedBy,
  owner: null,
  pointsEarned: null,
});

it('finds and cancels the lost order behind more than a page of newer ones', async () => {
  // newest first: 145 other orders made after the lost one (more than the 100 of a page), then the lost one, then older ones
  const at = (i: number) => `2026-11-25T${String(11 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`;
  const orders = [
    ...Array.from({ length: 145 }, (_, i) => order(`W-2026-1${String(i).padStart(5, '0')}`, at(i), '5.00')).reverse(),
    order('W-2026-000777', '2026-11-25T10:00:01Z', '20.00'),
    order('W-2026-000001', '2026-11-01T10:00:00Z', '20.00'),
  ];
  expect(await undoAmong(orders)).toEqual(['W-2026-000777']);
});

it('cancels the first alike order made since, and only it: one call makes one order, a later one is the customer ordering again', async () => {
  const orders = [order('W-2026-000888', '2026-11-25T10:00:40Z', '20.00'), order('W-2026-000777', '2026-11-25T10:00:05Z', '20.00')];
  expect(await undoAmong(orders)).toEqual(['W-2026-000777']);
});

describe('among orders alike another operation took, or this one recorded', () => {
  it('passes over the first one alike when cancelled already by another undo (an earlier attempt, whose call made it late)', async () => {
    const earlier = { ...order('W-2026-000777', '2026-11-25T10:00:05Z', '20.00'), status: 'cancelled' };
    expect(await undoAmong([order('W-2026-000888', '2026-11-25T10:00:20Z', '20.00'), earlier])).toEqual(['W-2026-000888']);
  });

  it('takes the one it recorded itself, not an earlier one alike', async () => {
    const orders = [order('W-2026-000888', '2026-11-25T10:00:30Z', '20.00'), order('W-2026-000777', '2026-11-25T10:00:10Z', '20.00')];
    expect(await undoAmong(orders, (sagas) => sagas.recordOrder(recorded('W-2026-000888', plan.ref)))).toEqual(['W-2026-000888']);
  });
});

describe('an order recorded whose step was not marked done (the database failing between the two)', () => {
  const lost = order('W-2026-000777', '2026-11-25T10:00:01Z', '20.00');
  const undo = (placedBy: string) => undoAmong([lost], (sagas) => sagas.recordOrder(recorded(lost.id, placedBy)));

  it('is cancelled by the undo of the operation that placed it', async () => {
    expect(await undo(plan.ref)).toEqual([lost.id]);
  });

  it("is left to another operation that placed it (an order alike, another key's)", async () => {
    expect(await undo('OG-another')).toEqual([]);
  });
});

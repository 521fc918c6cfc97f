import { SagaStore } from '../../../../domain/orders/saga/store';
import { freshDb } from '../../../databases';

const lease = { owner: 'replica-a', ms: 30_000 };
const refusal = { code: 'CONFLICT', message: 'refused', extensions: {} };

it('a restarted operation counts its refusals afresh: the attempt before cannot park it early', async () => {
  const sagas = await SagaStore.open(await freshDb());
  await sagas.begin('key-1', 'placeOrder', 'hash', {}, lease);
  expect(await sagas.refused('key-1', 'earn points', refusal)).toBe(1);
  expect(await sagas.refused('key-1', 'earn points', refusal)).toBe(2);
  await sagas.finish('key-1', 'failed', { error: refusal });

  expect(await sagas.restart('key-1', {}, lease)).toBe(true);
  expect(await sagas.refused('key-1', 'earn points', refusal)).toBe(1);
});

it('lists the returns of each order asked, oldest first, recorded once however often a return runs', async () => {
  const sagas = await SagaStore.open(await freshDb());
  const taken = (returnId: string, orderId: string, refundCents: number) => ({
    returnId,
    orderId,
    storeId: 'ST001',
    lines: [{ sku: 'SKU-1', quantity: 1 }],
    refundCents,
    pointsReversed: Math.floor(refundCents / 100),
  });
  await sagas.recordReturn('return-a', taken('R-000001', 'W-2026-000001', 1250), 3);
  await sagas.recordReturn('return-b', taken('R-000002', 'W-2026-000001', 990), 3);
  await sagas.recordReturn('return-a', taken('R-000003', 'W-2026-000001', 1250), 3); // the same return run again
  await sagas.recordReturn('return-c', taken('RT-000001', 'ST001-20261101-0001', 500), 1);
  const returns = await sagas.returnsOfMany(['W-2026-000001', 'ST001-20261101-0001', 'W-2026-000009']);
  expect(returns).toEqual(
    new Map([
      ['W-2026-000001', [taken('R-000001', 'W-2026-000001', 1250), taken('R-000002', 'W-2026-000001', 990)]],
      ['ST001-20261101-0001', [taken('RT-000001', 'ST001-20261101-0001', 500)]],
      ['W-2026-000009', []],
    ]),
  );
  expect(await sagas.returnsOf('W-2026-000001')).toEqual({
    lines: [
      { sku: 'SKU-1', quantity: 1 },
      { sku: 'SKU-1', quantity: 1 },
    ],
    refundCents: 2240,
  });
});

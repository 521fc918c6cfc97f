// Pickups whose reservation the POS held before go-live: the POS cannot say which reservation
// holds an order, so the project learns them once from the POS's export of that day.
import { importGoLiveReservations } from '../../../domain/orders/goLive';
import { SagaStore } from '../../../domain/orders/saga/store';
import { freshDb } from '../../databases';

const held = { id: 'RSV-000013', store: 'ST028', ref: 'W-2026-000504', status: 'held' as const };

it('knows the reservation of each pickup still held, and of nothing else', async () => {
  const sagas = await SagaStore.open(await freshDb());
  await importGoLiveReservations(sagas, [
    held,
    { id: 'RSV-000002', store: 'ST001', ref: 'W-2026-000100', status: 'released' },
    { id: 'RSV-000003', store: 'ST001', ref: 'a till reference', status: 'held' },
  ]);
  expect(await sagas.orderFacts('W-2026-000504')).toMatchObject({ reservationId: 'RSV-000013', pickupStore: 'ST028', collectedAt: null });
  expect(await sagas.orderFacts('W-2026-000100')).toBeNull();
});

it('never overrides what the project recorded itself, however often it runs', async () => {
  const sagas = await SagaStore.open(await freshDb());
  await importGoLiveReservations(sagas, [held]);
  await sagas.markCollected(held.ref);
  await importGoLiveReservations(sagas, [{ ...held, id: 'RSV-999999' }]);
  expect(await sagas.orderFacts(held.ref)).toMatchObject({ reservationId: 'RSV-000013', collectedAt: expect.any(String) });
});

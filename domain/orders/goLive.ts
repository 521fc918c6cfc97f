// Pickups whose reservation the POS held before go-live. The POS cannot be asked which
// reservation holds an order (it has no look-up by ref), and the project recorded only those it
// made itself: the others come from the POS's export of its reservations at go-live. Each held
// one whose ref is a web order becomes that order's known reservation, so it can be handed over or
// cancelled; what the project recorded itself is never overridden.
import type { ExportedReservation } from '../../adapters/pos/reservation-export';
import type { SagaStore } from './saga/store';
import { WEB_ORDER_ID } from './orderIds';

export async function importGoLiveReservations(sagas: SagaStore, reservations: readonly ExportedReservation[]): Promise<void> {
  for (const r of reservations) {
    if (r.status === 'held' && WEB_ORDER_ID.test(r.ref)) await sagas.knowReservation(r.ref, r.id, r.store);
  }
}

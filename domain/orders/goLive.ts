// Pickups whose reservation the POS held before go-live. The POS cannot be asked which
// reservation holds an order (it has no look-up by ref), and the project recorded only those it
// made itself: the others come from the POS's export of its reservations at go-live, a JSON array
// of {id, store, ref, status} (with the simulated POS, its seed). Each held one whose ref is a web
// order becomes that order's known reservation, so it can be handed over or cancelled; what the
// project recorded itself is never overridden.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PosReservation } from '../../adapters/pos/wire';
import type { SagaStore } from './saga/store';
import { WEB_ORDER_ID } from './orderIds';

export type GoLiveReservation = Pick<PosReservation, 'id' | 'store' | 'ref' | 'status'>;

const exported = z.array(
  z.object({ id: z.string().min(1), store: z.string().min(1), ref: z.string(), status: z.enum(['held', 'released', 'collected']) }),
);

export function loadGoLiveReservations(path: string): GoLiveReservation[] {
  const parsed = exported.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: not an export of POS reservations (${parsed.error.issues[0].message})`);
  return parsed.data;
}

export async function importGoLiveReservations(sagas: SagaStore, reservations: readonly GoLiveReservation[]): Promise<void> {
  for (const r of reservations) {
    if (r.status === 'held' && WEB_ORDER_ID.test(r.ref)) await sagas.knowReservation(r.ref, r.id, r.store);
  }
}

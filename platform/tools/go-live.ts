// What existed before go-live and the silos cannot be asked for: the vouchers the CRM granted
// (it cannot list them) and the pickups the POS held (it cannot find a reservation by order).
// Each comes from that silo's export file, read at every start (an import repeated changes
// nothing); with the silo simulated, its seeded records stand for the export.
import { readFileSync } from 'node:fs';
import { voucherFromCrm } from '../../adapters/crm/mapping';
import { parseVoucherExport } from '../../adapters/crm/voucher-export';
import { parseReservationExport } from '../../adapters/pos/reservation-export';
import { importGoLiveReservations as importReservations } from '../../domain/orders/goLive';
import type { SagaStore } from '../../domain/orders/saga/store';
import type { VoucherStore } from '../../domain/pricing/promotions/voucher-store';
import type { World } from '../../legacy/model';

export interface GoLiveSources {
  /** the silo's export file */
  file: string | undefined;
  /** the simulated systems' seeded world, standing for the export of those of them that have no file */
  simulated: { world: World; crm: boolean; pos: boolean } | null;
}

/** The POS's held pickups, into the orders' saga store. */
export async function importGoLiveReservations(sagas: SagaStore, { file, simulated }: GoLiveSources): Promise<void> {
  const reservations = file
    ? parseReservationExport(readFileSync(file, 'utf8'), file)
    : simulated?.pos
      ? simulated.world.pos.reservations
      : [];
  await importReservations(sagas, reservations);
}

/** The CRM's goodwill vouchers, into the voucher store; answers how many were new. */
export async function importGoLiveVouchers(store: VoucherStore, { file, simulated }: GoLiveSources): Promise<number> {
  const vouchers = file ? parseVoucherExport(readFileSync(file, 'utf8'), file) : simulated?.crm ? simulated.world.crm.vouchers : [];
  const learnedAt = new Date().toISOString();
  return store.importFromCrm(vouchers.map((v) => voucherFromCrm(v, learnedAt)));
}

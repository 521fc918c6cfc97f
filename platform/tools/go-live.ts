// What existed before go-live and the silos cannot be asked for: the vouchers the CRM granted
// (it cannot list them) and the pickups the POS held (it cannot find a reservation by order).
// Each comes from that silo's export file, read at every start (an import repeated changes
// nothing); with the silo simulated, its seeded records stand for the export.
import { readFileSync } from 'node:fs';
import { voucherFromCrm } from '../../adapters/crm/mapping';
import { parseVoucherExport } from '../../adapters/crm/voucher-export';
import { parseReservationExport } from '../../adapters/pos/reservation-export';
import { importGoLiveReservations } from '../../domain/orders/goLive';
import type { SagaStore } from '../../domain/orders/saga/store';
import type { VoucherStore } from '../../domain/pricing/promotions/vouchers';
import type { World } from '../../legacy/model';

export interface GoLiveSources {
  crmVouchersFile: string | undefined;
  posReservationsFile: string | undefined;
  /** the simulated systems' seeded world, for those of them that have no export file */
  simulated: { world: World; crm: boolean; pos: boolean } | null;
}

/** Imports both; answers how many vouchers were new. */
export async function importGoLive(stores: { vouchers: VoucherStore; sagas: SagaStore }, sources: GoLiveSources): Promise<number> {
  const { crmVouchersFile, posReservationsFile, simulated } = sources;
  const vouchers = crmVouchersFile
    ? parseVoucherExport(readFileSync(crmVouchersFile, 'utf8'), crmVouchersFile)
    : simulated?.crm
      ? simulated.world.crm.vouchers
      : [];
  const reservations = posReservationsFile
    ? parseReservationExport(readFileSync(posReservationsFile, 'utf8'), posReservationsFile)
    : simulated?.pos
      ? simulated.world.pos.reservations
      : [];
  await importGoLiveReservations(stores.sagas, reservations);
  const learnedAt = new Date().toISOString();
  return stores.vouchers.importFromCrm(vouchers.map((v) => voucherFromCrm(v, learnedAt)));
}

// The vouchers the CRM granted before go-live, imported at every start (an import repeated changes
// nothing): from the CRM's export (CRM_VOUCHERS_FILE), or, with the CRM simulated, from the
// simulator's own records, which stand for that export.
import { readFileSync } from 'node:fs';
import { voucherFromCrm } from '../../adapters/crm/mapping';
import { parseVoucherExport } from '../../adapters/crm/voucher-export';
import type { CrmVoucher } from '../../adapters/crm/wire';
import type { VoucherStore } from '../../domain/pricing/promotions/vouchers';
import type { SimHandle } from '../../legacy';

async function exported(file: string | undefined, simulatedCrm: SimHandle | undefined): Promise<CrmVoucher[]> {
  if (file) return parseVoucherExport(readFileSync(file, 'utf8'), file);
  if (simulatedCrm) return parseVoucherExport(await (await fetch(`${simulatedCrm.url}/__sim/dump`)).text(), 'of the simulated CRM');
  return [];
}

/** How many vouchers were new. */
export async function importGoLiveVouchers(
  vouchers: VoucherStore,
  file: string | undefined,
  simulatedCrm: SimHandle | undefined,
): Promise<number> {
  const learnedAt = new Date().toISOString();
  return vouchers.importFromCrm((await exported(file, simulatedCrm)).map((v) => voucherFromCrm(v, learnedAt)));
}

// The CRM's export of the goodwill vouchers it granted: the CRM has no call that lists them, so the
// ones granted before go-live reach the project this way. A JSON document `{"vouchers": [...]}`,
// each record with the CRM's field names (legacy-systems.md §3, as the simulator's dump has them).
import { z } from 'zod';
import { parseExport } from '../transport/export-file';
import type { CrmVoucher } from './wire';

const exported = z.object({
  vouchers: z.array(
    z.object({
      voucher_code: z.string().regex(/^GW-[A-Z0-9]+$/, 'a voucher code is GW- and capitals or digits'),
      contact_id: z.string().min(1),
      amount_cents: z.number().int().positive(),
      reason: z.string(),
      expires_at: z.number().int(),
    }),
  ),
});

/** The export's vouchers; one that does not read stops the start-up with a message naming `origin`. */
export const parseVoucherExport = (text: string, origin: string): CrmVoucher[] =>
  parseExport(exported, text, 'CRM voucher export', origin).vouchers;

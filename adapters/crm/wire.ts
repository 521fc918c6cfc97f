// The CRM's payloads as they travel on the wire, with the field names of
// legacy-systems.md (in the workplace's shared/ folder, beside this repository). The client
// reads and writes these; the simulator in legacy/ serves them. The client reads every result
// through these schemas (adapters/transport/answers.ts); the types are what the schemas read.
import { z } from 'zod';

const epoch = z.number(); // seconds

export const crmContact = z.object({
  id: z.string(), // C-000123
  first_name: z.string(),
  last_name: z.string(),
  phone: z.string(), // French national format "06 12 34 56 78"
  email: z.string().nullable(), // as typed
  created_at: epoch,
});
export type CrmContact = z.infer<typeof crmContact>;

export const crmCase = z.object({
  id: z.string(), // K-5521
  contact_id: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['open', 'closed']),
  channel: z.enum(['phone', 'email', 'store']),
  opened_at: epoch,
  closed_at: epoch.nullable(),
});
export type CrmCase = z.infer<typeof crmCase>;

/** A call as call.list answers it: without the contact it was asked for. */
const crmCallRecord = z.object({ id: z.string(), at: epoch, duration_s: z.number(), agent: z.string(), reason: z.string() });
export type CrmCall = z.infer<typeof crmCallRecord> & { contact_id: string };

/** A voucher as goodwill.grant answers it. */
const crmGrantedVoucher = z.object({
  voucher_code: z.string(), // GW-...
  amount_cents: z.number().int(),
  expires_at: epoch,
});
export type CrmVoucher = z.infer<typeof crmGrantedVoucher> & { contact_id: string; reason: string };

/** What each method answers in `result`. */
export const crmResults = {
  'contact.search': z.array(crmContact),
  'contact.get': crmContact,
  'case.list': z.array(crmCase),
  'case.create': crmCase,
  'case.close': crmCase,
  'call.list': z.array(crmCallRecord),
  'goodwill.grant': crmGrantedVoucher,
};
export type CrmMethod = keyof typeof crmResults;
export type CrmResult<M extends CrmMethod> = z.infer<(typeof crmResults)[M]>;

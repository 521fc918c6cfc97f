// The CRM's payloads as they travel on the wire, with the field names of
// legacy-systems.md (in the workplace's shared/ folder, beside this repository). The client
// reads and writes these; the simulator in legacy/ serves them.

export interface CrmContact {
  id: string; // C-000123
  first_name: string;
  last_name: string;
  phone: string; // French national format "06 12 34 56 78"
  email: string | null; // as typed
  created_at: number; // epoch seconds
}
export interface CrmCase {
  id: string; // K-5521
  contact_id: string;
  subject: string;
  body: string;
  status: 'open' | 'closed';
  channel: 'phone' | 'email' | 'store';
  opened_at: number;
  closed_at: number | null;
}
export interface CrmCall {
  id: string;
  contact_id: string;
  at: number;
  duration_s: number;
  agent: string;
  reason: string;
}
export interface CrmVoucher {
  voucher_code: string; // GW-...
  contact_id: string;
  amount_cents: number;
  reason: string;
  expires_at: number;
}

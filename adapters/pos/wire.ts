// The POS's payloads as they travel on the wire, with the field names (the XML attribute and element names) of
// legacy-systems.md (in the workplace's shared/ folder, beside this repository). The client
// reads and writes these; the simulator in legacy/ serves them.

import type { ParisLocal } from '../../domain/canonical/time';

export type { ParisLocal };

// The closed lists of values, which the client checks each answer against (./xml.ts).
export const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export const PROMOTION_KINDS = ['percent', 'amount', 'second_half_price'] as const;
export const RESERVATION_STATES = ['held', 'released', 'collected'] as const;

export type Day = (typeof DAYS)[number];
export interface PosStore {
  code: string; // ST042
  name: string;
  street: string;
  zip: string;
  city: string;
  phone: string;
  hours: { day: Day; open: string; close: string }[]; // a closed day has no entry
}
export interface PosStock {
  store: string;
  ean: string;
  qty: number;
  reserved: number;
}
export interface PosPrice {
  store: string;
  ean: string;
  cents: number;
}
export interface PosPromotion {
  store: string;
  id: string; // P-77
  kind: (typeof PROMOTION_KINDS)[number];
  value: string;
  ean: string | null;
  category: string | null;
  from: ParisLocal;
  to: ParisLocal;
}
export interface PosLine {
  ean: string;
  qty: number;
  unit_cents: number;
}
export interface PosReceipt {
  id: string; // ST042-20261101-0042
  store: string;
  at: ParisLocal;
  card: string | null; // "4000 1234 5678 1234" (groups of four) or none
  total_cents: number;
  deliver: 'home' | null; // set on a POST /pos/sales with deliver="home"
  ref: string | null; // the reservation ref when written by a collect
  lines: PosLine[];
}
export interface PosReservation {
  id: string; // RSV-...
  store: string;
  ref: string;
  status: (typeof RESERVATION_STATES)[number];
  created_at: ParisLocal;
  lines: { ean: string; qty: number }[];
}
export interface PosReturn {
  id: string; // RT-...
  store: string;
  ref: string;
  refund_cents: number;
  lines: { ean: string; qty: number }[];
}

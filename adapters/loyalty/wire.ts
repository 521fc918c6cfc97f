// The loyalty platform's payloads as they travel on the wire, with the field names of
// legacy-systems.md (in the workplace's shared/ folder, beside this repository). The client
// reads and writes these; the simulator in legacy/ serves them.

export type Iso = string; // ISO-8601 UTC with Z

export interface LoyaltyMember {
  card_number: string; // 16 digits
  email: string; // as typed
  phone_e164: string;
  first_name: string;
  last_name: string;
  tier: 'BASIC' | 'SILVER' | 'GOLD';
  points_balance: number;
  enrolled_at: Iso;
}
export interface LoyaltyTxn {
  card_number: string;
  id: string;
  type: 'EARN' | 'BURN' | 'ADJUST';
  points: number; // signed: BURN is negative
  channel: 'WEB' | 'STORE' | 'PHONE';
  external_ref: string | null;
  at: Iso;
}
export interface LoyaltyOffer {
  offer_id: string;
  name: string;
  tier: 'BASIC' | 'SILVER' | 'GOLD';
  discount_type: 'PERCENT' | 'AMOUNT';
  value: string;
  skus: string[] | null;
  category: string | null;
  channels: ('ONLINE' | 'INSTORE')[];
  valid_from: Iso;
  valid_to: Iso;
}

// The records each simulated legacy system holds, with the field names of
// ../shared/legacy-systems.md (for the POS: the XML attribute and element names).
// `GET /__sim/dump` serves these arrays as they are.

export type Iso = string; // ISO-8601 UTC with Z
export type ParisLocal = string; // 'YYYY-MM-DD HH:MM:SS', Europe/Paris wall-clock time

// ---- e-shop ---------------------------------------------------------------
export interface EshopProduct {
  sku: string;
  ean: string;
  title: string;
  category: string;
  price: string; // "19.99"
  vat_rate: string; // "20.0"
  stock: number;
  updated_at: Iso;
}
export interface EshopAccount {
  id: string; // A-10023
  email: string; // lower-cased
  first_name: string;
  last_name: string;
  phone: string; // free text
  loyalty_card: string | null; // as typed by the customer
  created_at: Iso;
}
export interface EshopOrderLine {
  sku: string;
  qty: number;
  unit_price: string;
}
export interface EshopShipping {
  method: 'home' | 'store_pickup';
  store_code: string | null; // "042"
  address: { street: string; zip: string; city: string } | null;
}
export type EshopOrderStatus =
  | 'pending'
  | 'paid'
  | 'shipped'
  | 'ready_for_pickup'
  | 'collected'
  | 'cancelled'
  | 'returned';
export interface EshopOrder {
  id: string; // W-2026-000123
  account_id: string;
  status: EshopOrderStatus;
  created_at: Iso;
  lines: EshopOrderLine[];
  promo_codes: string[];
  discount: string;
  total: string;
  shipping: EshopShipping;
  origin: 'web' | 'phone';
}
export interface EshopPromo {
  code: string;
  kind: 'percent' | 'amount';
  value: string;
  min_basket: string | null;
  starts_at: Iso;
  ends_at: Iso;
  skus: string[] | null;
  category: string | null;
}
export interface EshopEvent {
  account_id: string;
  type: 'product_view' | 'add_to_cart' | 'availability_check' | 'store_locator_view';
  sku: string | null;
  store_code: string | null;
  at: Iso;
}
export interface EshopReturn {
  return_id: string;
  order_id: string;
  lines: { sku: string; qty: number }[];
  where: 'store' | 'post';
  store_code: string | null;
  refund: string;
}

// ---- POS ------------------------------------------------------------------
export type Day = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';
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
  kind: 'percent' | 'amount' | 'second_half_price';
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
  status: 'held' | 'released' | 'collected';
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

// ---- CRM ------------------------------------------------------------------
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

// ---- loyalty --------------------------------------------------------------
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

// ---- the whole seeded world -----------------------------------------------
export interface EshopData {
  products: EshopProduct[];
  accounts: EshopAccount[];
  orders: EshopOrder[];
  promotions: EshopPromo[];
  events: EshopEvent[];
  returns: EshopReturn[];
}
export interface PosData {
  stores: PosStore[];
  stock: PosStock[];
  prices: PosPrice[];
  promotions: PosPromotion[];
  receipts: PosReceipt[];
  reservations: PosReservation[];
  returns: PosReturn[];
}
export interface CrmData {
  contacts: CrmContact[];
  cases: CrmCase[];
  calls: CrmCall[];
  vouchers: CrmVoucher[];
}
export interface LoyaltyData {
  members: LoyaltyMember[];
  transactions: LoyaltyTxn[];
  offers: LoyaltyOffer[];
}
export interface World {
  eshop: EshopData;
  pos: PosData;
  crm: CrmData;
  loyalty: LoyaltyData;
}

export interface SeedOptions {
  seed: number; // SIM_SEED
  scale: number; // SIM_SCALE: 1 = 500 products, 300 people, 12 stores
  now: Date; // the end of the two years of history
}

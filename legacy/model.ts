// The records each simulated legacy system holds. Their types are the adapters' wire types
// (adapters/<system>/wire.ts): a simulator serves exactly what a client reads.
// `GET /__sim/dump` serves these arrays as they are.
import type { CrmCall, CrmCase, CrmContact, CrmVoucher } from '../adapters/crm/wire';
import type { EshopAccount, EshopEvent, EshopOrder, EshopProduct, EshopPromo, EshopReturn } from '../adapters/eshop/wire';
import type { LoyaltyMember, LoyaltyOffer, LoyaltyTxn } from '../adapters/loyalty/wire';
import type { PosPrice, PosPromotion, PosReceipt, PosReservation, PosReturn, PosStock, PosStore } from '../adapters/pos/wire';

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

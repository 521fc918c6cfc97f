// The one promotion model every source is mapped to (e-shop promo codes, loyalty tier offers,
// POS store promotions, CRM goodwill vouchers), and what the engine answers.
import type { Cents, Channel, Instant } from '../types';

export type PromotionSource = 'pos' | 'eshop' | 'loyalty' | 'crm';
export type PromotionKind = 'PERCENT' | 'AMOUNT' | 'SECOND_HALF_PRICE';
export type Tier = 'BASIC' | 'SILVER' | 'GOLD';

export interface Promotion {
  /** unique across sources: 'eshop:WELCOME10', 'pos:ST042:P-77', 'loyalty:OF-101', 'crm:GW-AB12CD34' */
  id: string;
  source: PromotionSource;
  name: string;
  /** the code the customer must give, or null when it applies by itself */
  code: string | null;
  kind: PromotionKind;
  /**
   * PERCENT: percent off (10 = 10 %); AMOUNT: cents off (per unit at PRODUCT level, once at BASKET
   * level); SECOND_HALF_PRICE: percent off every second unit of a line (50 = half price).
   */
  value: number;
  /** PRODUCT: applies to the lines in scope; BASKET: applies to the whole basket */
  level: 'PRODUCT' | 'BASKET';
  /** PRODUCT level: a line is in scope when its SKU or its category is listed (null = not that way) */
  skus: string[] | null;
  categories: string[] | null;
  minBasketCents: Cents | null;
  validFrom: Instant;
  validTo: Instant; // exclusive
  /** loyalty offers: the tiers entitled to it (null = everyone) */
  tiers: Tier[] | null;
  /** CRM goodwill vouchers: the only customer (project id) who may use it */
  customerId: string | null;
  /** POS store promotions: the stores it is run in (null = every store and no store) */
  storeIds: string[] | null;
  /** what the legacy system flags, reported and not obeyed (only the policy decides channels) */
  legacyChannels: Channel[] | null;
}

export interface BasketLine {
  sku: string;
  category: string;
  quantity: number;
  listPriceCents: Cents; // unit list price, from the price master
}

export interface PricingContext {
  channel: Channel;
  storeId: string | null;
  customer: { id: string; tier: Tier | null } | null;
  at: Instant;
  promoCodes: string[];
}

export type RejectionReason =
  | 'UNKNOWN'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'MINIMUM_NOT_MET'
  | 'NOT_FOR_THIS_CUSTOMER'
  | 'NOT_IN_THIS_CHANNEL'
  | 'NOT_IN_THIS_STORE'
  | 'NOT_APPLICABLE'
  | 'NOT_COMBINABLE';

export interface PricedLine extends BasketLine {
  /** quantity x list price */
  lineTotalCents: Cents;
  /** every promotion's share of this line; never more than lineTotalCents */
  discountCents: Cents;
}

export interface AppliedPromotion {
  promotion: Promotion;
  amountCents: Cents;
  /** the SKUs of the lines it reduced */
  skus: string[];
}

export interface Quote {
  lines: PricedLine[];
  appliedPromotions: AppliedPromotion[];
  rejectedPromoCodes: { code: string; reason: RejectionReason }[];
  subtotalCents: Cents; // sum of lineTotalCents
  discountCents: Cents; // sum of appliedPromotions amounts = sum of lines' discountCents
  totalCents: Cents; // subtotal - discount, never negative
  loyaltyPointsEarned: number; // whole euros of the total
}

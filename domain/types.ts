// The canonical forms every subgraph works with, whatever system a record came from:
// integer cents, ISO-8601 UTC instants, E.164 phones, 16-digit cards, SKUs and ST-codes.
import type { System } from '../platform/errors';

export type Cents = number;
export type Instant = string; // ISO-8601 UTC with Z
export type Channel = 'WEB' | 'STORE' | 'CALL_CENTER';
export type DayOfWeek = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

export interface Address {
  street: string;
  zip: string;
  city: string;
}

export interface Product {
  sku: string;
  ean: string;
  name: string;
  category: string;
  priceCents: Cents;
  vatRate: string;
  onlineStock: number;
  updatedAt: Instant;
}

export interface OpeningHours {
  day: DayOfWeek;
  opens: string; // HH:MM, Europe/Paris
  closes: string;
}

export interface Store {
  id: string; // ST042
  name: string;
  address: Address;
  phone: string | null; // E.164
  openingHours: OpeningHours[];
}

export interface StockLevel {
  storeId: string;
  ean: string;
  onHand: number;
  reserved: number;
  available: number; // onHand - reserved, never negative
}

export type OrderStatus =
  'PLACED' | 'PAID' | 'READY_FOR_PICKUP' | 'SHIPPED' | 'COMPLETED' | 'CANCELLED' | 'RETURNED' | 'PARTIALLY_RETURNED';

export type FulfillmentType = 'HOME_DELIVERY' | 'STORE_PICKUP' | 'IN_STORE';

export interface OrderLine {
  /** web orders know the SKU, store receipts only the EAN: one of the two is set */
  sku: string | null;
  ean: string | null;
  quantity: number;
  unitPriceCents: Cents;
  lineTotalCents: Cents;
}

export interface Order {
  id: string; // W-2026-000123 (web and phone) or ST042-20261101-0042 (store receipt)
  system: Extract<System, 'eshop' | 'pos'>;
  channel: Channel;
  placedAt: Instant;
  status: OrderStatus;
  lines: OrderLine[];
  discountCents: Cents;
  totalCents: Cents;
  fulfillment: { type: FulfillmentType; storeId: string | null; address: Address | null };
  promoCodes: string[];
  /**
   * the legacy record that owns the order: an e-shop account id or a loyalty card (digits); for a
   * card-less store sale placed through the graph, the account or CRM contact the project recorded
   */
  owner: { system: System; externalId: string } | null;
}

/** One legacy record about a person, reduced to the keys identity matching uses. */
export interface PersonRecord {
  system: System;
  externalId: string; // e-shop account id, CRM contact id, loyalty card digits
  firstName: string | null;
  lastName: string | null;
  email: string | null; // trimmed, lower-cased
  phone: string | null; // E.164
  card: string | null; // 16 digits
  createdAt: Instant | null;
}

export interface LoyaltyAccount {
  cardNumber: string;
  tier: 'BASIC' | 'SILVER' | 'GOLD';
  pointsBalance: number;
}

export interface LoyaltyTransaction {
  id: string;
  type: 'EARN' | 'BURN' | 'ADJUST';
  points: number;
  channel: 'WEB' | 'STORE' | 'PHONE';
  externalRef: string | null;
  at: Instant;
}

/** A call the call center took, as the CRM logged it. */
export interface Call {
  id: string;
  contactId: string;
  at: Instant;
  durationSeconds: number;
  /** the agent who took it, as the CRM names them */
  agent: string;
  reason: string;
}

export interface SupportCase {
  id: string;
  contactId: string;
  subject: string;
  body: string;
  status: 'OPEN' | 'CLOSED';
  channel: 'PHONE' | 'EMAIL' | 'STORE';
  openedAt: Instant;
  closedAt: Instant | null;
}

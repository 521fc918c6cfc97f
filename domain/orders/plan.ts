// What placeOrder decides before it writes anything (the plan), and what its saga records as it
// goes: shared by the saga's steps and by the points that follow an order.
import type { Address, Channel, Order } from '../types';
import type { OrderOwner } from './owner';

export interface PlaceOrderInput {
  channel: Channel;
  customerId: string;
  lines: { sku: string; quantity: number }[];
  promoCodes?: string[] | null;
  fulfillment: { type: 'HOME_DELIVERY' | 'STORE_PICKUP' | 'IN_STORE'; storeId?: string | null; address?: Address | null };
  idempotencyKey: string;
}

export interface PlannedLine {
  sku: string;
  ean: string;
  quantity: number;
  /** the unit list price */
  listCents: number;
  /** what the line costs after its share of every discount */
  netCents: number;
}

export interface OrderPlan {
  kind: 'web' | 'pickup' | 'storeSale';
  channel: Channel;
  customerId: string;
  storeId: string | null;
  address: Address | null;
  accountId: string | null;
  card: string | null;
  /**
   * the record a store sale is recorded as owned by when its receipt carries no card (storeSaleOwner);
   * absent from the plans of operations begun before it was kept
   */
  owner?: OrderOwner | null;
  lines: PlannedLine[];
  totalCents: number;
  discountCents: number;
  points: number;
  promoCodes: string[];
  voucherCodes: string[];
  /** the reference the POS keeps on the reservation */
  ref: string;
}

export interface PlaceOrderState extends Record<string, unknown> {
  plan: OrderPlan;
  reservationId?: string;
  orderId?: string;
  /** the order as the silo answered its creation: what placeOrder answers when the order cannot be read back */
  placed?: Order;
}

// The e-shop's payloads as they travel on the wire, with the field names of
// legacy-systems.md (in the workplace's shared/ folder, beside this repository). The client
// reads and writes these; the simulator in legacy/ serves them. The client reads every answer
// through these schemas (adapters/transport/answers.ts); the types are what the schemas read.
import { z } from 'zod';
import { decimalString as decimal, isoTime as iso } from '../transport/answers';

export type Iso = string; // ISO-8601 UTC with Z

export const eshopProduct = z.object({
  sku: z.string(),
  ean: z.string(),
  title: z.string(),
  category: z.string(),
  price: decimal,
  vat_rate: decimal, // "20.0"
  stock: z.number().int(),
  updated_at: iso,
});
export type EshopProduct = z.infer<typeof eshopProduct>;

export const eshopAccount = z.object({
  id: z.string(), // A-10023
  email: z.string(), // lower-cased
  first_name: z.string(),
  last_name: z.string(),
  phone: z.string(), // free text
  loyalty_card: z.string().nullable(), // as typed by the customer
  created_at: iso,
});
export type EshopAccount = z.infer<typeof eshopAccount>;

const orderLine = z.object({ sku: z.string(), qty: z.number().int(), unit_price: decimal });
export type EshopOrderLine = z.infer<typeof orderLine>;

const shipping = z.object({
  method: z.enum(['home', 'store_pickup']),
  store_code: z.string().nullable(), // "042"
  address: z.object({ street: z.string(), zip: z.string(), city: z.string() }).nullable(),
});
export type EshopShipping = z.infer<typeof shipping>;

const orderStatus = z.enum(['pending', 'paid', 'shipped', 'ready_for_pickup', 'collected', 'cancelled', 'returned']);
export type EshopOrderStatus = z.infer<typeof orderStatus>;

export const eshopOrder = z.object({
  id: z.string(), // W-2026-000123
  account_id: z.string(),
  status: orderStatus,
  created_at: iso,
  lines: z.array(orderLine),
  promo_codes: z.array(z.string()),
  discount: decimal,
  total: decimal,
  shipping,
  origin: z.enum(['web', 'phone']),
});
export type EshopOrder = z.infer<typeof eshopOrder>;

export const eshopPromo = z.object({
  code: z.string(),
  kind: z.enum(['percent', 'amount']),
  value: decimal,
  min_basket: decimal.nullable(),
  starts_at: iso,
  ends_at: iso,
  skus: z.array(z.string()).nullable(),
  category: z.string().nullable(),
});
export type EshopPromo = z.infer<typeof eshopPromo>;

/** An event as the events API answers it: without the account it was asked for. */
export const eshopAccountEvent = z.object({
  type: z.enum(['product_view', 'add_to_cart', 'availability_check', 'store_locator_view']),
  sku: z.string().nullable(),
  store_code: z.string().nullable(),
  at: iso,
});
export type EshopEvent = z.infer<typeof eshopAccountEvent> & { account_id: string };

export const eshopReturnReceipt = z.object({ return_id: z.string(), refund: decimal });

const pageMeta = z.object({ page: z.number(), per_page: z.number(), total: z.number() });
export interface EshopPage<T> {
  data: T[];
  meta: z.infer<typeof pageMeta>;
}
export const eshopPage = <T extends z.ZodTypeAny>(record: T) => z.object({ data: z.array(record), meta: pageMeta });
export const eshopList = <T extends z.ZodTypeAny>(record: T) => z.object({ data: z.array(record) });

export interface EshopReturn {
  return_id: string;
  order_id: string;
  lines: { sku: string; qty: number }[];
  where: 'store' | 'post';
  store_code: string | null;
  refund: string;
}

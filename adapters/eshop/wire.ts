// The e-shop's payloads as they travel on the wire, with the field names of
// legacy-systems.md (in the workplace's shared/ folder, beside this repository). The client
// reads and writes these; the simulator in legacy/ serves them.

export type Iso = string; // ISO-8601 UTC with Z

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
export type EshopOrderStatus = 'pending' | 'paid' | 'shipped' | 'ready_for_pickup' | 'collected' | 'cancelled' | 'returned';
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

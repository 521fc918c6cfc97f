// E-shop records in canonical form.
import { normalizeCard } from '../../domain/canonical/card';
import { normalizeEmail } from '../../domain/canonical/email';
import { decimalToCents } from '../../domain/canonical/money';
import { toE164 } from '../../domain/canonical/phone';
import { eshopCodeToStoreId } from '../../domain/canonical/store';
import { toInstant } from '../../domain/canonical/time';
import type { Order, OrderStatus, PersonRecord, Product } from '../../domain/types';
import type { EshopAccount, EshopOrder, EshopOrderStatus, EshopProduct, EshopPromo, EshopShipping } from './wire';
import type { Promotion } from '../../domain/pricing/model';

const STATUSES: Record<EshopOrderStatus, OrderStatus> = {
  pending: 'PLACED',
  paid: 'PAID',
  shipped: 'SHIPPED',
  ready_for_pickup: 'READY_FOR_PICKUP',
  collected: 'COMPLETED',
  cancelled: 'CANCELLED',
  returned: 'RETURNED',
};

export function productFromEshop(product: EshopProduct): Product {
  return {
    sku: product.sku,
    ean: product.ean,
    name: product.title,
    category: product.category,
    priceCents: decimalToCents(product.price),
    vatRate: product.vat_rate,
    onlineStock: product.stock,
    updatedAt: toInstant(product.updated_at),
  };
}

export function personFromEshopAccount(account: EshopAccount): PersonRecord {
  return {
    system: 'eshop',
    externalId: account.id,
    firstName: account.first_name,
    lastName: account.last_name,
    email: normalizeEmail(account.email),
    phone: toE164(account.phone),
    card: normalizeCard(account.loyalty_card),
    createdAt: toInstant(account.created_at),
  };
}

/** Web orders and the call center's phone orders, which live in the e-shop with origin 'phone'. */
export function orderFromEshop(order: EshopOrder): Order {
  return {
    id: order.id,
    system: 'eshop',
    channel: order.origin === 'phone' ? 'CALL_CENTER' : 'WEB',
    placedAt: toInstant(order.created_at),
    status: STATUSES[order.status],
    lines: order.lines.map((line) => {
      const unitPriceCents = decimalToCents(line.unit_price);
      return { sku: line.sku, ean: null, quantity: line.qty, unitPriceCents, lineTotalCents: unitPriceCents * line.qty };
    }),
    discountCents: decimalToCents(order.discount),
    totalCents: decimalToCents(order.total),
    fulfillment: fulfillmentOf(order.shipping),
    promoCodes: order.promo_codes,
    owner: { system: 'eshop', externalId: order.account_id },
  };
}

function fulfillmentOf(shipping: EshopShipping): Order['fulfillment'] {
  if (shipping.method === 'store_pickup') {
    return {
      type: 'STORE_PICKUP',
      storeId: shipping.store_code === null ? null : eshopCodeToStoreId(shipping.store_code),
      address: null,
    };
  }
  return { type: 'HOME_DELIVERY', storeId: null, address: shipping.address };
}

/** A promo code: scoped to SKUs or a category it reduces those lines, otherwise the basket. */
export function promotionFromEshop(promo: EshopPromo): Promotion {
  const scoped = promo.skus !== null || promo.category !== null;
  return {
    id: `eshop:${promo.code}`,
    source: 'eshop',
    name: promo.code,
    code: promo.code,
    kind: promo.kind === 'percent' ? 'PERCENT' : 'AMOUNT',
    value: promo.kind === 'percent' ? Number(promo.value) : decimalToCents(promo.value),
    level: scoped ? 'PRODUCT' : 'BASKET',
    skus: promo.skus,
    categories: promo.category === null ? null : [promo.category],
    minBasketCents: promo.min_basket === null ? null : decimalToCents(promo.min_basket),
    validFrom: toInstant(promo.starts_at),
    validTo: toInstant(promo.ends_at),
    tiers: null,
    customerId: null,
    storeIds: null,
    legacyChannels: null,
  };
}

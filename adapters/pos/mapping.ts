// POS records in canonical form. The POS knows products by EAN only and writes Paris local time.
import { normalizeCard } from '../../domain/canonical/card';
import { toE164 } from '../../domain/canonical/phone';
import { parisLocalToIso } from '../../domain/canonical/time';
import type { DayOfWeek, Order, StockLevel, Store } from '../../domain/types';
import type { Day, PosPromotion, PosReceipt, PosStock, PosStore } from './wire';
import type { Promotion, PromotionKind } from '../../domain/pricing/model';

const DAYS: Record<Day, DayOfWeek> = {
  MON: 'MONDAY',
  TUE: 'TUESDAY',
  WED: 'WEDNESDAY',
  THU: 'THURSDAY',
  FRI: 'FRIDAY',
  SAT: 'SATURDAY',
  SUN: 'SUNDAY',
};

export function storeFromPos(store: PosStore): Store {
  return {
    id: store.code,
    name: store.name,
    address: { street: store.street, zip: store.zip, city: store.city },
    phone: toE164(store.phone),
    openingHours: store.hours.map((hours) => ({ day: DAYS[hours.day], opens: hours.open, closes: hours.close })),
  };
}

export function stockLevelFromPos(stock: PosStock): StockLevel {
  return {
    storeId: stock.store,
    ean: stock.ean,
    onHand: stock.qty,
    reserved: stock.reserved,
    // Reservations can outnumber what is left on the shelf; what is offered never goes negative.
    available: Math.max(0, stock.qty - stock.reserved),
  };
}

/** A till receipt: a store sale, completed unless it is yet to be shipped home; owned by the loyalty card scanned, if any. */
export function orderFromPosReceipt(receipt: PosReceipt): Order {
  const lines = receipt.lines.map((line) => ({
    sku: null,
    ean: line.ean,
    quantity: line.qty,
    unitPriceCents: line.unit_cents,
    lineTotalCents: line.unit_cents * line.qty,
  }));
  const listTotal = lines.reduce((sum, line) => sum + line.lineTotalCents, 0);
  const card = normalizeCard(receipt.card);
  return {
    id: receipt.id,
    system: 'pos',
    channel: 'STORE',
    placedAt: parisLocalToIso(receipt.at),
    // the POS keeps no shipping status: a sale shipped home is paid, and no more is known
    status: receipt.deliver === 'home' ? 'PAID' : 'COMPLETED',
    lines,
    // A receipt carries shelf prices and what was paid: the till's promotions are the difference.
    discountCents: Math.max(0, listTotal - receipt.total_cents),
    totalCents: receipt.total_cents,
    // a receipt with a reservation's ref is the POS's record of a click-and-collect hand-over
    fulfillment: {
      type: receipt.deliver === 'home' ? 'HOME_DELIVERY' : receipt.ref !== null ? 'STORE_PICKUP' : 'IN_STORE',
      storeId: receipt.store,
      address: null,
    },
    promoCodes: [],
    owner: card === null ? null : { system: 'loyalty', externalId: card },
  };
}

const PROMOTION_KINDS: Record<PosPromotion['kind'], PromotionKind> = {
  percent: 'PERCENT',
  amount: 'AMOUNT', // in cents, like every POS amount
  second_half_price: 'SECOND_HALF_PRICE',
};

/**
 * A store promotion, run in that store only. The POS names the product by EAN: a promotion on an
 * EAN the catalogue does not know (null SKU) cannot apply anywhere and is left out.
 */
export function promotionFromPos(promo: PosPromotion, storeId: string, skuOfEan: (ean: string) => string | undefined): Promotion | null {
  const sku = promo.ean === null ? null : skuOfEan(promo.ean);
  if (promo.ean !== null && !sku) return null;
  return {
    id: `pos:${storeId}:${promo.id}`,
    source: 'pos',
    name: `Store promotion ${promo.id}`,
    code: null,
    kind: PROMOTION_KINDS[promo.kind],
    value: Number(promo.value),
    level: 'PRODUCT',
    skus: sku ? [sku] : null,
    categories: promo.category === null ? null : [promo.category],
    minBasketCents: null,
    validFrom: parisLocalToIso(promo.from),
    validTo: parisLocalToIso(promo.to),
    tiers: null,
    customerId: null,
    storeIds: [storeId],
    legacyChannels: null,
  };
}

// Whose a store sale is when its receipt names no one. The POS knows a receipt's customer only by
// the loyalty card scanned; a sale the project placed for a customer without a card is theirs all
// the same, and the project, which knows whom it sold to, records the legacy record that owns it.
import { externalIdIn } from '../identity/records';
import type { RecordRef } from '../identity/directory';
import type { Order } from '../types';

/** The legacy record that owns an order (Order.owner). */
export type OrderOwner = NonNullable<Order['owner']>;

/**
 * The record a store sale is recorded as owned by: none when its receipt carries the customer's card
 * (the card owns it), or for an order of the e-shop (its account owns it); otherwise the customer's
 * e-shop account, else their CRM contact.
 */
export function storeSaleOwner(
  sale: { kind: 'web' | 'pickup' | 'storeSale'; card: string | null },
  records: readonly RecordRef[],
): OrderOwner | null {
  if (sale.kind !== 'storeSale' || sale.card !== null) return null;
  for (const system of ['eshop', 'crm'] as const) {
    const externalId = externalIdIn(records, system);
    if (externalId !== null) return { system, externalId };
  }
  return null;
}

/** The order as the project knows it: one its legacy record names no owner of takes the owner the project recorded. */
export function withRecordedOwner(order: Order, recorded: OrderOwner | null | undefined): Order {
  return order.owner !== null || !recorded ? order : { ...order, owner: recorded };
}

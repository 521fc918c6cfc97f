// What the project knows beyond the e-shop's status: the e-shop has no "collected" call (the POS
// collects) and no partial-return status, and a click-and-collect order whose goods are held is
// ready for pickup as soon as it is paid. A store sale its own saga had to take back (the customer
// was told the order failed) is cancelled, whatever the receipt says.
import type { OrderStatus } from '../types';
import type { OrderFacts } from './saga/store';

export function orderStatus(legacy: OrderStatus, facts: OrderFacts | undefined): OrderStatus {
  if (!facts || legacy === 'CANCELLED' || legacy === 'RETURNED') return legacy;
  if (facts.voidedAt) return 'CANCELLED';
  if (facts.returnedUnits > 0) return facts.returnedUnits >= facts.orderedUnits ? 'RETURNED' : 'PARTIALLY_RETURNED';
  if (facts.collectedAt) return 'COMPLETED';
  if (facts.reservationId && legacy === 'PAID') return 'READY_FOR_PICKUP';
  return legacy;
}

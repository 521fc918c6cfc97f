export type { CustomerRef } from '../kit/customerRef';

/** What returnOrder answers (and stores for its idempotency key). */
export interface ReturnModel {
  returnId: string;
  orderId: string;
  storeId: string;
  lines: { sku: string; quantity: number }[];
  refundCents: number;
  pointsReversed: number;
}

export type { CustomerRef } from '../kit/customerRef';

/** What returnOrder answers (and stores for its idempotency key), and Order.returns lists. */
export type { RecordedReturn as ReturnModel } from '../../domain/orders/saga/store';

// An order plan as placeOrder's planning makes one, for the tests of its saga's steps.
import type { OrderPlan } from '../../../domain/orders/plan';

/** A web order shipped home: an account, no card, one line, no promotion. */
export const webPlan: OrderPlan = {
  kind: 'web',
  channel: 'WEB',
  customerId: 'cus_1',
  storeId: null,
  address: { street: '1 rue de Rivoli', zip: '75001', city: 'Paris' },
  accountId: 'A-10001',
  card: null,
  lines: [{ sku: 'SKU-1', ean: '3000000000017', quantity: 2, listCents: 1000, netCents: 2000 }],
  totalCents: 2000,
  discountCents: 0,
  points: 0,
  promoCodes: [],
  voucherCodes: [],
  ref: 'OG-test',
};

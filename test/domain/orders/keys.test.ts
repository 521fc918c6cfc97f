// What names a placeOrder request for its idempotency key, in this version and as earlier versions
// named it: the runner recognises a key their replicas stored (saga/runner.test.ts says how).
import { inputHash } from '../../../domain/orders/saga/runner';
import { placeOrderRequest, placeOrderRequestEarlierForms } from '../../../domain/orders/keys';
import type { PlaceOrderInput } from '../../../domain/orders/plan';

const input: PlaceOrderInput = {
  channel: 'WEB',
  customerId: 'cus_1',
  lines: [{ sku: 'SKU-100001', quantity: 1 }],
  fulfillment: { type: 'HOME_DELIVERY', address: { street: '1 rue de Rivoli', zip: '75001', city: 'Paris' } },
  idempotencyKey: 'key-12345678',
};
/** how versions before 1cbf949 named a request: the input without its key, promo codes as written */
const asBefore = ({ idempotencyKey: _key, ...request }: PlaceOrderInput) => inputHash('placeOrder', request);
const forms = (i: PlaceOrderInput) => [placeOrderRequest(i), ...placeOrderRequestEarlierForms(i)].map((f) => inputHash('placeOrder', f));

it('names no promo codes (left out, null or []) one request, which earlier versions named three ways', () => {
  const now = [undefined, null, []].map((promoCodes) => inputHash('placeOrder', placeOrderRequest({ ...input, promoCodes })));
  expect(new Set(now).size).toBe(1);
  for (const promoCodes of [undefined, null, []]) {
    const written = promoCodes === undefined ? input : { ...input, promoCodes };
    expect(forms(input)).toContain(asBefore(written));
  }
});

it('has no earlier form for a request with promo codes: it was named as it is', () => {
  const withCodes = { ...input, promoCodes: ['WELCOME10'] };
  expect(placeOrderRequestEarlierForms(withCodes)).toEqual([]);
  expect(inputHash('placeOrder', placeOrderRequest(withCodes))).toBe(asBefore(withCodes));
});

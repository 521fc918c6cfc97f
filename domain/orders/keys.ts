// The keys that name operations in the saga store. A client's idempotency keys and the keys the
// project makes for itself live in separate namespaces: no client key can take one of the
// project's (and so block, say, the hand-over of an order).
import { checkedIdempotencyKey } from '../canonical/idempotency-key';
import type { PlaceOrderInput } from './plan';

/** A client's idempotencyKey, checked, in the clients' namespace. */
export const clientKey = (idempotencyKey: string) => `client:${checkedIdempotencyKey(idempotencyKey)}`;

/** Handing an order over is idempotent by nature: the order names the operation. */
export const collectKey = (orderId: string) => `collect:${orderId}`;

/** What a placeOrder's key stands for: its input, no promo codes said either way (none, null, []) the same request. */
export function placeOrderRequest({
  idempotencyKey: _key,
  promoCodes,
  ...request
}: PlaceOrderInput): Omit<PlaceOrderInput, 'idempotencyKey'> {
  return promoCodes?.length ? { ...request, promoCodes } : request;
}

/**
 * The same request as replicas of versions before this one named it (no promo codes written as the
 * client wrote them: null or []): a retry reaching this version mid-deploy finds the key they stored.
 */
export function placeOrderRequestEarlierForms(input: PlaceOrderInput): Omit<PlaceOrderInput, 'idempotencyKey'>[] {
  const request = placeOrderRequest(input);
  return request.promoCodes ? [] : [null, []].map((promoCodes) => ({ ...request, promoCodes }));
}

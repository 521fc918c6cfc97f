// The keys that name operations in the saga store. A client's idempotency keys and the keys the
// project makes for itself live in separate namespaces: no client key can take one of the
// project's (and so block, say, the hand-over of an order).
import { badInput } from '../../platform/errors';

const MAX_KEY_LENGTH = 200;

/** A client's idempotencyKey, checked, in the clients' namespace. */
export function clientKey(idempotencyKey: string): string {
  const k = idempotencyKey.trim();
  if (k.length < 8 || k.length > MAX_KEY_LENGTH) throw badInput(`idempotencyKey must have 8 to ${MAX_KEY_LENGTH} characters`);
  return `client:${k}`;
}

/** Handing an order over is idempotent by nature: the order names the operation. */
export const collectKey = (orderId: string) => `collect:${orderId}`;

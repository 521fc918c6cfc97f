// A client's idempotency key, as every mutation that takes one checks it: the same gesture sent
// again carries the same key, so a key too short to be unique, or unbounded, is refused.
import { badInput } from '../../platform/errors';

const MIN_LENGTH = 8;
const MAX_LENGTH = 200;

/** The key trimmed, or BAD_USER_INPUT when it has fewer than 8 or more than 200 characters. */
export function checkedIdempotencyKey(key: string): string {
  const k = key.trim();
  if (k.length < MIN_LENGTH || k.length > MAX_LENGTH) throw badInput(`idempotencyKey must have ${MIN_LENGTH} to ${MAX_LENGTH} characters`);
  return k;
}

// A goodwill gesture: a voucher the call center grants a customer through the CRM, in cents, with
// the agent's reason.
import { badInput } from '../../platform/errors';
import { checkedText } from '../canonical/text';

export const MAX_GOODWILL_CENTS = 50_000;
const MAX_REASON = 500;

export function checkedGoodwill(amountCents: number, reason: string): { amountCents: number; reason: string } {
  if (!Number.isInteger(amountCents) || amountCents < 1 || amountCents > MAX_GOODWILL_CENTS) {
    throw badInput(`amount is in cents, from 1 to ${MAX_GOODWILL_CENTS}`);
  }
  return { amountCents, reason: checkedText('reason', reason, MAX_REASON) };
}

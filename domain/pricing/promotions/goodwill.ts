// A goodwill gesture: a voucher the call center grants a customer through the CRM, in cents, with
// the agent's reason. The CRM cannot list the vouchers it granted: the project records each one.
// Nor does its grant know idempotency: under a client's key, the gesture is written down before
// the CRM is asked, so that the key sent again (a double click, a retry after a lost answer)
// answers the first voucher, or refuses while whether there is one is not known.
import type { CrmClient } from '../../../adapters/crm/client';
import { voucherFromCrm } from '../../../adapters/crm/mapping';
import { badInput, graphqlError, mayHaveHappened } from '../../../platform/errors';
import { checkedIdempotencyKey } from '../../canonical/idempotency-key';
import { checkedText } from '../../canonical/text';
import type { GrantedVoucher } from './vouchers';
import type { Instant } from '../../types';

export const MAX_GOODWILL_CENTS = 50_000;
const MAX_REASON = 500;

export function checkedGoodwill(amountCents: number, reason: string): { amountCents: number; reason: string } {
  if (!Number.isInteger(amountCents) || amountCents < 1 || amountCents > MAX_GOODWILL_CENTS) {
    throw badInput(`amount is in cents, from 1 to ${MAX_GOODWILL_CENTS}`);
  }
  return { amountCents, reason: checkedText('reason', reason, MAX_REASON) };
}

/** What one idempotency key names: this customer, this amount, this reason. */
export interface GoodwillGesture {
  customerId: string;
  amountCents: number;
  reason: string;
}

/** What a key holds when a request asks under it. */
export type GoodwillAsked =
  | { state: 'new' } // the request took the key: it grants
  | { state: 'granted'; voucher: GrantedVoucher }
  | { state: 'pending' } // asked before; whether the CRM granted it is not known
  | { state: 'other' }; // the key names another gesture

export interface GoodwillDeps {
  crm: Pick<CrmClient, 'grantGoodwill'>;
  vouchers: {
    record(voucher: Omit<GrantedVoucher, 'usedByOrder'>): Promise<void>;
    askGoodwill(key: string, gesture: GoodwillGesture, at: Instant): Promise<GoodwillAsked>;
    grantedGoodwill(key: string, voucher: Omit<GrantedVoucher, 'usedByOrder'>): Promise<void>;
    forgetGoodwill(key: string): Promise<void>;
  };
  /** the customer, NOT_FOUND when unknown */
  customer(id: string): Promise<{ id: string; crmContactIds: readonly string[] }>;
}

const PENDING =
  'A voucher was asked with this idempotency key and whether the CRM granted it is not known (still being granted, ' +
  'or its answer was lost): no other voucher is granted under this key';

/** Grants the voucher to the customer's call center contact, and records it as theirs. */
export async function grantGoodwill(
  deps: GoodwillDeps,
  request: { customerId: string; amountCents: number; reason: string; idempotencyKey?: string | null },
  at: Instant,
): Promise<GrantedVoucher> {
  const goodwill = checkedGoodwill(request.amountCents, request.reason);
  const key = request.idempotencyKey == null ? null : checkedIdempotencyKey(request.idempotencyKey);
  const customer = await deps.customer(request.customerId);
  const [contactId] = customer.crmContactIds;
  if (!contactId) throw badInput('This customer has no call center contact to grant a voucher to');
  if (key !== null) {
    const asked = await deps.vouchers.askGoodwill(key, { customerId: customer.id, ...goodwill }, at);
    if (asked.state === 'granted') return asked.voucher;
    if (asked.state === 'other') throw graphqlError('CONFLICT', 'This idempotency key was already used for another goodwill gesture');
    if (asked.state === 'pending') throw graphqlError('CONFLICT', PENDING);
  }
  let granted;
  try {
    granted = await deps.crm.grantGoodwill({ contact_id: contactId, amount_cents: goodwill.amountCents, reason: goodwill.reason });
  } catch (err) {
    // the CRM's own answer is what the agent needs: a key that could not be given back stays
    // pending, which refuses its retry and grants nothing twice
    if (key !== null && !mayHaveHappened(err)) await deps.vouchers.forgetGoodwill(key).catch(() => undefined);
    throw err;
  }
  const voucher = { ...voucherFromCrm({ ...granted, contact_id: contactId, reason: goodwill.reason }, at), customerId: customer.id };
  await (key === null ? deps.vouchers.record(voucher) : deps.vouchers.grantedGoodwill(key, voucher));
  return { ...voucher, usedByOrder: null };
}

// A goodwill gesture: a voucher the call center grants a customer through the CRM, in cents, with
// the agent's reason. The CRM cannot list the vouchers it granted: the project records each one.
import type { CrmClient } from '../../../adapters/crm/client';
import { voucherFromCrm } from '../../../adapters/crm/mapping';
import { badInput } from '../../../platform/errors';
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

export interface GoodwillDeps {
  crm: Pick<CrmClient, 'grantGoodwill'>;
  vouchers: { record(voucher: Omit<GrantedVoucher, 'usedByOrder'>): Promise<void> };
  /** the customer, NOT_FOUND when unknown */
  customer(id: string): Promise<{ id: string; crmContactIds: readonly string[] }>;
}

/** Grants the voucher to the customer's call center contact, and records it as theirs. */
export async function grantGoodwill(
  deps: GoodwillDeps,
  request: { customerId: string; amountCents: number; reason: string },
  at: Instant,
): Promise<Omit<GrantedVoucher, 'usedByOrder'>> {
  const goodwill = checkedGoodwill(request.amountCents, request.reason);
  const customer = await deps.customer(request.customerId);
  const [contactId] = customer.crmContactIds;
  if (!contactId) throw badInput('This customer has no call center contact to grant a voucher to');
  const granted = await deps.crm.grantGoodwill({ contact_id: contactId, amount_cents: goodwill.amountCents, reason: goodwill.reason });
  const voucher = { ...voucherFromCrm({ ...granted, contact_id: contactId, reason: goodwill.reason }, at), customerId: customer.id };
  await deps.vouchers.record(voucher);
  return voucher;
}

// Whether a promotion may apply to this sale at all, before looking at the basket: its validity
// window, the channel (the policy's word), the store and the customer.
import { channelsFor, type Policy } from './policy';
import type { PricingContext, Promotion, RejectionReason } from './model';

/** The first rule the promotion breaks, in the order they are checked; null when it may apply. */
export function ineligibility(promotion: Promotion, ctx: PricingContext, policy: Policy): RejectionReason | null {
  const at = Date.parse(ctx.at);
  if (at < Date.parse(promotion.validFrom)) return 'NOT_YET_VALID';
  if (at >= Date.parse(promotion.validTo)) return 'EXPIRED';
  if (!channelsFor(promotion, policy).includes(ctx.channel)) return 'NOT_IN_THIS_CHANNEL';
  if (promotion.storeIds !== null && (ctx.storeId === null || !promotion.storeIds.includes(ctx.storeId))) return 'NOT_IN_THIS_STORE';
  if (!isForCustomer(promotion, ctx.customer)) return 'NOT_FOR_THIS_CUSTOMER';
  return null;
}

function isForCustomer({ tiers, customerId }: Promotion, customer: PricingContext['customer']): boolean {
  const tierOk = tiers === null || (customer?.tier != null && tiers.includes(customer.tier));
  const customerOk = customerId === null || customer?.id === customerId;
  return tierOk && customerOk;
}

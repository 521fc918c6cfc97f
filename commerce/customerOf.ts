// The loyalty card of whoever owns an order: an e-shop account's customer, or the card on a receipt.
import { normalizeCard } from '../canonical/card';
import type { CommerceDeps } from './deps';

export function cardOfAccount(deps: CommerceDeps, accountId: string): string | null {
  const customer = deps.store.customerOf('eshop', accountId);
  if (!customer) return null;
  return normalizeCard(deps.store.recordsOf(customer).find((r) => r.system === 'loyalty')?.externalId);
}

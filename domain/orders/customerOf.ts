// The loyalty card of whoever owns an order: an e-shop account's customer, or the card on a receipt.
import { externalIdIn } from '../identity/records';
import type { CommerceDeps } from './deps';

export function cardOfAccount(deps: CommerceDeps, accountId: string): string | null {
  const customer = deps.store.customerOf('eshop', accountId);
  if (!customer) return null;
  return externalIdIn(deps.store.recordsOf(customer), 'loyalty');
}

// The loyalty card of whoever owns an order: an e-shop account's customer, or the card on a receipt.
import { externalIdIn } from '../identity/records';
import type { CommerceDeps } from './deps';

export async function cardOfAccount(deps: CommerceDeps, accountId: string): Promise<string | null> {
  const customer = await deps.identity.customerOf('eshop', accountId);
  if (!customer) return null;
  return externalIdIn((await deps.identity.identitiesOf([customer])).get(customer)?.records ?? [], 'loyalty');
}

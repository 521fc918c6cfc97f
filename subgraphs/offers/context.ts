import DataLoader from 'dataloader';
import type { Catalog } from '../../catalog/catalog';
import type { CrmClient } from '../../clients/crm';
import type { LoyaltyClient } from '../../clients/loyalty';
import type { PosClient } from '../../clients/pos';
import type { IdentityStore } from '../../identity/store';
import type { Tier } from '../../pricing/model';
import type { Policy } from '../../pricing/policy';
import type { PromotionBook } from '../../promotions/book';
import type { CustomerProfile, PricingSources } from '../../promotions/quoting';
import type { VoucherStore } from '../../promotions/vouchers';
import type { StoreDirectory } from '../../stores/directory';
import type { BaseContext } from '../server';

export interface OffersDeps {
  catalog: Catalog;
  stores: StoreDirectory;
  book: PromotionBook;
  policy: Policy;
  store: IdentityStore;
  vouchers: VoucherStore;
  pos: PosClient;
  crm: CrmClient;
  loyalty: LoyaltyClient;
}

export interface OffersContext extends BaseContext, OffersDeps {
  pricing: PricingSources;
}

export function offersContext(deps: OffersDeps): Omit<OffersContext, 'partial'> {
  // Every customer a request prices for, and their tiers, in one members:batchGet.
  const profiles = new DataLoader<string, CustomerProfile | null>(async (ids) => {
    const current = ids.map((id) => deps.store.resolve(id));
    const records = deps.store.recordsOfMany(current.filter((id): id is string => id !== null));
    const cardOf = (id: string) => records.get(id)?.find((r) => r.system === 'loyalty')?.externalId;
    const cards = current.flatMap((id) => (id && cardOf(id) ? [cardOf(id)!] : []));
    const tiers = new Map<string, Tier>((cards.length ? await deps.loyalty.batchGetMembers(cards) : []).map((m) => [m.card_number, m.tier]));
    return current.map((id) => {
      if (!id) return null;
      const card = cardOf(id);
      const crmContactIds = (records.get(id) ?? []).filter((r) => r.system === 'crm').map((r) => r.externalId);
      return { id, tier: card ? tiers.get(card) ?? null : null, crmContactIds };
    });
  });
  return {
    ...deps,
    pricing: {
      catalog: () => deps.catalog.get(),
      stores: () => deps.stores.get(),
      book: deps.book,
      policy: deps.policy,
      profile: (id) => profiles.load(id),
    },
  };
}

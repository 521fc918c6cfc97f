// What pricing needs to know of a customer: the tier of their card and their CRM contacts (for
// goodwill vouchers). One members:batchGet for every customer a request prices for; with loyalty
// down, a card holder's tier is unknown and they are priced without it (the offers of no tier).
import DataLoader from 'dataloader';
import { LegacyUnavailableError } from '../../../platform/errors';
import type { Catalog } from '../../reference/catalog';
import { membersOf, type MemberBatcher } from '../../../subgraphs/kit/loaders/loyalty';
import { externalIdIn, externalIdsIn } from '../../identity/records';
import type { CustomerDirectory } from '../../identity/directory';
import type { Tier } from '../model';
import type { Policy } from '../policy';
import type { StoreDirectory } from '../../reference/store-directory';
import type { PromotionBook } from './book';
import type { CustomerProfile, PricingSources } from './quoting';

export interface PricingDeps {
  catalog: Catalog;
  stores: StoreDirectory;
  book: PromotionBook;
  policy: Policy;
  /** who is who: the identity subgraph's */
  identity: CustomerDirectory;
  members: MemberBatcher;
}

/**
 * Built per request: the profile loader caches for one operation only, and the catalogue and the
 * store list are read once per request, so that every price of one answer comes from the same ones.
 * Promotions are read for each sale priced (a list's offers are one sale): they hold the vouchers,
 * which one mutation field may claim before the next is priced.
 */
export function pricingSources(deps: PricingDeps): PricingSources {
  let catalog: ReturnType<PricingSources['catalog']> | undefined;
  let stores: ReturnType<PricingSources['stores']> | undefined;
  const profiles = new DataLoader<string, CustomerProfile | null>(async (ids) => {
    const customers = await deps.identity.identitiesOf(ids);
    const cards = [...customers.values()].flatMap((c) => externalIdIn(c.records, 'loyalty') ?? []);
    const { tiers, unavailable } = await tiersOf(deps.members, cards);
    return ids.map((asked) => {
      const customer = customers.get(asked);
      if (!customer) return null;
      const card = externalIdIn(customer.records, 'loyalty');
      const crmContactIds = externalIdsIn(customer.records, 'crm');
      return {
        id: customer.id,
        tier: card ? (tiers.get(card) ?? null) : null,
        crmContactIds,
        loyaltyUnavailable: card ? unavailable : null,
      };
    });
  });
  return {
    catalog: () => (catalog ??= deps.catalog.get()),
    stores: () => (stores ??= deps.stores.get()),
    promotions: (scope) => deps.book.promotionsFor(scope),
    policy: deps.policy,
    profile: (id) => profiles.load(id),
  };
}

/** The cards' tiers; with the loyalty platform down, none, and why: those customers are priced without their tier. */
async function tiersOf(members: MemberBatcher, cards: string[]) {
  try {
    const tiers = new Map<string, Tier>((await membersOf(members, cards)).map((m) => [m.card_number, m.tier]));
    return { tiers, unavailable: null };
  } catch (err) {
    if (!(err instanceof LegacyUnavailableError)) throw err;
    return { tiers: new Map<string, Tier>(), unavailable: err };
  }
}

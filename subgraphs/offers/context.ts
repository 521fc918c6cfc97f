import type { CrmClient } from '../../clients/crm';
import type { PosClient } from '../../clients/pos';
import { pricingSources, type PricingDeps } from '../../promotions/profiles';
import type { PricingSources } from '../../promotions/quoting';
import type { VoucherStore } from '../../promotions/vouchers';
import type { BaseContext } from '../server';

export interface OffersDeps extends PricingDeps {
  vouchers: VoucherStore;
  pos: PosClient;
  crm: CrmClient;
}

export interface OffersContext extends BaseContext, OffersDeps {
  pricing: PricingSources;
}

export function offersContext(deps: OffersDeps): Omit<OffersContext, keyof BaseContext> {
  return { ...deps, pricing: pricingSources(deps) };
}

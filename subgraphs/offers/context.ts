import type { CrmClient } from '../../adapters/crm/client';
import type { PosClient } from '../../adapters/pos/client';
import { pricingSources, type PricingDeps } from '../../domain/pricing/promotions/profiles';
import type { PricingSources } from '../../domain/pricing/promotions/quoting';
import type { VoucherStore } from '../../domain/pricing/promotions/vouchers';
import type { BaseContext } from '../kit/server';

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

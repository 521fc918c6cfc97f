import type { CrmClient } from '../../adapters/crm/client';
import type { PosClient } from '../../adapters/pos/client';
import type { PricingSources } from '../../domain/pricing/promotions/quoting';
import type { VoucherStore } from '../../domain/pricing/promotions/vouchers';
import type { CustomerDirectory } from '../../domain/identity/directory';
import type { BaseContext } from '../kit/server';
import { perRequestPricing, type PricingPieces } from '../kit/pricing';

export interface OffersDeps extends PricingPieces {
  vouchers: VoucherStore;
  pos: PosClient;
  crm: CrmClient;
}

export interface OffersContext extends BaseContext, OffersDeps {
  /** who is who, for this request alone (pieces.ts says why) */
  identity: CustomerDirectory;
  pricing: PricingSources;
}

export function offersContext(deps: OffersDeps): Omit<OffersContext, keyof BaseContext> {
  return { ...deps, ...perRequestPricing(deps) };
}

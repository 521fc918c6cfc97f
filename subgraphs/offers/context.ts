import type { CrmClient } from '../../adapters/crm/client';
import type { PosClient } from '../../adapters/pos/client';
import type { Logger } from '../../platform/logging';
import type { InFlight } from '../../domain/in-flight';
import type { GrantedVoucher } from '../../domain/pricing/promotions/vouchers';
import DataLoader from 'dataloader';
import { priceOffers, type OfferRequest, type PricedBasket, type PricingSources } from '../../domain/pricing/promotions/quoting';
import type { VoucherStore } from '../../domain/pricing/promotions/voucher-store';
import type { CustomerDirectory } from '../../domain/identity/directory';
import type { BaseContext } from '../kit/server';
import { perRequestPricing, type PricingPieces } from '../kit/pricing';
import { eachGroup } from '../kit/loaders/settle';

export interface OffersDeps extends PricingPieces {
  vouchers: VoucherStore;
  pos: PosClient;
  crm: CrmClient;
  /** how long a CRM call may last (CRM_TIMEOUT_MS) */
  crmTimeoutMs: number;
  /** what an operator must know: a voucher the CRM granted that could not be recorded */
  logger: Logger;
  /** this process's goodwill grants under way, by idempotency key */
  goodwillUnderWay: InFlight<GrantedVoucher>;
  /** every process's promotions read again (each replica's, each subgraph's served apart) */
  refreshPricing: () => Promise<void>;
}

export interface OffersContext extends BaseContext, OffersDeps {
  /** who is who, for this request alone (pieces.ts says why) */
  identity: CustomerDirectory;
  pricing: PricingSources;
  /** one unit of a product in a sale: a list's offers priced together, the sale's promotions judged once */
  offers: DataLoader<OfferKey, PricedBasket, string>;
}

export interface OfferKey extends OfferRequest {
  sku: string;
}

export function offersContext(deps: OffersDeps): Omit<OffersContext, keyof BaseContext> {
  const perRequest = perRequestPricing(deps);
  const saleOf = ({ channel, storeId, customerId }: OfferRequest) => JSON.stringify([channel, storeId ?? null, customerId ?? null]);
  const offers = new DataLoader<OfferKey, PricedBasket, string>(
    (keys) =>
      eachGroup(keys, saleOf, async (_, inSale) => {
        const priced = await priceOffers(
          perRequest.pricing,
          inSale[0],
          inSale.map((k) => k.sku),
        );
        const bySku = new Map(inSale.map((k, i) => [k.sku, priced[i]]));
        return (key) => bySku.get(key.sku)!;
      }),
    { cacheKeyFn: (key) => `${saleOf(key)}|${key.sku}` },
  );
  return { ...deps, ...perRequest, offers };
}

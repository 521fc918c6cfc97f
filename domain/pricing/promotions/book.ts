// Every silo's promotions in the one Promotion model, cached: promotions are slow to change, so a
// warm quote costs no legacy call for them. Each source is read once per TTL (per store for the
// POS, per tier for loyalty) and served stale, rather than failing, while a silo is down.
import type { Catalog } from '../../reference/catalog';
import type { EshopClient } from '../../../adapters/eshop/client';
import type { LoyaltyClient } from '../../../adapters/loyalty/client';
import type { PosClient } from '../../../adapters/pos/client';
import { cachedByKey, cachedValue } from '../../../platform/cache/cachedValue';
import { promotionFromEshop } from '../../../adapters/eshop/mapping';
import { promotionFromLoyaltyOffer } from '../../../adapters/loyalty/mapping';
import { promotionFromPos } from '../../../adapters/pos/mapping';
import { LegacyUnavailableError } from '../../../platform/errors';
import type { Promotion, Tier } from '../model';
import type { CustomerProfile } from './quoting';
import { promotionFromVoucher } from './vouchers';
import type { VoucherBook } from './voucher-book';

export const TIERS: Tier[] = ['BASIC', 'SILVER', 'GOLD'];

export interface PromotionBookDeps {
  eshop: EshopClient;
  pos: PosClient;
  loyalty: LoyaltyClient;
  catalog: Catalog;
  vouchers: VoucherBook;
}

export interface PromotionScope {
  storeId: string | null;
  customer: Pick<CustomerProfile, 'id' | 'tier' | 'crmContactIds' | 'loyaltyUnavailable'> | null;
  /** codes given: vouchers are looked up by code too, to be refused when they are someone else's */
  promoCodes?: readonly string[];
  /** false: no goodwill voucher can apply (a product page's offer, which shows none): not looked up */
  vouchers?: boolean;
}

export interface PromotionSet {
  promotions: Promotion[];
  /** the loyalty platform could not give the customer's tier offers: they are left out */
  unavailable: LegacyUnavailableError | null;
}

export class PromotionBook {
  private readonly web;
  private readonly store;
  private readonly tier;

  constructor(
    private readonly deps: PromotionBookDeps,
    ttlMs: number,
  ) {
    this.web = cachedValue(async () => (await deps.eshop.listPromotions()).map(promotionFromEshop), ttlMs);
    this.store = cachedByKey(async (storeId: string) => {
      const [promos, catalog] = await Promise.all([deps.pos.getPromotions(storeId), deps.catalog.get()]);
      const skuOf = (ean: string) => catalog.byEan.get(ean)?.sku;
      return promos.map((p) => promotionFromPos(p, storeId, skuOf)).filter((p): p is Promotion => p !== null);
    }, ttlMs);
    this.tier = cachedByKey(
      async (tier: Tier) => (await deps.loyalty.listOffers(tier)).map((o) => promotionFromLoyaltyOffer(o, tier)),
      ttlMs,
    );
  }

  /**
   * The promotions that may apply in that scope; the engine decides which do. With loyalty down
   * (the tier unknown, or its offers never read), those of the tier are left out and
   * `unavailable` says so: the price without them stands.
   */
  async promotionsFor({ storeId, customer, promoCodes = [], vouchers = true }: PromotionScope): Promise<PromotionSet> {
    // every source at once: the vouchers are another subgraph's API call each
    const [web, store, tier, contacts, given] = await Promise.all([
      this.web.get(),
      storeId ? this.store.get(storeId) : [],
      this.tierOffers(customer),
      customer && vouchers ? this.deps.vouchers.unusedForContacts(customer.crmContactIds) : [],
      vouchers ? this.deps.vouchers.unusedByCodes(promoCodes) : [],
    ]);
    // A voucher follows its CRM contact: the customer holding that contact now is its owner.
    const own = customer ? contacts.map((v) => promotionFromVoucher(v, customer.id)) : [];
    const owned = new Set(own.map((p) => p.id));
    // Given by someone not holding its contact: someone else's (one granted before go-live may
    // belong to a customer not met yet: its contact stands for them).
    const othersGiven = given
      .map((v) => promotionFromVoucher(v, v.customerId ?? `crm-contact:${v.contactId}`))
      .filter((p) => !owned.has(p.id));
    return { promotions: [...web, ...store, ...tier.offers, ...own, ...othersGiven], unavailable: tier.unavailable };
  }

  private async tierOffers(
    customer: PromotionScope['customer'],
  ): Promise<{ offers: Promotion[]; unavailable: LegacyUnavailableError | null }> {
    if (customer?.loyaltyUnavailable) return { offers: [], unavailable: customer.loyaltyUnavailable };
    if (!customer?.tier) return { offers: [], unavailable: null };
    try {
      return { offers: await this.tier.get(customer.tier), unavailable: null };
    } catch (err) {
      if (!(err instanceof LegacyUnavailableError)) throw err;
      return { offers: [], unavailable: err };
    }
  }

  /** Every tier's offers: the ones whose legacy channel flags the drift report looks at. */
  async loyaltyOffers(): Promise<Promotion[]> {
    return (await Promise.all(TIERS.map((t) => this.tier.get(t)))).flat();
  }

  refresh(): void {
    this.web.invalidate();
    this.store.invalidate();
    this.tier.invalidate();
  }
}

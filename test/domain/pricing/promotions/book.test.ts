import type { Catalog } from '../../../../domain/reference/catalog';
import type { EshopClient } from '../../../../adapters/eshop/client';
import type { LoyaltyClient } from '../../../../adapters/loyalty/client';
import type { PosClient } from '../../../../adapters/pos/client';
import type { LoyaltyOffer } from '../../../../adapters/loyalty/wire';
import { PromotionBook } from '../../../../domain/pricing/promotions/book';
import { VoucherStore } from '../../../../domain/pricing/promotions/voucher-store';
import { LegacyUnavailableError } from '../../../../platform/errors';
import { freshDb } from '../../../databases';

const OFFER: LoyaltyOffer = {
  offer_id: 'OF-101',
  name: '-10 % sur tout (GOLD)',
  tier: 'GOLD',
  discount_type: 'PERCENT',
  value: '10',
  skus: null,
  category: null,
  channels: ['ONLINE'],
  valid_from: '2026-01-01T00:00:00Z',
  valid_to: '2027-01-01T00:00:00Z',
};

let vouchers: VoucherStore;
beforeAll(async () => {
  vouchers = await VoucherStore.open(await freshDb());
});

function book(listOffers: LoyaltyClient['listOffers'], voucherBook: Pick<VoucherStore, 'unusedForContacts' | 'unusedByCodes'> = vouchers) {
  const deps = {
    eshop: { listPromotions: async () => [] } as unknown as EshopClient,
    pos: { getPromotions: async () => [] } as unknown as PosClient,
    loyalty: { listOffers } as unknown as LoyaltyClient,
    catalog: {} as Catalog,
    vouchers: voucherBook as VoucherStore,
  };
  return new PromotionBook(deps, 60_000);
}

const gold = { id: 'cus_1', tier: 'GOLD' as const, crmContactIds: [], loyaltyUnavailable: null };

describe('PromotionBook.promotionsFor', () => {
  it("gives a customer's tier offers", async () => {
    const found = await book(async () => [OFFER]).promotionsFor({ storeId: null, customer: gold });
    expect(found.promotions.map((p) => p.id)).toEqual(['loyalty:OF-101']);
    expect(found.unavailable).toBeNull();
  });

  it('with loyalty down before its offers were read, gives the others and says loyalty is missing', async () => {
    const down = new LegacyUnavailableError('loyalty', 'HTTP 503');
    const found = await book(() => Promise.reject(down)).promotionsFor({ storeId: null, customer: gold });
    expect(found).toEqual({ promotions: [], unavailable: down });
  });

  it('with the tier unknown (loyalty down), gives no tier offer and says why', async () => {
    const down = new LegacyUnavailableError('loyalty', 'HTTP 503');
    const found = await book(async () => [OFFER]).promotionsFor({
      storeId: null,
      customer: { ...gold, tier: null, loyaltyUnavailable: down },
    });
    expect(found).toEqual({ promotions: [], unavailable: down });
  });

  it("looks no voucher up where none can apply (a product page's offer), and a customer's where they can", async () => {
    const asked: string[] = [];
    const spy = {
      unusedForContacts: async (ids: readonly string[]) => (asked.push(`contacts ${ids.join(',')}`), []),
      unusedByCodes: async (codes: readonly string[]) => (asked.push(`codes ${codes.join(',')}`), []),
    };
    const customer = { ...gold, crmContactIds: ['C-1'] };
    await book(async () => [OFFER], spy).promotionsFor({ storeId: null, customer, vouchers: false });
    expect(asked).toEqual([]);
    await book(async () => [OFFER], spy).promotionsFor({ storeId: null, customer, promoCodes: ['GW-1'] });
    expect(asked).toEqual(['contacts C-1', 'codes GW-1']);
  });
});

import type { MemberBatcher } from '../../../../subgraphs/kit/loaders/loyalty';
import type { CustomerDirectory } from '../../../../domain/identity/directory';
import type { PromotionBook, PromotionScope } from '../../../../domain/pricing/promotions/book';
import { pricingSources, type PricingDeps } from '../../../../domain/pricing/promotions/profiles';
import { priceBasket, priceOffers, type PricedBasket } from '../../../../domain/pricing/promotions/quoting';
import type { Catalog, CatalogIndex } from '../../../../domain/reference/catalog';
import type { StoreDirectory, StoreIndex } from '../../../../domain/reference/store-directory';
import type { Product, Store } from '../../../../domain/types';
import { AT, policy, promotion } from '../builders';

const product = (sku: string, priceCents: number) => ({ sku, ean: `ean-${sku}`, category: 'Maison', priceCents }) as Product;
const CATALOG = [product('SKU-1', 1000), product('SKU-2', 2500)];
const INDEX = { products: CATALOG, bySku: new Map(CATALOG.map((p) => [p.sku, p])) } as CatalogIndex;
const STORES = { stores: [], byId: new Map([['ST001', {} as Store]]) } as StoreIndex;
const TEN_PERCENT = promotion('pos:ST001:P1', { source: 'pos', level: 'PRODUCT', categories: ['Maison'], storeIds: ['ST001'] });

function deps(promotions = [TEN_PERCENT]) {
  const counted = {
    catalog: jest.fn(async () => INDEX),
    stores: jest.fn(async () => STORES),
    promotionsFor: jest.fn(async (_scope: PromotionScope) => ({ promotions, unavailable: null })),
  };
  const pricing: PricingDeps = {
    catalog: { get: counted.catalog, invalidate: () => undefined } as Catalog,
    stores: { get: counted.stores, invalidate: () => undefined } as StoreDirectory,
    book: { promotionsFor: counted.promotionsFor } as unknown as PromotionBook,
    policy: policy(),
    identity: {} as CustomerDirectory,
    members: {} as MemberBatcher,
  };
  return { counted, pricing };
}

const offer = (sources: ReturnType<typeof pricingSources>, sku: string) =>
  priceOffers(sources, { channel: 'STORE', storeId: 'ST001' }, [sku]).then(([priced]) => (priced as PricedBasket).quote.totalCents);

describe('pricingSources: the catalogue and the stores, read once per request', () => {
  it('prices every sale of one request from one read of the catalogue and the stores, each sale with its own promotions', async () => {
    const { counted, pricing } = deps();
    const request = pricingSources(pricing);
    expect(await Promise.all([offer(request, 'SKU-1'), offer(request, 'SKU-2')])).toEqual([900, 2250]);
    expect(await offer(request, 'SKU-1')).toBe(900);
    // promotions again for each sale: a mutation's fields may claim vouchers between two of them
    expect([counted.catalog, counted.stores, counted.promotionsFor].map((f) => f.mock.calls.length)).toEqual([1, 1, 3]);

    // the next request reads them again (from their caches, which decide when the silos are asked)
    await offer(pricingSources(pricing), 'SKU-2');
    expect([counted.catalog, counted.stores, counted.promotionsFor].map((f) => f.mock.calls.length)).toEqual([2, 2, 4]);
  });

  it('reads nothing for a request that prices nothing', () => {
    const { counted, pricing } = deps();
    pricingSources(pricing);
    expect([counted.catalog, counted.stores, counted.promotionsFor].map((f) => f.mock.calls.length)).toEqual([0, 0, 0]);
  });
});

describe('priceOffers', () => {
  it("prices each product of a sale, an unknown one being that product's error alone", async () => {
    const { counted, pricing } = deps();
    const [one, unknown, two] = await priceOffers(pricingSources(pricing), { channel: 'STORE', storeId: 'ST001' }, [
      'SKU-1',
      'SKU-9',
      'SKU-2',
    ]);
    expect((one as PricedBasket).quote.totalCents).toBe(900);
    expect(unknown).toMatchObject({ message: 'Unknown product SKU-9', extensions: { code: 'BAD_USER_INPUT' } });
    expect((two as PricedBasket).quote.totalCents).toBe(2250);
    expect(counted.promotionsFor).toHaveBeenCalledTimes(1);
  });

  it('reads no promotion when no product is known: each is its own BAD_USER_INPUT', async () => {
    const { counted, pricing } = deps();
    const answers = await priceOffers(pricingSources(pricing), { channel: 'STORE', storeId: 'ST001' }, ['SKU-8', 'SKU-9']);
    expect(answers.map((a) => (a as Error).message)).toEqual(['Unknown product SKU-8', 'Unknown product SKU-9']);
    expect(counted.promotionsFor).not.toHaveBeenCalled();
  });

  it('fails every product alike when the sale itself is wrong (a STORE price without its store)', async () => {
    const { pricing } = deps();
    await expect(priceOffers(pricingSources(pricing), { channel: 'STORE' }, ['SKU-1'])).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('priceBasket', () => {
  const SECOND_HALF_PRICE = promotion('pos:ST001:P2', {
    source: 'pos',
    kind: 'SECOND_HALF_PRICE',
    value: 50,
    level: 'PRODUCT',
    skus: ['SKU-1'],
    storeIds: ['ST001'],
  });
  const basket = (lines: { sku: string; quantity: number }[]) =>
    priceBasket(pricingSources(deps([SECOND_HALF_PRICE]).pricing), { channel: 'STORE', storeId: 'ST001', lines }, new Date(AT));

  it('prices a product scanned twice as two units of one line, its lines in the order each product first appears', async () => {
    const split = await basket([
      { sku: 'SKU-1', quantity: 1 },
      { sku: 'SKU-2', quantity: 1 },
      { sku: 'SKU-1', quantity: 1 },
    ]);
    const whole = await basket([
      { sku: 'SKU-1', quantity: 2 },
      { sku: 'SKU-2', quantity: 1 },
    ]);
    expect(split).toEqual(whole);
    expect(whole.quote.totalCents).toBe(1000 + 500 + 2500);
  });

  it('bounds the units of a product over all its lines', async () => {
    expect(
      (
        await basket([
          { sku: 'SKU-1', quantity: 50 },
          { sku: 'SKU-1', quantity: 49 },
        ])
      ).quote.lines,
    ).toMatchObject([{ sku: 'SKU-1', quantity: 99 }]);
    await expect(
      basket([
        { sku: 'SKU-1', quantity: 50 },
        { sku: 'SKU-1', quantity: 50 },
      ]),
    ).rejects.toMatchObject({
      message: 'At most 99 of SKU-1 in one basket',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

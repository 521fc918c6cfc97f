import type { EshopAccount, EshopOrder, EshopOrderStatus, EshopProduct } from '../../../adapters/eshop/wire';
import { orderFromEshop, personFromEshopAccount, productFromEshop } from '../../../adapters/eshop/mapping';
import { jsonFixture } from '../../fixtures/legacy';

const [webOrder, phoneOrder] = jsonFixture<EshopOrder[]>('eshop-orders.json');

describe('productFromEshop', () => {
  it('maps the catalogue record', () => {
    expect(productFromEshop(jsonFixture<EshopProduct>('eshop-product.json'))).toEqual({
      sku: 'SKU-100234',
      ean: '3017620422003',
      name: 'Bouilloire inox 1,7 L',
      category: 'kitchen',
      priceCents: 3990,
      vatRate: '20.0',
      onlineStock: 12,
      updatedAt: '2026-11-18T09:15:00.000Z',
    });
  });

  it('keeps leading zeros of the EAN and exact cents', () => {
    const [, book] = jsonFixture<{ data: EshopProduct[] }>('eshop-products-page.json').data;
    expect(productFromEshop(book)).toMatchObject({ ean: '0012345678905', priceCents: 10, updatedAt: '2026-11-02T16:40:12.250Z' });
  });
});

describe('personFromEshopAccount', () => {
  it('normalises phone and typed card', () => {
    expect(personFromEshopAccount(jsonFixture<EshopAccount>('eshop-account.json'))).toEqual({
      system: 'eshop',
      externalId: 'A-10023',
      firstName: 'Marie',
      lastName: 'Dupont',
      email: 'marie.dupont@example.fr',
      phone: '+33612345678',
      card: '4000123456781234',
      createdAt: '2025-03-02T10:00:00.000Z',
    });
  });

  it('has no card or phone when none can be read', () => {
    const account = { ...jsonFixture<EshopAccount>('eshop-account.json'), loyalty_card: null, phone: 'ask at desk' };
    expect(personFromEshopAccount(account)).toMatchObject({ card: null, phone: null });
  });
});

describe('orderFromEshop', () => {
  it('maps a web order delivered home', () => {
    expect(orderFromEshop(webOrder)).toEqual({
      id: 'W-2026-000123',
      system: 'eshop',
      channel: 'WEB',
      placedAt: '2026-11-03T18:21:05.000Z',
      status: 'SHIPPED',
      lines: [
        { sku: 'SKU-100234', ean: null, quantity: 2, unitPriceCents: 1999, lineTotalCents: 3998 },
        { sku: 'SKU-100235', ean: null, quantity: 1, unitPriceCents: 10, lineTotalCents: 10 },
      ],
      discountCents: 500,
      totalCents: 3508,
      fulfillment: { type: 'HOME_DELIVERY', storeId: null, address: { street: '12 rue de la Paix', zip: '75002', city: 'Paris' } },
      promoCodes: ['WELCOME10'],
      owner: { system: 'eshop', externalId: 'A-10023' },
    });
  });

  it('maps a phone order picked up in store to the call center channel and the ST code', () => {
    expect(orderFromEshop(phoneOrder)).toMatchObject({
      channel: 'CALL_CENTER',
      status: 'READY_FOR_PICKUP',
      fulfillment: { type: 'STORE_PICKUP', storeId: 'ST042', address: null },
    });
  });

  it.each<[EshopOrderStatus, string]>([
    ['pending', 'PLACED'],
    ['paid', 'PAID'],
    ['shipped', 'SHIPPED'],
    ['ready_for_pickup', 'READY_FOR_PICKUP'],
    ['collected', 'COMPLETED'],
    ['cancelled', 'CANCELLED'],
    ['returned', 'RETURNED'],
  ])('status %s -> %s', (status, canonical) => {
    expect(orderFromEshop({ ...webOrder, status }).status).toBe(canonical);
  });
});

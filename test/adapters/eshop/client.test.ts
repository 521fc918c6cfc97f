import { isDeepStrictEqual } from 'node:util';
import nock from 'nock';
import { EshopClient } from '../../../adapters/eshop/client';
import { LegacyRejectedError, LegacyUnavailableError } from '../../../platform/errors';
import type { EshopOrder, EshopProduct } from '../../../adapters/eshop/wire';
import { fixture, jsonFixture } from '../../fixtures/legacy';
import { expectMalformed, useLoggedGuard } from '../malformed';
import { useNock } from '../nock-lifecycle';

useNock();

const BASE = 'http://eshop.test';
const eshop = () => new EshopClient(BASE, 'sim-eshop-key', 1000);
const api = () => nock(BASE, { reqheaders: { 'X-Api-Key': 'sim-eshop-key' } });
const product = jsonFixture<EshopProduct>('eshop-product.json');
const loggedGuard = useLoggedGuard('eshop');

describe('EshopClient', () => {
  it('lists a page of products with its meta', async () => {
    api().get('/api/v2/products').query({ page: '1', per_page: '2' }).reply(200, fixture('eshop-products-page.json'));
    const page = await eshop().listProducts(1, 2);
    expect(page.meta).toEqual({ page: 1, per_page: 2, total: 500 });
    expect(page.data.map((p) => p.sku)).toEqual(['SKU-100234', 'SKU-100235']);
  });

  it('asks for products by SKU 100 at a time, each SKU once', async () => {
    const skus = Array.from({ length: 250 }, (_, i) => `SKU-${100000 + i}`);
    const asked: string[][] = [];
    api()
      .get('/api/v2/products')
      .query(true)
      .times(3)
      .reply(200, (uri) => {
        const chunk = new URL(uri, BASE).searchParams.get('skus')!.split(',');
        asked.push(chunk);
        return { data: chunk.slice(0, 1).map((sku) => ({ ...product, sku })) };
      });
    const found = await eshop().getProductsBySkus([...skus, skus[0]]);
    expect(asked.map((chunk) => chunk.length).sort()).toEqual([100, 100, 50]);
    expect(asked.flat().sort()).toEqual([...skus].sort());
    expect(found.map((p) => p.sku)).toEqual(['SKU-100000', 'SKU-100100', 'SKU-100200']);
  });

  it('asks nothing for no SKUs', async () => {
    expect(await eshop().getProductsBySkus([])).toEqual([]);
  });

  it('answers null for an unknown product and escapes the path', async () => {
    api()
      .get('/api/v2/products/SKU%2F..%2Fadmin')
      .reply(404, { error: { code: 'not_found', message: 'no such sku' } });
    expect(await eshop().getProduct('SKU/../admin')).toBeNull();
  });

  it('answers a product', async () => {
    api().get('/api/v2/products/SKU-100234').reply(200, product);
    expect(await eshop().getProduct('SKU-100234')).toEqual(product);
  });

  it('rejects with unauthorized when the API key is refused', async () => {
    nock(BASE)
      .get('/api/v2/products/SKU-1')
      .reply(401, { error: { code: 'unauthorized' } });
    const client = new EshopClient(BASE, 'wrong', 1000);
    await expect(client.getProduct('SKU-1')).rejects.toMatchObject({
      name: 'LegacyRejectedError',
      system: 'eshop',
      legacyCode: 'unauthorized',
    });
  });

  it('finds accounts by email, and answers null for an unknown account', async () => {
    api()
      .get('/api/v2/customers')
      .query({ email: 'marie.dupont@example.fr' })
      .reply(200, { data: [jsonFixture('eshop-account.json')] });
    api()
      .get('/api/v2/customers/A-404')
      .reply(404, { error: { code: 'not_found' } });
    const accounts = await eshop().findAccountsByEmail('marie.dupont@example.fr');
    expect(accounts.map((a) => a.id)).toEqual(['A-10023']);
    expect(await eshop().getAccount('A-404')).toBeNull();
  });

  it('lists an account orders and gets one order', async () => {
    const orders = jsonFixture<EshopOrder[]>('eshop-orders.json');
    api()
      .get('/api/v2/customers/A-10023/orders')
      .query({ page: '2', per_page: '10' })
      .reply(200, { data: orders, meta: { page: 2, per_page: 10, total: 12 } });
    api().get('/api/v2/orders/W-2026-000124').reply(200, orders[1]);
    expect((await eshop().listOrders('A-10023', 2, 10)).data).toHaveLength(2);
    expect(await eshop().getOrder('W-2026-000124')).toEqual(orders[1]);
  });

  it('posts a new order as given', async () => {
    const [created] = jsonFixture<EshopOrder[]>('eshop-orders.json');
    const body = {
      account_id: 'A-10023',
      lines: created.lines,
      promo_codes: ['WELCOME10'],
      discount: '5.00',
      total: '35.08',
      shipping: created.shipping,
      origin: 'web' as const,
    };
    api()
      .post('/api/v2/orders', (sent: unknown) => isDeepStrictEqual(sent, body))
      .reply(201, created);
    expect(await eshop().createOrder(body)).toEqual(created);
  });

  it('rejects cancelling a shipped order with invalid_state', async () => {
    api()
      .post('/api/v2/orders/W-2026-000123/cancel')
      .reply(409, { error: { code: 'invalid_state', message: 'already shipped' } });
    const err = await eshop()
      .cancelOrder('W-2026-000123')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LegacyRejectedError);
    expect(err).toMatchObject({ legacyCode: 'invalid_state' });
  });

  it('creates a return', async () => {
    const body = { lines: [{ sku: 'SKU-100234', qty: 1 }], where: 'store' as const, store_code: '042' };
    api().post('/api/v2/orders/W-2026-000123/returns', body).reply(201, { return_id: 'R-1', refund: '19.99' });
    expect(await eshop().createReturn('W-2026-000123', body)).toEqual({ return_id: 'R-1', refund: '19.99' });
  });

  it('lists promotions and events', async () => {
    const promo = {
      code: 'WELCOME10',
      kind: 'percent',
      value: '10',
      min_basket: '50.00',
      starts_at: '2026-01-01T00:00:00Z',
      ends_at: '2027-01-01T00:00:00Z',
      skus: null,
      category: null,
    };
    const event = { type: 'product_view', sku: 'SKU-100234', store_code: null, at: '2026-11-10T08:00:00Z' };
    api()
      .get('/api/v2/promotions')
      .reply(200, { data: [promo] });
    api()
      .get('/api/v2/customers/A-10023/events')
      .query({ since: '2026-11-01T00:00:00.000Z' })
      .reply(200, { data: [event] });
    expect(await eshop().listPromotions()).toEqual([promo]);
    expect(await eshop().listEvents('A-10023', '2026-11-01T00:00:00.000Z')).toEqual([event]);
  });

  it('is unavailable on a 500', async () => {
    api()
      .get('/api/v2/promotions')
      .reply(500, { error: { code: 'internal' } });
    await expect(eshop().listPromotions()).rejects.toBeInstanceOf(LegacyUnavailableError);
  });

  describe('an answer that is not what the reference says', () => {
    const [order] = jsonFixture<EshopOrder[]>('eshop-orders.json');

    it('is the e-shop being unavailable, logged with its route, for a product, a page, a list and a posted order', async () => {
      const logged = loggedGuard();
      const client = new EshopClient(BASE, 'sim-eshop-key', 1000, logged.guard);
      api()
        .get('/api/v2/products/SKU-100234')
        .reply(200, { ...product, price: 19.99 });
      api()
        .get('/api/v2/products')
        .query({ page: '1', per_page: '2' })
        .reply(200, { data: [product] });
      api().get('/api/v2/products').query({ skus: 'SKU-100234' }).reply(200, { data: null });
      api()
        .get('/api/v2/customers')
        .query(true)
        .reply(200, { data: [{ ...jsonFixture<object>('eshop-account.json'), id: undefined }] });
      api()
        .get('/api/v2/customers/A-10023/orders')
        .query(true)
        .reply(200, { data: [{ ...order, lines: 'none' }], meta: { page: 1, per_page: 10, total: 1 } });
      api()
        .post('/api/v2/orders')
        .reply(201, { ...order, status: 'teleported' });
      api()
        .get('/api/v2/customers/A-10023/events')
        .query(true)
        .reply(200, { data: [{ type: 'product_view', sku: 'SKU-100234', store_code: null, at: 'yesterday' }] });

      await expectMalformed(client.getProduct('SKU-100234'), logged, 'GET /api/v2/products/{}');
      await expectMalformed(client.listProducts(1, 2), logged, 'GET /api/v2/products');
      await expectMalformed(client.getProductsBySkus(['SKU-100234']), logged, 'GET /api/v2/products');
      await expectMalformed(client.findAccountsByEmail('marie.dupont@example.fr'), logged, 'GET /api/v2/customers');
      await expectMalformed(client.listOrders('A-10023', 1, 10), logged, 'GET /api/v2/customers/{}/orders');
      await expectMalformed(client.createOrder({ ...order, promo_codes: [] }), logged, 'POST /api/v2/orders');
      await expectMalformed(client.listEvents('A-10023', '2026-11-01T00:00:00.000Z'), logged, 'GET /api/v2/customers/{}/events');
    });

    it('is asked once: the same request would read the same records', async () => {
      const logged = loggedGuard();
      api()
        .get('/api/v2/orders/W-1')
        .reply(200, { ...order, total: null });
      const again = api().get('/api/v2/orders/W-1').reply(200, order);
      await expectMalformed(new EshopClient(BASE, 'sim-eshop-key', 1000, logged.guard).getOrder('W-1'), logged, 'GET /api/v2/orders/{}');
      expect(again.isDone()).toBe(false);
    });

    it('logs no value of the answer', async () => {
      const logged = loggedGuard();
      api()
        .get('/api/v2/customers/A-10023')
        .reply(200, { ...jsonFixture<object>('eshop-account.json'), email: ['marie.dupont@example.fr'] });
      await expectMalformed(
        new EshopClient(BASE, 'sim-eshop-key', 1000, logged.guard).getAccount('A-10023'),
        logged,
        'GET /api/v2/customers/{}',
      );
      expect(JSON.stringify(logged.lines)).not.toContain('marie');
    });

    it('tolerates fields the reference does not name, and the nulls it allows', async () => {
      api()
        .get('/api/v2/products/SKU-100234')
        .reply(200, { ...product, brand: 'Acme', updated_at: '2026-11-01T10:00:00+01:00' });
      api()
        .get('/api/v2/customers/A-10023')
        .reply(200, { ...jsonFixture<object>('eshop-account.json'), loyalty_card: null, newsletter: true });
      expect(await eshop().getProduct('SKU-100234')).toEqual({ ...product, updated_at: '2026-11-01T10:00:00+01:00' });
      expect(await eshop().getAccount('A-10023')).toMatchObject({ id: 'A-10023', loyalty_card: null });
    });

    it.each(['2026-11-01T10:00:00+0100', '2026-11-01T09:00Z', '2026-11-01T09:00:00.123456Z'])('reads the ISO time %s', async (time) => {
      api()
        .get('/api/v2/products/SKU-100234')
        .reply(200, { ...product, updated_at: time });
      expect(await eshop().getProduct('SKU-100234')).toEqual({ ...product, updated_at: time });
    });
  });
});

import { startSimulator, type SimHandle } from '../../legacy';
import { fixtureWorld } from './fixture-world';
import { control, readJson } from './sim-client';

let eshop: SimHandle;
beforeAll(async () => {
  eshop = await startSimulator('eshop', { world: fixtureWorld(), credentials: { eshopApiKey: 'test-key' } });
});
afterAll(() => eshop.close());
beforeEach(() => control(eshop, 'reset'));

async function call(path: string, body?: unknown, key = 'test-key') {
  const headers: Record<string, string> = { 'x-api-key': key, 'content-type': 'application/json' };
  const res = await fetch(eshop.url + path, body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, body: await readJson(res) };
}

const newOrder = {
  account_id: 'A-10002',
  lines: [{ sku: 'SKU-100002', qty: 2, unit_price: '0.01' }],
  promo_codes: [],
  discount: '0.00',
  total: '0.02',
  shipping: { method: 'home', store_code: null, address: { street: '2 rue Haute', zip: '69001', city: 'Lyon' } },
  origin: 'phone',
};

describe('e-shop simulator', () => {
  it('refuses a missing or wrong X-Api-Key with 401', async () => {
    expect(await call('/api/v2/products', undefined, 'wrong')).toEqual({ status: 401, body: { error: { code: 'unauthorized' } } });
    const res = await fetch(`${eshop.url}/api/v2/products`);
    expect(res.status).toBe(401);
  });

  it('pages the catalogue, at most 100 a page', async () => {
    const second = await call('/api/v2/products?page=2&per_page=2');
    expect(second.status).toBe(200);
    expect(second.body.meta).toEqual({ page: 2, per_page: 2, total: 3 });
    expect(second.body.data.map((p: { sku: string }) => p.sku)).toEqual(['SKU-100003']);
    expect(second.body.data[0]).toEqual(fixtureWorld().eshop.products[2]);
    const tooBig = await call('/api/v2/products?per_page=101');
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.code).toBe('bad_request');
  });

  it('gets products by SKU list, leaving unknown ones out, and one by one', async () => {
    const { body } = await call('/api/v2/products?skus=SKU-100003,SKU-999999,SKU-100001');
    expect(body.data.map((p: { sku: string }) => p.sku)).toEqual(['SKU-100003', 'SKU-100001']);
    const tooMany = Array.from({ length: 101 }, (_, i) => `SKU-${i}`).join(',');
    expect((await call(`/api/v2/products?skus=${tooMany}`)).status).toBe(400);
    expect((await call('/api/v2/products/SKU-100002')).body.title).toBe('Tea');
    expect(await call('/api/v2/products/SKU-999999')).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: expect.any(String) } },
    });
  });

  it('finds customers by their lower-cased email, untrimmed', async () => {
    expect((await call('/api/v2/customers?email=Marie.Durand@example.fr')).body.data.map((a: { id: string }) => a.id)).toEqual(['A-10001']);
    expect((await call('/api/v2/customers?email=%20marie.durand@example.fr')).body.data).toEqual([]);
    expect((await call('/api/v2/customers/A-10002')).body.phone).toBe('0698765432');
    expect((await call('/api/v2/customers/A-99999')).status).toBe(404);
  });

  it('lists a customer’s orders newest first', async () => {
    const { body } = await call('/api/v2/customers/A-10001/orders?per_page=1');
    expect(body.meta).toEqual({ page: 1, per_page: 1, total: 2 });
    expect(body.data.map((o: { id: string }) => o.id)).toEqual(['W-2026-000002']);
  });

  it('gives browsing events since a date, oldest first, without the account id', async () => {
    const all = await call('/api/v2/customers/A-10001/events');
    expect(all.body.data.map((e: { type: string }) => e.type)).toEqual(['product_view', 'add_to_cart', 'store_locator_view']);
    const recent = await call('/api/v2/customers/A-10001/events?since=2026-09-01T00:00:00Z');
    expect(recent.body.data).toEqual([{ type: 'store_locator_view', sku: null, store_code: '002', at: '2026-10-01T09:00:00Z' }]);
  });

  it('stores any order it is given, twice if posted twice', async () => {
    const first = await call('/api/v2/orders', newOrder);
    const second = await call('/api/v2/orders', newOrder);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...newOrder, id: expect.stringMatching(/^W-\d{4}-\d{6}$/), status: 'paid' });
    expect(second.body.id).not.toBe(first.body.id);
    expect((await call(`/api/v2/orders/${first.body.id}`)).body).toEqual(first.body);
    expect((await call('/api/v2/customers/A-10002/orders')).body.meta.total).toBe(2);
    expect((await call('/api/v2/orders', { account_id: 'A-10002' })).status).toBe(400);
  });

  it('cancels a paid order but not a shipped or cancelled one', async () => {
    const cancelled = await call('/api/v2/orders/W-2026-000002/cancel', {});
    expect(cancelled).toMatchObject({ status: 200, body: { id: 'W-2026-000002', status: 'cancelled' } });
    expect((await call('/api/v2/orders/W-2026-000002/cancel', {})).body.error.code).toBe('invalid_state');
    const shipped = await call('/api/v2/orders/W-2026-000001/cancel', {});
    expect(shipped.status).toBe(409);
    expect(shipped.body.error.code).toBe('invalid_state');
    expect((await call('/api/v2/orders/W-2026-999999/cancel', {})).status).toBe(404);
  });

  it('refunds what was paid: the order’s discount prorated by line value; the last units take what is left', async () => {
    // W-2026-000002: 12.50 + 3 x 1.20 = 16.10, less 1.61, paid 14.49
    const partial = await call('/api/v2/orders/W-2026-000002/returns', {
      lines: [{ sku: 'SKU-100003', qty: 2 }],
      where: 'store',
      store_code: '001',
    });
    // 2.40 less 1.61 x 2.40 / 16.10 = 0.24
    expect(partial).toEqual({ status: 201, body: { return_id: expect.stringMatching(/^R-\d+$/), refund: '2.16' } });
    expect((await call('/api/v2/orders/W-2026-000002')).body.status).toBe('paid');
    const rest = await call('/api/v2/orders/W-2026-000002/returns', {
      lines: [
        { sku: 'SKU-100003', qty: 1 },
        { sku: 'SKU-100001', qty: 1 },
      ],
      where: 'post',
    });
    expect(rest.body.refund).toBe('12.33'); // 14.49 - 2.16
    expect((await call('/api/v2/orders/W-2026-000002')).body.status).toBe('returned');
    const again = await call('/api/v2/orders/W-2026-000002/returns', { lines: [{ sku: 'SKU-100001', qty: 1 }], where: 'post' });
    expect(again.status).toBe(409);
    const { returns } = await control(eshop, 'dump');
    expect(returns).toHaveLength(2);
    expect(returns[0]).toMatchObject({ order_id: 'W-2026-000002', where: 'store', store_code: '001', refund: '2.16' });
  });

  it('rounds a prorated discount half to even', async () => {
    const placed = await call('/api/v2/orders', {
      ...newOrder,
      lines: [
        { sku: 'SKU-100001', qty: 1, unit_price: '1.00' },
        { sku: 'SKU-100003', qty: 1, unit_price: '3.00' },
      ],
      discount: '0.10',
      total: '3.90',
    });
    const returned = (sku: string) => call(`/api/v2/orders/${placed.body.id}/returns`, { lines: [{ sku, qty: 1 }], where: 'post' });
    expect((await returned('SKU-100001')).body.refund).toBe('0.98'); // 0.10 x 1.00 / 4.00 = 2.5 cents: 2
    expect((await returned('SKU-100003')).body.refund).toBe('2.92');
  });

  it('refuses to take back more than was ordered', async () => {
    const res = await call('/api/v2/orders/W-2026-000001/returns', { lines: [{ sku: 'SKU-100001', qty: 3 }], where: 'post' });
    expect(res.status).toBe(400);
  });

  it('lists the web promo codes', async () => {
    expect((await call('/api/v2/promotions')).body).toEqual({ data: fixtureWorld().eshop.promotions });
  });

  it('answers malformed JSON with a 400 JSON error', async () => {
    const res = await fetch(`${eshop.url}/api/v2/orders`, {
      method: 'POST',
      headers: { 'x-api-key': 'test-key', 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.code).toBe('bad_request');
  });
});

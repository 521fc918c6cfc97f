// The catalogue and the stores through the gateway, checked against the simulators' own data.
import type { Stack } from '../../platform/tools/stack';
import type { EshopProduct } from '../../adapters/eshop/wire';
import type { PosStock, PosStore } from '../../adapters/pos/wire';
import { dump, gql, legacyCalls, resetStats, startTestStack } from './harness';

let stack: Stack;
let products: EshopProduct[];
let stock: PosStock[];
let stores: PosStore[];

beforeAll(async () => {
  stack = await startTestStack();
  products = (await dump(stack, 'eshop')).products;
  ({ stock, stores } = await dump(stack, 'pos'));
});
afterAll(() => stack.close());

const available = (store: string, ean: string) => {
  const row = stock.find((s) => s.store === store && s.ean === ean);
  return row ? Math.max(0, row.qty - row.reserved) : 0;
};

describe('stores', () => {
  it('lists every POS store with its address and opening hours', async () => {
    const { data, errors } = await gql(stack, '{ stores { id name address { city zip } openingHours { day opens closes } } }');
    expect(errors).toBeUndefined();
    expect(data.stores).toHaveLength(stores.length);
    expect(stores.length).toBeGreaterThanOrEqual(12);
    const first = data.stores.find((s: any) => s.id === stores[0].code);
    expect(first.address.city).toBe(stores[0].city);
    expect(first.openingHours).toHaveLength(stores[0].hours.length);
    // one store is closed on Sunday: no SUNDAY entry
    expect(data.stores.some((s: any) => !s.openingHours.some((h: any) => h.day === 'SUNDAY'))).toBe(true);
  });

  it('says whether a store is open at an instant, in Paris time', async () => {
    const closedSunday = stores.find((s) => !s.hours.some((h) => h.day === 'SUN'))!;
    const monday = closedSunday.hours.find((h) => h.day === 'MON')!;
    // Monday 2026-11-23, one hour after opening, Paris is UTC+1 in November
    const [h, m] = monday.open.split(':').map(Number);
    const at = new Date(Date.UTC(2026, 10, 23, h, m)).toISOString(); // = opening + 1h local
    const sunday = '2026-11-22T11:00:00Z';
    const { data } = await gql(
      stack,
      'query($id: ID!, $a: DateTime, $b: DateTime) { store(id: $id) { open: isOpen(at: $a) sunday: isOpen(at: $b) } }',
      {
        id: closedSunday.code,
        a: at,
        b: sunday,
      },
    );
    expect(data.store).toEqual({ open: true, sunday: false });
  });

  it('rejects a malformed store id and answers null for an unknown one', async () => {
    const bad = await gql(stack, '{ store(id: "042; DROP") { id } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await gql(stack, '{ store(id: "ST999") { id } }');
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.store).toBeNull();
  });
});

describe('products', () => {
  it('gives the e-shop list price in cents and the online stock', async () => {
    const p = products[3];
    const { data } = await gql(
      stack,
      'query($sku: ID!) { product(sku: $sku) { sku ean name category price { centAmount currencyCode } onlineStock } }',
      { sku: p.sku },
    );
    expect(data.product).toEqual({
      sku: p.sku,
      ean: p.ean,
      name: p.title,
      category: p.category,
      price: { centAmount: Math.round(Number(p.price) * 100), currencyCode: 'EUR' },
      onlineStock: p.stock,
    });
  });

  it('answers products(first: 50) with availability in a store for a bounded number of legacy calls', async () => {
    const storeId = stores[0].code;
    await gql(stack, '{ products(first: 1) { totalCount } }'); // the catalogue read, if no test did
    await resetStats(stack);
    const { data, errors } = await gql(
      stack,
      'query($s: ID!) { products(first: 50) { totalCount edges { node { sku ean availability(storeId: $s) { available store { id } } } } } }',
      { s: storeId },
    );
    expect(errors).toBeUndefined();
    expect(data.products.edges).toHaveLength(50);
    expect(data.products.totalCount).toBe(products.length);
    for (const { node } of data.products.edges) {
      expect(node.availability).toEqual({ available: available(storeId, node.ean), store: { id: storeId } });
    }
    const calls = await legacyCalls(stack);
    // the catalogue's list, one POS stock call (the store list may be cached already: at most two)
    expect(calls.eshop).toBe(0);
    expect(calls.pos).toBeLessThanOrEqual(2);
    expect(calls.crm + calls.loyalty).toBe(0);
  });

  it('pages with cursors without overlap or gap', async () => {
    const q = 'query($after: String) { products(first: 30, after: $after) { edges { node { sku } } pageInfo { hasNextPage endCursor } } }';
    const one = await gql(stack, q);
    const two = await gql(stack, q, { after: one.data.products.pageInfo.endCursor });
    const both = [...one.data.products.edges, ...two.data.products.edges].map((e: any) => e.node.sku);
    expect(new Set(both).size).toBe(60);
    const direct = await gql(stack, '{ products(first: 60) { edges { node { sku } } } }');
    expect(direct.data.products.edges.map((e: any) => e.node.sku)).toEqual(both);
  });

  it('filters by category and search', async () => {
    const category = products[0].category;
    const expected = products.filter((p) => p.category === category).length;
    const { data } = await gql(
      stack,
      'query($c: String) { products(category: $c, first: 100) { totalCount edges { node { category } } } }',
      { c: category },
    );
    expect(data.products.totalCount).toBe(expected);
    expect(data.products.edges.every((e: any) => e.node.category === category)).toBe(true);
    const word = products[5].title.split(' ')[0];
    const search = await gql(stack, 'query($q: String) { products(search: $q, first: 100) { totalCount edges { node { name } } } }', {
      q: word.toUpperCase(),
    });
    expect(search.data.products.totalCount).toBeGreaterThan(0);
    expect(search.data.products.edges.every((e: any) => e.node.name.toLowerCase().includes(word.toLowerCase()))).toBe(true);
  });

  it('finds a name or a category typed without its accents or capitals', async () => {
    const bare = (text: string) =>
      text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
    const accented = products.find((p) => /[éèêàçôû]/i.test(p.title))!;
    const word = accented.title.split(' ').find((w) => /[éèêàçôû]/i.test(w))!;
    const search = await gql(stack, 'query($q: String) { products(search: $q, first: 100) { totalCount } }', { q: bare(word) });
    expect(search.errors).toBeUndefined();
    expect(search.data.products.totalCount).toBe(products.filter((p) => bare(p.title).includes(bare(word))).length);
    const category = products.map((p) => p.category).find((c) => bare(c) !== c.toLowerCase())!;
    const filtered = await gql(stack, 'query($c: String) { products(category: $c, first: 100) { totalCount } }', { c: bare(category) });
    expect(filtered.data.products.totalCount).toBe(products.filter((p) => p.category === category).length);
  });

  it('gives every store availability and the same figure from the store side', async () => {
    const p = products[10];
    const { data } = await gql(
      stack,
      'query($sku: ID!, $s: ID!) { product(sku: $sku) { stockByStore { store { id } available } } store(id: $s) { availability(sku: $sku) { available product { sku } } } }',
      { sku: p.sku, s: stores[1].code },
    );
    expect(data.product.stockByStore).toHaveLength(stores.length);
    for (const row of data.product.stockByStore) expect(row.available).toBe(available(row.store.id, p.ean));
    expect(data.store.availability).toEqual({ available: available(stores[1].code, p.ean), product: { sku: p.sku } });
  });

  it('rejects bad page sizes and unknown stores with their codes', async () => {
    const big = await gql(stack, '{ products(first: 1000) { totalCount } }');
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await gql(stack, `{ product(sku: "${products[0].sku}") { availability(storeId: "ST999") { available } } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

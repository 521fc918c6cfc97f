// What a product list shows once the e-shop has changed since the catalogue was read: an e-shop (a
// legacy double in front of the simulator) whose products' names, stock and prices change after the
// gateway's first read. A list's stock is read live, whatever list it is (a search, a category, the
// whole catalogue); its names and list prices are the catalogue's, the ones its offers, quotes and
// orders are priced with, until the catalogue is read again (REFERENCE_DATA_TTL_S, or refreshPricing);
// with the e-shop unavailable, the catalogue last read answers. Expected figures come from the
// simulator's dump and from the change the double makes.
import { startSimulator, type SimHandle } from '../../legacy';
import type { Stack } from '../../platform/tools/stack';
import type { LocalServer } from '../adapters/servers';
import { dump, gql, legacyCalls, resetStats, seeded, startTestStack } from './harness';
import { startLegacyDouble } from './legacy-double';

const { world } = seeded();
const PRODUCTS_ROUTE = /^\/api\/v2\/products(\/[^/]+)?$/;
/** the e-shop's change, once made: every product's name, stock and price as the double answers them */
const CHANGED = { title: 'Renamed by the e-shop', stock: 7, price: '1234.50' };

let eshop: SimHandle;
let double: LocalServer;
let stack: Stack;
let changed = false;
/** a product the e-shop no longer sells: left out of its lists */
let dropped: string | undefined;
let doubleUp = true;
beforeAll(async () => {
  eshop = await startSimulator('eshop', { world });
  const change = (product: Record<string, unknown>) => (changed ? { ...product, ...CHANGED } : product);
  const kept = (product: Record<string, unknown>) => product.sku !== dropped;
  double = await startLegacyDouble(eshop.url, (method, path) =>
    (changed || dropped) && method === 'GET' && PRODUCTS_ROUTE.test(path)
      ? (answer: { data?: Record<string, unknown>[] } & Record<string, unknown>) =>
          answer.data ? { ...answer, data: answer.data.filter(kept).map(change) } : change(answer)
      : undefined,
  );
  stack = await startTestStack({ ESHOP_URL: double.url });
});
afterAll(async () => {
  await stack?.close();
  if (doubleUp) await double?.close();
  await eshop?.close();
});

type Node = { sku: string; name: string; onlineStock: number; price: { centAmount: number }; offer: { listPrice: { centAmount: number } } };
const LIST = `query($search: String) { products(search: $search, first: 20) { totalCount edges { node {
  sku name onlineStock price { centAmount } offer(channel: WEB) { listPrice { centAmount } } } } } }`;
const listed = async (search?: string): Promise<Node[]> => {
  const { data, errors } = await gql(stack, LIST, { search });
  expect(errors).toBeUndefined();
  return data.products.edges.map((e: { node: Node }) => e.node);
};
const cents = (decimal: string) => Math.round(Number(decimal) * 100);

it("reads a list's stock live, and keeps its names and prices those its offers are priced with", async () => {
  const { products } = await dump(stack, 'eshop');
  const bySku = new Map(products.map((p: { sku: string }) => [p.sku, p]));
  const word = products[0].title.split(' ')[0];
  // before the change: what the e-shop says, the catalogue read
  for (const node of [...(await listed()), ...(await listed(word))]) {
    const product = bySku.get(node.sku) as { title: string; stock: number; price: string };
    expect(node).toEqual({
      sku: node.sku,
      name: product.title,
      onlineStock: product.stock,
      price: { centAmount: cents(product.price) },
      offer: { listPrice: { centAmount: cents(product.price) } },
    });
  }
  changed = true;
  for (const nodes of [await listed(), await listed(word)]) {
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      const product = bySku.get(node.sku) as { title: string; price: string };
      expect(node.onlineStock).toBe(CHANGED.stock);
      // one list price in one answer, the product's and its offer's, until the catalogue is read again
      expect(node).toMatchObject({ name: product.title, price: { centAmount: cents(product.price) } });
      expect(node.offer.listPrice).toEqual(node.price);
    }
  }
  // a product read by SKU is what the e-shop says now
  const PRODUCT = 'query($sku: ID!) { product(sku: $sku) { name onlineStock price { centAmount } } }';
  expect(await gql(stack, PRODUCT, { sku: products[1].sku })).toEqual({
    data: { product: { name: CHANGED.title, onlineStock: CHANGED.stock, price: { centAmount: cents(CHANGED.price) } } },
  });

  // refreshPricing: the catalogue read again, every list and offer at the e-shop's new price
  expect((await gql(stack, 'mutation { refreshPricing }', {}, { as: 'service' })).errors).toBeUndefined();
  for (const node of await listed()) {
    expect(node).toMatchObject({ name: CHANGED.title, onlineStock: CHANGED.stock, price: { centAmount: cents(CHANGED.price) } });
    expect(node.offer.listPrice).toEqual(node.price);
  }
});

it('lists the catalogue without a call to the e-shop, and reads its stock in one call when asked', async () => {
  await listed(); // the catalogue read, if no test did
  await resetStats(stack);
  const { data, errors } = await gql(stack, '{ products(first: 20) { totalCount edges { node { sku name price { centAmount } } } } }');
  expect(errors).toBeUndefined();
  expect(data.products.edges).toHaveLength(20);
  expect(data.products.totalCount).toBe(world.eshop.products.length);
  expect((await legacyCalls(stack)).eshop).toBe(0);
  await listed();
  expect((await legacyCalls(stack)).eshop).toBe(1);
});

it('has none online of a product the e-shop no longer sells, which the catalogue still lists', async () => {
  const sold = (await listed()).find((node) => node.onlineStock > 0);
  expect(sold).toBeDefined();
  dropped = sold!.sku;
  try {
    expect((await listed()).find((node) => node.sku === dropped)).toMatchObject({ name: sold!.name, onlineStock: 0 });
  } finally {
    dropped = undefined;
  }
});

it('lists the catalogue last read, its stock too, while the e-shop is unavailable', async () => {
  // the catalogue read again now: its stock is the e-shop's of this moment
  expect((await gql(stack, 'mutation { refreshPricing }', {}, { as: 'service' })).errors).toBeUndefined();
  const before = await listed();
  await double.close();
  doubleUp = false;
  expect(await listed()).toEqual(before);
  // refreshPricing meanwhile: the catalogue cannot be read again, and the last read still answers
  expect((await gql(stack, 'mutation { refreshPricing }', {}, { as: 'service' })).errors).toBeUndefined();
  expect(await listed()).toEqual(before);
});

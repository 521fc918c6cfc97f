// One failure stays in its place: a POS whose stock service fails for one store alone (the POS way,
// HTTP 200 with an <error/> body) while every other store answers. Each store's figures come from
// the POS simulator's own dump, not from the code under test.
import type { Stack } from '../../platform/tools/stack';
import { dump, gql, setFaults, startTestStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());
afterEach(() => setFaults(stack, 'pos', {}));

const FAILING = 'ST004';

/** available = on hand minus reserved, per store, for one EAN, as the POS holds it */
async function availableByStore(ean: string): Promise<Map<string, number>> {
  const pos = await dump(stack, 'pos');
  const stock = new Map<string, number>(pos.stores.map((s: { code: string }) => [s.code, 0]));
  for (const item of pos.stock) if (item.ean === ean) stock.set(item.store, item.qty - item.reserved);
  return stock;
}

it("one store's stock failing answers that store's fields with SYSTEM_UNAVAILABLE and every other store's in full", async () => {
  const product = (await dump(stack, 'eshop')).products[0];
  const expected = await availableByStore(product.ean);
  const healthy = [...expected.keys()].find((code) => code !== FAILING)!;
  await setFaults(stack, 'pos', { error_rate: 1, path: `/pos/stores/${FAILING}/stock` });

  const answer = await gql(
    stack,
    `query($sku: ID!, $healthy: ID!, $failing: ID!) {
      product(sku: $sku) {
        healthy: availability(storeId: $healthy) { available }
        failing: availability(storeId: $failing) { available }
        stockByStore { store { id } available }
      }
      stores { id availability(sku: $sku) { available } }
    }`,
    { sku: product.sku, healthy, failing: FAILING },
  );

  expect(answer.data.product.healthy).toEqual({ available: expected.get(healthy) });
  expect(answer.data.product.failing).toBeNull();
  const byStore = answer.data.product.stockByStore as ({ store: { id: string }; available: number } | null)[];
  expect(
    byStore
      .filter((s) => s !== null)
      .map((s) => [s!.store.id, s!.available])
      .sort(),
  ).toEqual([...expected].filter(([code]) => code !== FAILING).sort());
  expect(byStore.filter((s) => s === null)).toHaveLength(1);
  for (const store of answer.data.stores) {
    expect(store.availability).toEqual(store.id === FAILING ? null : { available: expected.get(store.id) });
  }
  expect(answer.errors).toHaveLength(3);
  for (const error of answer.errors!) expect(error.extensions).toMatchObject({ code: 'SYSTEM_UNAVAILABLE', system: 'pos' });
  expect(answer.errors!.map((e) => e.path!.join('.')).sort()).toEqual(
    [
      'product.failing',
      `product.stockByStore.${byStore.indexOf(null)}`,
      `stores.${answer.data.stores.findIndex((s: { id: string }) => s.id === FAILING)}.availability`,
    ].sort(),
  );
});

it("one store's shelf prices failing leaves that store out of the drift report, with SYSTEM_UNAVAILABLE, and every other store in", async () => {
  const pos = await dump(stack, 'pos');
  const listOf = new Map<string, number>(
    (await dump(stack, 'eshop')).products.map((p: { ean: string; price: string }) => [p.ean, Math.round(Number(p.price) * 100)]),
  );
  const drifting = (pos.prices as { store: string; ean: string; cents: number }[]).filter((p) => listOf.get(p.ean) !== p.cents);
  const failing = drifting[0].store;
  await setFaults(stack, 'pos', { error_rate: 1, path: `/pos/prices?store=${failing}` });

  const answer = await gql(stack, '{ priceDiscrepancies(first: 100) { totalCount edges { node { store { id } } } } }');

  expect(answer.data.priceDiscrepancies.totalCount).toBe(drifting.filter((p) => p.store !== failing).length);
  expect(answer.data.priceDiscrepancies.edges.some((e: { node: { store: { id: string } } }) => e.node.store.id === failing)).toBe(false);
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors![0]).toMatchObject({ path: ['priceDiscrepancies'], extensions: { code: 'SYSTEM_UNAVAILABLE', system: 'pos' } });
});

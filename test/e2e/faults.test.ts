// The legacy systems failing, alone and all together, through the gateway: every answer keeps
// what the other systems give, has null where the failed system's data would be and one
// SYSTEM_UNAVAILABLE error (with its system) per missing part, however the system fails (down,
// hanging, slow or flaky), and comes within a loose bound derived from the configured timeouts, so
// that a hang is caught without timing the machine. `npm run bench:faults` measures the real times.
import type { System } from '../../platform/errors';
import type { Stack } from '../../platform/tools/stack';
import { FAULTS, SCENARIOS, startFaultBench, TIMEOUT_MS, type FaultBench } from './fault-scenarios';
import { gql, inEverySilo, seeded, setFaults, startTestStack, type GraphQLResponse } from './harness';

// The longest chain of legacy calls in the query is one deep once the catalogue is read (the healthy
// answer reads it): the customer's orders, the products' availability. The bound allows two, each
// call at most its timeout, retries included, and twice that again for a noisy machine.
const BOUND_MS = 4 * TIMEOUT_MS + 2000;

let bench: FaultBench;
beforeAll(async () => {
  bench = await startFaultBench();
});
afterAll(() => bench.stack.close());

/** What the answer must be with these systems failing, derived from the healthy answer. */
function degraded(failed: System[]) {
  const fails = (s: System) => failed.includes(s);
  const customer = bench.healthy.data.customer;
  const products = bench.healthy.data.products;
  const missing: string[] = [];
  const orderIds = customer.orders.edges.map((e: any) => e.node.id as string);
  if (fails('loyalty')) missing.push('customer.loyalty loyalty');
  if (fails('crm')) missing.push('customer.cases crm');
  if (fails('pos')) missing.push('customer.orders pos');
  if (fails('eshop')) missing.push('customer.orders eshop');
  if (fails('pos')) products.edges.forEach((_: unknown, i: number) => missing.push(`products.edges.${i}.node.availability pos`));
  return {
    data: {
      customer: {
        firstName: customer.firstName,
        loyalty: fails('loyalty') ? null : customer.loyalty,
        cases: fails('crm') ? null : customer.cases,
        // Only a prefix can be checked: the other channel's older orders move up into the page.
        orders: orderIds.filter((id: string) => !(fails('pos') && id.startsWith('ST')) && !(fails('eshop') && id.startsWith('W-'))),
      },
      // the catalogue, read by the healthy answer, lists the products with the e-shop failing too
      products: {
        edges: products.edges.map((e: any) => ({ node: { ...e.node, availability: fails('pos') ? null : e.node.availability } })),
      },
    },
    errors: missing.sort(),
  };
}

function observed(response: GraphQLResponse, expectedOrders: string[]) {
  const customer = response.data.customer;
  const orders = customer.orders.edges.map((e: any) => e.node.id as string);
  return {
    data: { ...response.data, customer: { ...customer, orders: orders.slice(0, expectedOrders.length) } },
    errors: (response.errors ?? []).map((e) => `${e.path?.join('.')} ${e.extensions?.system}`).sort(),
  };
}

it('answers in full while every system is up', () => {
  const { healthy } = bench;
  expect(healthy.errors).toBeUndefined();
  expect(healthy.data.customer.loyalty).not.toBeNull();
  expect(healthy.data.customer.cases.length).toBeGreaterThan(0);
  expect(healthy.data.customer.orders.edges.some((e: any) => e.node.id.startsWith('ST'))).toBe(true);
  expect(healthy.data.customer.orders.edges.some((e: any) => e.node.id.startsWith('W-'))).toBe(true);
  expect(healthy.data.products.edges).toHaveLength(5);
});

describe.each(SCENARIOS)('with %s failing', (_name, systems) => {
  for (const kind of ['down', 'hanging'] as const) {
    it(`${kind}: answers the rest, null for its part and one SYSTEM_UNAVAILABLE per missing part, within the bound`, async () => {
      const { response, elapsedMs } = await bench.underFaults(systems, FAULTS[kind]);
      const expected = degraded(systems);
      expect(observed(response, expected.data.customer.orders)).toEqual(expected);
      for (const error of response.errors ?? []) expect(error.extensions?.code).toBe('SYSTEM_UNAVAILABLE');
      expect(elapsedMs).toBeLessThan(BOUND_MS);
    });
  }

  it('slow, within its timeout: still answers in full', async () => {
    const { response, elapsedMs } = await bench.underFaults(systems, FAULTS.slow);
    expect(response).toEqual(bench.healthy);
    expect(elapsedMs).toBeLessThan(BOUND_MS);
  });

  it('flaky (30% of calls fail): answers, and every error names a flaky system', async () => {
    const { response, elapsedMs } = await bench.underFaults(systems, FAULTS['flaky (30% of calls fail)']);
    expect(response.data).toBeDefined();
    expect(elapsedMs).toBeLessThan(BOUND_MS);
    for (const error of response.errors ?? []) {
      expect(error.extensions).toMatchObject({ code: 'SYSTEM_UNAVAILABLE' });
      expect(systems).toContain(error.extensions?.system);
    }
  });
});

it('the e-shop down: a product is answered from the catalogue last read, not failed once per order line', async () => {
  const sku = bench.healthy.data.products.edges[0].node.sku;
  const PRODUCT = `{ product(sku: "${sku}") { sku name price { centAmount } } }`;
  const fresh = await gql(bench.stack, PRODUCT);
  await gql(bench.stack, '{ products(search: "a", first: 1) { totalCount } }'); // the catalogue, read once
  await setFaults(bench.stack, 'eshop', { down: true });
  try {
    expect(await gql(bench.stack, PRODUCT)).toEqual(fresh);
  } finally {
    await setFaults(bench.stack, 'eshop', {});
  }
});

describe('down from the start, before anything was cached', () => {
  // The store list, the catalogue and the promotions are cached once loaded; a system down before
  // the first load must still be reported as that system, not as an internal error.
  /** A stack of its own, that has read nothing yet, closed after the test. */
  async function onFreshStack(test: (stack: Stack) => Promise<void>): Promise<void> {
    const stack = await startTestStack();
    try {
      await test(stack);
    } finally {
      await stack.close();
    }
  }

  it('the POS: products keep their data, each availability is null with the POS named', () =>
    onFreshStack(async (stack) => {
      await setFaults(stack, 'pos', { down: true });
      const { data, errors } = await gql(
        stack,
        '{ products(first: 3) { edges { node { sku availability(storeId: "ST001") { available } } } } }',
      );
      expect(data.products.edges).toHaveLength(3);
      for (const { node } of data.products.edges) expect(node).toEqual({ sku: expect.any(String), availability: null });
      expect(errors?.map((e) => e.extensions)).toEqual(Array.from({ length: 3 }, () => ({ code: 'SYSTEM_UNAVAILABLE', system: 'pos' })));
    }));

  it('the POS: the store list is null with the POS named, and the rest of the query stands', () =>
    onFreshStack(async (stack) => {
      await setFaults(stack, 'pos', { down: true });
      const { data, errors } = await gql(stack, '{ stores { id } products(first: 2) { edges { node { sku } } } }');
      expect(data.stores).toBeNull();
      expect(data.products.edges).toHaveLength(2);
      expect(errors?.map((e) => e.extensions)).toEqual([{ code: 'SYSTEM_UNAVAILABLE', system: 'pos' }]);
    }));

  it('the loyalty platform: a customer known to hold a card keeps all, the offers without those of their tier', () =>
    onFreshStack(async (stack) => {
      const person = seeded().truth.find(inEverySilo)!;
      const found = await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: person.loyaltyCard });
      await setFaults(stack, 'loyalty', { down: true });
      const { data, errors } = await gql(
        stack,
        'query($id: ID!) { customer(id: $id) { id orders(first: 2, channel: WEB) { edges { node { id } } } offers(channel: WEB) { source } } }',
        {
          id: found.data.findCustomers[0].id,
        },
      );
      expect(data.customer.id).toBe(found.data.findCustomers[0].id);
      expect(data.customer.offers.length).toBeGreaterThan(0);
      expect(data.customer.offers.filter((o: { source: string }) => o.source === 'loyalty')).toEqual([]);
      expect(data.customer.orders.edges.length).toBeGreaterThan(0);
      expect(errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.system])).toEqual([
        ['customer.offers', 'SYSTEM_UNAVAILABLE', 'loyalty'],
      ]);
    }));

  it('the e-shop: the product list, the catalogue never read, is null naming the e-shop', () =>
    onFreshStack(async (stack) => {
      await setFaults(stack, 'eshop', { down: true });
      const { data, errors } = await gql(stack, '{ stores { id } products(first: 2) { edges { node { sku } } } }');
      expect(data.stores.length).toBeGreaterThan(0);
      expect(data.products).toBeNull();
      expect(errors?.map((e) => [e.path?.join('.'), e.extensions])).toEqual([
        ['products', { code: 'SYSTEM_UNAVAILABLE', system: 'eshop' }],
      ]);
    }));

  it('the e-shop: a quote fails naming the e-shop, whose catalogue holds the list prices', () =>
    onFreshStack(async (stack) => {
      await setFaults(stack, 'eshop', { down: true });
      const { errors } = await gql(
        stack,
        '{ quote(input: { channel: WEB, lines: [{ sku: "SKU-100001", quantity: 1 }] }) { total { centAmount } } }',
      );
      expect(errors?.map((e) => e.extensions)).toEqual([{ code: 'SYSTEM_UNAVAILABLE', system: 'eshop' }]);
    }));
});

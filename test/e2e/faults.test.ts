// The legacy systems failing, alone and all together, through the gateway: every answer keeps
// what the other systems give, has null where the failed system's data would be and one
// SYSTEM_UNAVAILABLE error (with its system) per missing part, and comes within a bound derived
// from the configured timeouts, however the system fails (down, hanging, slow or flaky).
import type { System } from '../../errors';
import type { FaultSettings } from '../../legacy';
import { generateWorld } from '../../legacy/seed';
import type { Stack } from '../../stack';
import { gql, SEED, setFaults, startTestStack, SYSTEM_LIST, type GraphQLResponse } from './harness';

const TIMEOUT_MS = 400;
const env = {
  POS_TIMEOUT_MS: String(TIMEOUT_MS),
  ESHOP_TIMEOUT_MS: String(TIMEOUT_MS),
  CRM_TIMEOUT_MS: String(TIMEOUT_MS),
  LOYALTY_TIMEOUT_MS: String(TIMEOUT_MS),
  LEGACY_RETRY_BASE_MS: '20',
  LEGACY_BREAKER_RESET_MS: '300',
};
// The longest chain of legacy calls in QUERY is two deep (products, then their availability);
// each call takes at most its timeout, retries included. Twice that again for a noisy machine.
const BOUND_MS = 4 * TIMEOUT_MS + 2000;

const { world, truth } = generateWorld({ seed: Number(SEED.SIM_SEED), scale: Number(SEED.SIM_SCALE), now: new Date(SEED.SIM_NOW) });
const hasReceipts = (card: string) => world.pos.receipts.some((r) => r.card?.replace(/\s/g, '') === card);
const person = truth.find((p) => p.eshopAccountId && p.crmContactId && p.loyaltyCard && p.householdId === null && hasReceipts(p.loyaltyCard))!;
const STORE = world.pos.stores[0].code;

const QUERY = `query($id: ID!, $store: ID!) {
  customer(id: $id) { firstName loyalty { tier } cases { id } orders(first: 5) { edges { node { id } } } }
  products(first: 5) { edges { node { sku availability(storeId: $store) { available } } } }
}`;

let stack: Stack;
let customerId: string;
let healthy: GraphQLResponse;

beforeAll(async () => {
  stack = await startTestStack(env);
  const found = await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: person.loyaltyCard });
  customerId = found.data.findCustomers[0].id;
  healthy = await gql(stack, QUERY, { id: customerId, store: STORE });
});
afterAll(() => stack.close());

/** Faults off, and every breaker closed again: /ready probes each half-open one back. */
async function heal(): Promise<void> {
  await Promise.all(SYSTEM_LIST.map((s) => setFaults(stack, s, {})));
  for (let i = 0; i < 50; i++) {
    const res = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/ready'));
    const body = (await res.json()) as { systems: Record<System, { breaker: string }> };
    if (res.status === 200 && Object.values(body.systems).every((s) => s.breaker === 'closed')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the systems did not come back');
}

async function underFaults(systems: System[], faults: FaultSettings) {
  await Promise.all(systems.map((s) => setFaults(stack, s, faults)));
  try {
    const started = Date.now();
    const response = await gql(stack, QUERY, { id: customerId, store: STORE });
    return { response, elapsed: Date.now() - started };
  } finally {
    await heal();
  }
}

/** What the answer must be with these systems failing, derived from the healthy answer. */
function degraded(failed: System[]) {
  const fails = (s: System) => failed.includes(s);
  const customer = healthy.data.customer;
  const products = healthy.data.products;
  const missing: string[] = [];
  const orderIds = customer.orders.edges.map((e: any) => e.node.id as string);
  if (fails('loyalty')) missing.push('customer.loyalty loyalty');
  if (fails('crm')) missing.push('customer.cases crm');
  if (fails('pos')) missing.push('customer.orders pos');
  if (fails('eshop')) missing.push('customer.orders eshop', 'products eshop');
  if (fails('pos') && !fails('eshop')) products.edges.forEach((_: unknown, i: number) => missing.push(`products.edges.${i}.node.availability pos`));
  return {
    data: {
      customer: {
        firstName: customer.firstName,
        loyalty: fails('loyalty') ? null : customer.loyalty,
        cases: fails('crm') ? null : customer.cases,
        // Only a prefix can be checked: the other channel's older orders move up into the page.
        orders: orderIds.filter((id: string) => !(fails('pos') && id.startsWith('ST')) && !(fails('eshop') && id.startsWith('W-'))),
      },
      products: fails('eshop')
        ? null
        : { edges: products.edges.map((e: any) => ({ node: { ...e.node, availability: fails('pos') ? null : e.node.availability } })) },
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

const alone = SYSTEM_LIST.map((s): [string, System[]] => [s, [s]]);
const scenarios: [string, System[]][] = [...alone, ['all four', SYSTEM_LIST]];

it('answers in full while every system is up', () => {
  expect(healthy.errors).toBeUndefined();
  expect(healthy.data.customer.loyalty).not.toBeNull();
  expect(healthy.data.customer.cases.length).toBeGreaterThan(0);
  expect(healthy.data.customer.orders.edges.some((e: any) => e.node.id.startsWith('ST'))).toBe(true);
  expect(healthy.data.customer.orders.edges.some((e: any) => e.node.id.startsWith('W-'))).toBe(true);
  expect(healthy.data.products.edges).toHaveLength(5);
});

describe.each(scenarios)('with %s failing', (_name, systems) => {
  for (const [kind, faults] of [
    ['down', { down: true }],
    ['hanging', { hang: true }],
  ] as const) {
    it(`${kind}: answers the rest, null for its part and one SYSTEM_UNAVAILABLE per missing part, within the bound`, async () => {
      const { response, elapsed } = await underFaults(systems, faults);
      const expected = degraded(systems);
      expect(observed(response, expected.data.customer.orders)).toEqual(expected);
      for (const error of response.errors ?? []) expect(error.extensions?.code).toBe('SYSTEM_UNAVAILABLE');
      expect(elapsed).toBeLessThan(BOUND_MS);
    });
  }

  it('slow, within its timeout: still answers in full', async () => {
    const { response, elapsed } = await underFaults(systems, { latency_ms: TIMEOUT_MS / 4, jitter_ms: TIMEOUT_MS / 8 });
    expect(response).toEqual(healthy);
    expect(elapsed).toBeLessThan(BOUND_MS);
  });

  it('flaky (30% of calls fail): answers, and every error names a flaky system', async () => {
    const { response, elapsed } = await underFaults(systems, { error_rate: 0.3 });
    expect(response.data).toBeDefined();
    for (const error of response.errors ?? []) {
      expect(error.extensions).toMatchObject({ code: 'SYSTEM_UNAVAILABLE' });
      expect(systems).toContain(error.extensions?.system);
    }
    expect(elapsed).toBeLessThan(BOUND_MS);
  });
});

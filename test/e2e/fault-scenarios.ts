// The legacy systems failing, alone and all together, under one customer-and-catalogue query:
// shared by test/e2e/faults.test.ts (what the answer holds) and platform/tools/bench/faults.ts (how long it takes).
import type { System } from '../../platform/errors';
import type { FaultSettings } from '../../legacy';
import type { Stack } from '../../platform/tools/stack';
import { gql, type GraphQLResponse, seeded, setFaults, startTestStack, SYSTEM_LIST, inEverySilo, until } from './harness';
import { receiptsOfCard } from './seeded-orders';

export const TIMEOUT_MS = 400;
const env = {
  POS_TIMEOUT_MS: String(TIMEOUT_MS),
  ESHOP_TIMEOUT_MS: String(TIMEOUT_MS),
  CRM_TIMEOUT_MS: String(TIMEOUT_MS),
  LOYALTY_TIMEOUT_MS: String(TIMEOUT_MS),
  LEGACY_RETRY_BASE_MS: '20',
  LEGACY_BREAKER_RESET_MS: '300',
};

const { world, truth } = seeded();
const person = truth.find((p) => inEverySilo(p) && receiptsOfCard(p.loyaltyCard).length > 0)!;
const STORE = world.pos.stores[0].code;

const QUERY = `query($id: ID!, $store: ID!) {
  customer(id: $id) { firstName loyalty { tier } cases { id } orders(first: 5) { edges { node { id } } } }
  products(first: 5) { edges { node { sku availability(storeId: $store) { available } } } }
}`;

export const FAULTS = {
  down: { down: true },
  hanging: { hang: true },
  slow: { latency_ms: TIMEOUT_MS / 4, jitter_ms: TIMEOUT_MS / 8 },
  'flaky (30% of calls fail)': { error_rate: 0.3 },
} satisfies Record<string, FaultSettings>;

export const SCENARIOS: [string, System[]][] = [...SYSTEM_LIST.map((s): [string, System[]] => [s, [s]]), ['all four', SYSTEM_LIST]];

export interface FaultBench {
  stack: Stack;
  /** The answer while every system is up. */
  healthy: GraphQLResponse;
  /** The answer with these systems failing so, and how long it took; the systems are healed after. */
  underFaults(systems: System[], faults: FaultSettings): Promise<{ response: GraphQLResponse; elapsedMs: number }>;
}

export async function startFaultBench(): Promise<FaultBench> {
  const stack = await startTestStack(env);
  const ask = async (id: string) => {
    const started = performance.now();
    const response = await gql(stack, QUERY, { id, store: STORE });
    return { response, elapsedMs: performance.now() - started };
  };
  const found = await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: person.loyaltyCard });
  const customerId: string = found.data.findCustomers[0].id;
  const { response: healthy } = await ask(customerId);
  return {
    stack,
    healthy,
    async underFaults(systems, faults) {
      await Promise.all(systems.map((s) => setFaults(stack, s, faults)));
      try {
        return await ask(customerId);
      } finally {
        await heal(stack);
      }
    },
  };
}

/** Faults off, and every breaker closed again: /ready probes each half-open one back. */
async function heal(stack: Stack): Promise<void> {
  await Promise.all(SYSTEM_LIST.map((s) => setFaults(stack, s, {})));
  await until('every breaker closed again', async () => {
    const res = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/ready'));
    const body = (await res.json()) as { systems: Record<System, { breaker: string }> };
    return res.status === 200 && Object.values(body.systems).every((s) => s.breaker === 'closed');
  });
}

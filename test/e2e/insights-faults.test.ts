// The insights fields with one silo down, through the gateway: a figure that needs the failed
// silo is null, never computed from the others' part alone, and each field carries one
// SYSTEM_UNAVAILABLE error per failed system, only when its answer needed that system.
import type { System } from '../../platform/errors';
import type { Stack } from '../../platform/tools/stack';
import { gql, type GraphQLResponse, seeded, setFaults, startTestStack, inEverySilo } from './harness';
import { receiptsOfCard } from './seeded-orders';

const { world, truth } = seeded();

/** Someone with orders in every silo and records in every other one. */
const person = truth.find(
  (p) =>
    inEverySilo(p) &&
    receiptsOfCard(p.loyaltyCard).length > 0 &&
    world.eshop.orders.some((o) => o.account_id === p.eshopAccountId) &&
    world.crm.calls.some((c) => c.contact_id === p.crmContactId),
)!;

const SUMMARY = `query($id: ID!) { customer(id: $id) {
  preferredChannel channelSummary { channel orders spend { centAmount } lastActivityAt }
} }`;
const JOURNEY = 'query($id: ID!) { customer(id: $id) { journey(first: 1) { edges { node { kind } } } } }';

let stack: Stack;
let id: string;
let healthy: GraphQLResponse;

beforeAll(async () => {
  // Breakers that never open: each scenario's system is back as soon as its faults are off.
  stack = await startTestStack({ LEGACY_BREAKER_MIN_CALLS: '100000' });
  id = (await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: person.loyaltyCard })).data.findCustomers[0]
    .id;
  healthy = await gql(stack, SUMMARY, { id });
});
afterAll(() => stack.close());

async function withDown(system: System, query: string): Promise<GraphQLResponse> {
  await setFaults(stack, system, { down: true });
  try {
    return await gql(stack, query, { id });
  } finally {
    await setFaults(stack, system, {});
  }
}

/** Each error as "path code system", sorted. */
const errorsOf = (r: GraphQLResponse) =>
  (r.errors ?? []).map((e) => `${e.path?.join('.')} ${e.extensions?.code} ${e.extensions?.system}`).sort();

const byChannel = (r: GraphQLResponse) => Object.fromEntries(r.data.customer.channelSummary.map((s: any) => [s.channel, s]));

it('has a clear preferred channel while every system is up', () => {
  expect(healthy.errors).toBeUndefined();
  const counts = healthy.data.customer.channelSummary.map((s: any) => s.orders).sort((a: number, b: number) => b - a);
  expect(counts[0]).toBeGreaterThan(counts[1]); // no tie: the latest activity plays no part
  expect(healthy.data.customer.preferredChannel).not.toBeNull();
});

const ALL = ['WEB', 'STORE', 'CALL_CENTER'];

// which channels' orders (count, spend), and which channels' latest activity, each system holds
describe.each([
  ['pos', ['STORE'], ['STORE']],
  // pick-ups and returns of web orders are store activity
  ['eshop', ['WEB', 'CALL_CENTER'], ALL],
  ['crm', [], ['STORE', 'CALL_CENTER']],
  ['loyalty', [], ALL],
] as [System, string[], string[]][])('with the %s down', (system, ordersOf, activityOf) => {
  it('channelSummary: null for the figures it holds; preferredChannel: null when it holds orders; one error per field that needed it', async () => {
    const r = await withDown(system, SUMMARY);
    const was = byChannel(healthy);
    const holdsOrders = ordersOf.length > 0;
    expect({ ...r.data.customer, errors: errorsOf(r) }).toEqual({
      preferredChannel: holdsOrders ? null : healthy.data.customer.preferredChannel,
      channelSummary: ALL.map((channel) => ({
        channel,
        orders: ordersOf.includes(channel) ? null : was[channel].orders,
        spend: ordersOf.includes(channel) ? null : was[channel].spend,
        lastActivityAt: activityOf.includes(channel) ? null : was[channel].lastActivityAt,
      })),
      errors: [
        `customer.channelSummary SYSTEM_UNAVAILABLE ${system}`,
        ...(holdsOrders ? [`customer.preferredChannel SYSTEM_UNAVAILABLE ${system}`] : []),
      ],
    });
  });

  it('journey: one error for the system, however many of its sources failed', async () => {
    expect(errorsOf(await withDown(system, JOURNEY))).toEqual([`customer.journey SYSTEM_UNAVAILABLE ${system}`]);
  });
});

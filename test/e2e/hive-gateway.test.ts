// The committed supergraph served unchanged by another federation runtime: Hive Gateway's runtime
// (what its CLI serves), configured by gateway/hive-gateway.ts, in front of the subgraphs of a stack
// served over HTTP. The same questions get the same answers as from our gateway, the caller it
// verified reaches the subgraphs' access rules, and a token that is not valid gets nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { hiveGatewayConfig } from '../../gateway/hive-gateway';
import { SUBGRAPHS } from '../../gateway/supergraph';
import { loadConfig, SUBGRAPH_URL } from '../../platform/config';
import type { Stack } from '../../platform/tools/stack';
import { type As, gql, inEverySilo, seeded, startTestStack, tokenFor } from './harness';

const { world, truth } = seeded();
const buyer = truth.find((p) => inEverySilo(p))!;
const SECRET = 'the-secret-hive-and-the-subgraphs-share';

let stack: Stack;
let runtime: ReturnType<typeof createGatewayRuntime>;
let server: Server;
let hiveUrl: string;

beforeAll(async () => {
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: 'http', SUBGRAPH_SECRET: SECRET });
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [SUBGRAPH_URL[name], stack.subgraphs[name].url!]));
  runtime = createGatewayRuntime({ ...hiveGatewayConfig(loadConfig({ SUBGRAPH_SECRET: SECRET, ...urls })), logging: false });
  server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hiveUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await runtime?.dispose();
  await stack?.close();
});

async function askHive(query: string, variables: Record<string, unknown>, as: As, authorization?: string) {
  const bearer = authorization ?? (as === null ? undefined : `Bearer ${await tokenFor(as)}`);
  const res = await fetch(hiveUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(bearer ? { authorization: bearer } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
}

const CUSTOMER = `query($id: ID!) { customer(id: $id) { id firstName lastName email identities { system externalId }
  loyalty { cardNumber tier pointsBalance } cases { id subject status }
  orders(first: 10) { edges { node { id channel status total { centAmount } customer { id } } } } } }`;

const customerId = async () =>
  (await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: buyer.loyaltyCard })).data.findCustomers[0].id;

it('answers a customer across identity, orders, loyalty and the CRM as our gateway does', async () => {
  const id = await customerId();
  const [hive, ours] = await Promise.all([askHive(CUSTOMER, { id }, 'agent'), gql(stack, CUSTOMER, { id }, { as: 'agent' })]);
  expect(hive.status).toBe(200);
  expect(hive.body.errors).toBeUndefined();
  expect(hive.body.data.customer.loyalty.cardNumber).toBe(buyer.loyaltyCard);
  expect(hive.body.data.customer.orders.edges.length).toBeGreaterThan(0);
  expect(hive.body).toEqual(ours);
});

it('prices products with their offers and availability as our gateway does', async () => {
  const q = `query($store: ID!) { products(first: 5) { edges { node { sku name price { centAmount }
    availability(storeId: $store) { available } offer(channel: STORE, storeId: $store) { price { centAmount } } } } } }`;
  const variables = { store: world.pos.stores[0].code };
  const [hive, ours] = await Promise.all([askHive(q, variables, null), gql(stack, q, variables, { as: null })]);
  expect(hive.body.errors).toBeUndefined();
  expect(hive.body.data.products.edges).toHaveLength(5);
  expect(hive.body).toEqual(ours);
});

it("passes on the caller it verified: an anonymous caller is refused the customer by the subgraphs' rules", async () => {
  const id = await customerId();
  const hive = await askHive(CUSTOMER, { id }, null);
  expect(hive.body.data?.customer ?? null).toBeNull();
  const codes = new Set(hive.body.errors?.map((e) => e.extensions?.code));
  const ours = await gql(stack, CUSTOMER, { id }, { as: null });
  expect(codes).toEqual(new Set(ours.errors?.map((e) => e.extensions?.code)));
});

it('refuses a token that is not valid before anything runs, with UNAUTHENTICATED', async () => {
  const forged = (await tokenFor('service')).replace(/\.[\w-]+$/, '.forged-signature');
  for (const authorization of [`Bearer ${forged}`, 'Basic dXNlcjpwYXNz']) {
    const hive = await askHive('{ products(first: 1) { edges { node { sku } } } }', {}, 'service', authorization);
    expect(hive.status).toBe(401);
    expect(hive.body.data ?? null).toBeNull();
    expect(hive.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  }
});

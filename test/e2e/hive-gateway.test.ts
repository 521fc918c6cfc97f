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
import { capturedLogger } from '../captured-logs';
import { type As, gql, inEverySilo, seeded, setFaults, startTestStack, tokenFor } from './harness';

const { world, truth } = seeded();
const buyer = truth.find((p) => inEverySilo(p))!;
const SECRET = 'the-secret-hive-and-the-subgraphs-share';

let stack: Stack;
let runtime: ReturnType<typeof createGatewayRuntime>;
let server: Server;
let hiveUrl: string;
const logs = capturedLogger();

beforeAll(async () => {
  stack = await startTestStack({ SUBGRAPH_TRANSPORT: 'http', SUBGRAPH_SECRET: SECRET }, logs.logger);
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

async function askHive(
  query: string,
  variables: Record<string, unknown>,
  as: As,
  authorization?: string,
  headers: Record<string, string> = {},
) {
  const bearer = authorization ?? (as === null ? undefined : `Bearer ${await tokenFor(as)}`);
  const res = await fetch(hiveUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(bearer ? { authorization: bearer } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    requestId: res.headers.get('x-request-id'),
    body: (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] },
  };
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
  const ours = await gql(stack, CUSTOMER, { id }, { as: null });
  // the identity subgraph's own refusal, not a subgraph refusing a request without the gateway's assertion
  const refusals = (answer: { errors?: { message?: string; extensions?: { code?: string } }[] }) =>
    (answer.errors ?? []).map((e) => [e.message, e.extensions?.code]);
  expect(refusals(hive.body)).toEqual(refusals(ours));
  expect(refusals(ours)).toEqual([['Sign in: this needs a token', 'UNAUTHENTICATED']]);
});

it("passes on the request's id, the client's or one it makes, the same to every subgraph and legacy call of the request", async () => {
  const id = await customerId();
  const failedCalls = (from: number) => logs.lines.slice(from).filter((l) => l.msg === 'legacy call failed');
  await Promise.all((['pos', 'crm'] as const).map((system) => setFaults(stack, system, { down: true })));
  try {
    let from = logs.lines.length;
    const given = await askHive(CUSTOMER, { id }, 'agent', undefined, { 'x-request-id': 'hive-two-down' });
    expect(given.requestId).toBe('hive-two-down');
    expect(new Set(failedCalls(from).map((l) => l.system))).toEqual(new Set(['pos', 'crm']));
    expect(new Set(failedCalls(from).map((l) => l.requestId))).toEqual(new Set(['hive-two-down']));
    // none given (or not a plain token): one made for the request, not one per subgraph request
    for (const headers of [{}, { 'x-request-id': 'not a plain token!' }] as Record<string, string>[]) {
      from = logs.lines.length;
      const made = await askHive(CUSTOMER, { id }, 'agent', undefined, headers);
      expect(made.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(new Set(failedCalls(from).map((l) => l.system))).toEqual(new Set(['pos', 'crm']));
      expect(new Set(failedCalls(from).map((l) => l.requestId))).toEqual(new Set([made.requestId]));
    }
  } finally {
    await Promise.all((['pos', 'crm'] as const).map((system) => setFaults(stack, system, {})));
  }
});

it('refuses a token that is not valid before any subgraph is asked, with UNAUTHENTICATED', async () => {
  const forged = (await tokenFor('service')).replace(/\.[\w-]+$/, '.forged-signature');
  for (const authorization of [`Bearer ${forged}`, 'Basic dXNlcjpwYXNz']) {
    const hive = await askHive('{ products(first: 1) { edges { node { sku } } } }', {}, 'service', authorization);
    expect(hive.status).toBe(401);
    expect(hive.requestId).toMatch(/^[0-9a-f-]{36}$/); // a refused request can be found in the logs too
    expect(hive.body.data ?? null).toBeNull();
    expect(hive.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  }
});

// A subgraph that takes the gateway's request and never answers (a process stopped or stuck, a
// network that drops the answer): the gateway gives up on it after GATEWAY_FETCH_TIMEOUT_MS, its fields
// are null with their error, and the other subgraphs' fields are answered. The gateway runs alone
// (as `npm run serve -- gateway`), the CRM subgraph's URL pointing at a server that never answers.
import { createServer, type Server, type Socket } from 'node:net';
import { startGateway } from '../../gateway/server';
import { sharedSubgraphKey } from '../../platform/auth/gateway-assertion';
import type { RunningServer } from '../../platform/http/serve';
import { ConfigError, loadConfig } from '../../platform/config';
import { createLogger } from '../../platform/logging';
import type { Stack } from '../../platform/tools/stack';
import { gatewayOptions, subgraphEndpoints } from '../../platform/tools/pieces';
import { gql, inEverySilo, seeded, stackDatabaseUrl, startTestStack, testConfig } from './harness';

const SECRET = 'the-secret-the-gateway-and-its-subgraphs-share';
const { truth } = seeded();
const person = truth.find((p) => inEverySilo(p))!;

let stack: Stack;
let silent: Server;
let gateway: RunningServer;
/** the connections the silent subgraph took: the requests reached it */
const held: Socket[] = [];

beforeAll(async () => {
  const DATABASE_URL = await stackDatabaseUrl();
  stack = await startTestStack({ DATABASE_URL, SUBGRAPH_TRANSPORT: 'http', SUBGRAPH_SECRET: SECRET });
  silent = createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as { port: number };
  const config = await testConfig({ DATABASE_URL, SUBGRAPH_SECRET: SECRET, SUBGRAPH_TIMEOUT_MS: '500', GATEWAY_FETCH_TIMEOUT_MS: '1000' });
  gateway = await startGateway(
    gatewayOptions(config, createLogger('silent'), {
      subgraphs: subgraphEndpoints((name) => ({ url: name === 'crm' ? `http://127.0.0.1:${port}/graphql` : stack.subgraphs[name].url! })),
      legacy: [],
      subgraphKey: sharedSubgraphKey(config),
    }),
  );
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => silent?.close(resolve));
  await gateway?.close();
  await stack?.close();
});

it("gives up on a subgraph that never answers: its fields are null with their error, the others' answered", async () => {
  const viaGateway = { ...stack, gatewayUrl: gateway.url };
  const found = await gql(viaGateway, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: person.loyaltyCard });
  const ask = (to: Stack) =>
    gql(
      to,
      'query($id: ID!) { customer(id: $id) { firstName loyalty { cardNumber } cases { id } } }',
      { id: found.data.findCustomers[0].id },
      { as: 'agent' },
    );
  const [answer, whole] = await Promise.all([ask(viaGateway), ask(stack)]);
  expect(whole.errors).toBeUndefined();
  expect(whole.data.customer.cases.length).toBeGreaterThan(0);
  expect(held.length).toBeGreaterThan(0);
  expect(answer.data.customer).toEqual({ ...whole.data.customer, cases: null });
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors![0]).toMatchObject({ path: ['customer', 'cases'], extensions: { code: 'INTERNAL' } });
});

it('waits for a subgraph longer than a subgraph waits for another: the one asked answers its own error first', () => {
  expect(() => loadConfig({ SUBGRAPH_TIMEOUT_MS: '30000', GATEWAY_FETCH_TIMEOUT_MS: '30000' })).toThrow(ConfigError);
  expect(loadConfig({}).env.GATEWAY_FETCH_TIMEOUT_MS).toBeGreaterThan(loadConfig({}).env.SUBGRAPH_TIMEOUT_MS);
});

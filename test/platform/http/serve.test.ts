// What a server of the project (the gateway, a subgraph served apart) answers outside GraphQL: JSON
// with a code, as GraphQL's own refusals, never express's HTML page (with a stack trace outside
// production).
import { ApolloServer } from '@apollo/server';
import { createLogger } from '../../../platform/logging';
import { serveGraphQL, type RunningServer } from '../../../platform/http/serve';

let server: RunningServer;
beforeAll(async () => {
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
  server = await serveGraphQL(apollo, { port: 0, host: '127.0.0.1', context: async () => ({}), logger: createLogger('silent') });
});
afterAll(() => server.close());

const root = () => new URL('/', server.url).toString();

it('answers a path it does not serve with NOT_FOUND, pointing at /graphql', async () => {
  const res = await fetch(root());
  expect(res.status).toBe(404);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  expect(await res.json()).toEqual({ errors: [{ message: expect.stringContaining('POST /graphql'), extensions: { code: 'NOT_FOUND' } }] });
});

it('refuses a body it cannot read with BAD_USER_INPUT in JSON, no stack', async () => {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
  expect(res.status).toBe(400);
  const body = await res.text();
  expect(JSON.parse(body)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT' } }] });
  expect(body).not.toMatch(/at .+\.(ts|js):\d+/);
});

it('still serves GraphQL', async () => {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ ok }"}' });
  expect(await res.json()).toEqual({ data: { ok: true } });
});

it("keeps an idle connection longer than the clients in front of it keep theirs, and says so: a client's fetch is never sent into one the server is closing", async () => {
  // Apollo Router keeps a subgraph's idle connection 15 s (5 s in older releases), a load balancer 60 s, @apollo/gateway's own
  // fetcher until the server closes it; a client reading the header closes its own end before this
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ ok }"}' });
  expect(res.headers.get('keep-alive')).toBe('timeout=75');
  await res.text();
});

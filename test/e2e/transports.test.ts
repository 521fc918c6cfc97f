// Issue 13: the gateway calls the subgraphs of its own process in-process (SUBGRAPH_TRANSPORT=local,
// `npm start`'s default) or over HTTP on loopback (http). Both must give the same answers, errors,
// limits and logs: one stack of each, every subgraph asked, every answer compared across the two and
// checked against the simulators' data, the error codes that cross the subgraph boundary
// (SYSTEM_UNAVAILABLE, FORBIDDEN, BAD_USER_INPUT), the gateway's limits and its access log.
import type { Person } from '../../legacy/seed';
import type { Stack } from '../../platform/tools/stack';
import { LocalSubgraphClient } from '../../subgraphs/kit/graph-client';
import { capturedLogger, type LogLine } from '../captured-logs';
import { receiptsOfCard } from './seeded-orders';
import { type As, gql, gqlResponse, inEverySilo, seeded, setFaults, startTestStack, tokenFor, TRANSPORTS, type Transport } from './harness';

const { world, truth } = seeded();
const [alicePerson, bobPerson] = truth.filter((p) => inEverySilo(p) && receiptsOfCard(p.loyaltyCard).length > 0);
const member = world.loyalty.members.find((m) => m.card_number === bobPerson.loyaltyCard)!;
const contact = world.crm.contacts.find((c) => c.id === bobPerson.crmContactId)!;
const product = world.eshop.products[0];
const storeId = world.pos.stores[0].code;

/** A field of every subgraph: identity, orders, crm, loyalty, insights, offers (customer); eshop, pos, offers (product); pos (stores). */
const EVERY_SUBGRAPH = `query($id: ID!, $sku: ID!, $store: ID!, $at: DateTime) {
  customer(id: $id) {
    id firstName lastName email
    identities { system externalId }
    loyalty { cardNumber tier pointsBalance }
    cases { id subject status openedAt }
    orders(first: 5) { edges { node { id channel status placedAt total { centAmount } loyaltyPointsEarned } } }
    journey(first: 5) { edges { node { kind } } }
    offers(channel: WEB) { id }
  }
  product(sku: $sku) {
    sku name price { centAmount }
    availability(storeId: $store) { available store { id name isOpen(at: $at) } }
    offer(channel: STORE, storeId: $store) { price { centAmount } }
  }
  stores { id name isOpen }
}`;
const STOCK = '{ products(first: 3) { edges { node { sku availability(storeId: "ST001") { available } } } } }';

interface Running {
  stack: Stack;
  logs: LogLine[];
  alice: string;
  bob: string;
}
const running = {} as Record<Transport, Running>;

async function start(transport: Transport): Promise<Running> {
  const { logger, lines } = capturedLogger();
  const stack = await startTestStack({ SUBGRAPH_TRANSPORT: transport }, logger);
  const idOf = async (p: Person) =>
    (await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: p.loyaltyCard })).data.findCustomers[0]
      .id as string;
  return { stack, logs: lines, alice: await idOf(alicePerson), bob: await idOf(bobPerson) };
}

beforeAll(async () => {
  const [local, http] = await Promise.all(TRANSPORTS.map(start));
  Object.assign(running, { local, http });
});
afterAll(() => Promise.all(Object.values(running).map((r) => r.stack.close())));

/** An answer with the customer ids of its stack (each stack numbers its own) written as who they are. */
const asWho = (r: Running, answer: unknown) =>
  JSON.parse(JSON.stringify(answer).replaceAll(r.alice, '<alice>').replaceAll(r.bob, '<bob>')) as unknown;

/** The same request to both stacks, as `as`: the answers, ids written as who they are. */
async function both(query: string, variables: (r: Running) => Record<string, unknown>, as: (r: Running) => As = () => 'service') {
  const answers = await Promise.all(TRANSPORTS.map((t) => gql(running[t].stack, query, variables(running[t]), { as: as(running[t]) })));
  return Object.fromEntries(TRANSPORTS.map((t, i) => [t, asWho(running[t], answers[i])])) as Record<Transport, any>;
}

it('answers a query reaching every subgraph alike, and as the simulators say', async () => {
  const { local, http } = await both(EVERY_SUBGRAPH, (r) => ({ id: r.bob, sku: product.sku, store: storeId, at: '2026-11-29T11:00:00Z' }));
  expect(local.errors).toBeUndefined();
  expect(local).toEqual(http);
  const { customer, product: answered } = local.data;
  expect(customer).toMatchObject({ id: '<bob>', firstName: contact.first_name, lastName: contact.last_name });
  expect(customer.loyalty).toEqual({ cardNumber: member.card_number, tier: member.tier, pointsBalance: member.points_balance });
  expect(customer.cases.map((c: any) => c.id).sort()).toEqual(
    world.crm.cases
      .filter((c) => c.contact_id === contact.id)
      .map((c) => c.id)
      .sort(),
  );
  expect(customer.orders.edges.length).toBeGreaterThan(0);
  expect(customer.journey.edges.length).toBeGreaterThan(0);
  expect(answered).toMatchObject({ sku: product.sku, name: product.title });
  expect(answered.availability.store.id).toBe(storeId);
  expect(local.data.stores.map((s: any) => s.id)).toEqual(world.pos.stores.map((s) => s.code));
});

it('answers a mutation alike', async () => {
  expect(await both('mutation { refreshPricing }', () => ({}))).toEqual({
    local: { data: { refreshPricing: true } },
    http: { data: { refreshPricing: true } },
  });
});

describe.each(TRANSPORTS)('over the %s transport', (transport) => {
  const r = () => running[transport];
  const codes = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) => (answer.errors ?? []).map((e) => e.extensions?.code);

  it('reports a legacy system down as SYSTEM_UNAVAILABLE for its fields only, logged under the request id by the gateway and the legacy call', async () => {
    await setFaults(r().stack, 'pos', { down: true });
    try {
      const res = await gqlResponse(r().stack, STOCK, {}, { headers: { 'x-request-id': `pos-down-${transport}` } });
      const { data, errors } = (await res.json()) as { data: any; errors: { extensions: unknown }[] };
      expect(data.products.edges.map((e: any) => e.node.availability)).toEqual([null, null, null]);
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) expect(error.extensions).toEqual({ code: 'SYSTEM_UNAVAILABLE', system: 'pos' });
      const lines = r().logs.filter((l) => l.requestId === `pos-down-${transport}`);
      expect(lines).toContainEqual(expect.objectContaining({ component: 'legacy', msg: 'legacy call failed', system: 'pos' }));
      expect(lines).toContainEqual(
        expect.objectContaining({
          component: 'gateway',
          msg: 'graphql request',
          role: 'service',
          errors: expect.arrayContaining(['SYSTEM_UNAVAILABLE']),
        }),
      );
    } finally {
      await setFaults(r().stack, 'pos', {});
    }
  });

  it('passes the verified caller: FORBIDDEN for another customer, the own record for oneself, the masked view for store staff', async () => {
    const alice: As = { role: 'customer', sub: r().alice };
    const other = await gql(r().stack, 'query($id: ID!) { customer(id: $id) { id email } }', { id: r().bob }, { as: alice });
    expect(codes(other)).toEqual(['FORBIDDEN']);
    expect(other.data).toEqual({ customer: null });
    const own = await gql(r().stack, '{ me { id } }', {}, { as: alice });
    expect(own).toEqual({ data: { me: { id: r().alice } } });
    const clerk: As = { role: 'store', sub: 'clerk', storeId };
    const masked = await gql(r().stack, 'query($id: ID!) { customer(id: $id) { email cases { id } } }', { id: r().bob }, { as: clerk });
    expect(masked.data.customer.email).toMatch(/^[^*]\*\*\*@/);
    expect(masked.data.customer.cases).toBeNull();
    expect(codes(masked)).toEqual(['FORBIDDEN']);
  });

  it("answers a subgraph's BAD_USER_INPUT and the gateway's OPERATION_TOO_COMPLEX", async () => {
    expect(codes(await gql(r().stack, '{ store(id: "nowhere") { id } }'))).toEqual(['BAD_USER_INPUT']);
    const deep = `{ customer(id: "c") { ${'orders { edges { node { customer { '.repeat(4)} id ${'} } } } '.repeat(4)} } }`;
    const refused = await gqlResponse(r().stack, deep);
    expect(refused.status).toBe(400);
    expect(codes((await refused.json()) as { errors?: { extensions?: Record<string, unknown> }[] })).toEqual(['OPERATION_TOO_COMPLEX']);
  });

  it('is ready, every subgraph answering', async () => {
    const res = await fetch(r().stack.gatewayUrl.replace(/\/graphql$/, '/ready'));
    const body = (await res.json()) as { subgraphs: Record<string, string> };
    expect(res.status).toBe(200);
    expect(Object.keys(body.subgraphs).sort()).toEqual(Object.keys(r().stack.subgraphs).sort());
    for (const probe of Object.values(body.subgraphs)) expect(probe).toBe('ok');
  });
});

describe('in-process (local)', () => {
  it('opens no port for a subgraph: the gateway is the only way in', () => {
    for (const subgraph of Object.values(running.local.stack.subgraphs)) expect(subgraph.url).toBeNull();
  });

  it('runs an operation on a named subgraph as the service role, for a subgraph asking another: its data, or its error', async () => {
    const client = new LocalSubgraphClient((name) => running.local.stack.subgraphs[name], 30_000);
    const request = client.request.bind(client);
    const { stores } = await request<{ stores: { id: string }[] }>('pos', '{ stores { id } }');
    expect(stores.map((s) => s.id)).toEqual(world.pos.stores.map((s) => s.code));
    const card = await request<{ _entities: { loyalty: { cardNumber: string } }[] }>(
      'loyalty',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { loyalty { cardNumber } } } }',
      { r: [{ __typename: 'Customer', id: running.local.bob, identities: [{ system: 'LOYALTY', externalId: member.card_number }] }] },
    );
    expect(card._entities[0].loyalty.cardNumber).toBe(member.card_number);
    // handed over with no JSON in between, an answer is already what JSON would make of it (a time: its string)
    const cases = await request<{ _entities: { cases: { openedAt: unknown }[] }[] }>(
      'crm',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { cases { openedAt } } } }',
      {
        r: [{ __typename: 'Customer', id: running.local.bob, identities: [{ system: 'CRM', externalId: world.crm.cases[0].contact_id }] }],
      },
    );
    expect(cases._entities[0].cases.length).toBeGreaterThan(0);
    expect(cases).toEqual(JSON.parse(JSON.stringify(cases)));
    await expect(request('pos', '{ store(id: "nowhere") { id } }')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('over HTTP, a subgraph reached directly', () => {
  const QUERY = JSON.stringify({ query: '{ findCustomers(name: "Martin") { id email } }' });

  it.each([
    ['no header', {}],
    ['a client token', { authorization: 'service' }],
    ['a forged caller header', { 'x-omnigraph-caller': 'eyJhbGciOiJub25lIn0.eyJjYWxsZXIiOm51bGx9.' }],
  ])('refuses %s with 401 and no data', async (_, headers: Record<string, string>) => {
    const auth = headers.authorization ? { authorization: `Bearer ${await tokenFor('service')}` } : headers;
    const res = await fetch(running.http.stack.subgraphs.identity.url!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: QUERY,
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

// Every subgraph in a process of its own (`npm run serve -- <name>`) and the gateway alone
// (`npm run serve -- gateway`), over the simulators and the database of a one-process stack: the
// same questions get the same answers from both, a query crossing subgraphs and an order placed.
import { SUBGRAPHS, type SubgraphName } from '../../gateway/supergraph';
import { SUBGRAPH_URL } from '../../platform/config';
import type { Stack } from '../../platform/tools/stack';
import { openDatabase, type Db } from '../../platform/db';
import { listeningConnections } from '../databases';
import { killChildServices, startChildService, type ChildService } from './child-service';
import {
  expectReadAgainAfterRefresh,
  gql,
  inEverySilo,
  seeded,
  SEED,
  setFaults,
  simStats,
  startTestStack,
  stackDatabaseUrl,
} from './harness';

const { world, truth } = seeded();
const buyer = truth.find((p) => inEverySilo(p))!;
const SECRET = 'the-secret-every-process-of-this-test-shares';

let together: Stack;
let apart: Stack;
/** the database every process is on, seen from outside */
let db: Db;
const children = new Map<SubgraphName | 'gateway', ChildService>();

beforeAll(async () => {
  const DATABASE_URL = await stackDatabaseUrl();
  db = openDatabase(DATABASE_URL);
  together = await startTestStack({ DATABASE_URL, SUBGRAPH_SECRET: SECRET });
  const env: Record<string, string> = {
    ...SEED,
    LOG_LEVEL: 'warn',
    DATABASE_URL,
    SUBGRAPH_SECRET: SECRET,
    IDENTITY_INDEX_INTERVAL_S: '86400',
    POS_URL: together.legacyUrls.pos,
    ESHOP_URL: together.legacyUrls.eshop,
    CRM_URL: together.legacyUrls.crm,
    LOYALTY_URL: together.legacyUrls.loyalty,
    ...Object.fromEntries(['POS', 'ESHOP', 'CRM', 'LOYALTY'].map((s) => [`${s}_TIMEOUT_MS`, '10000'])),
  };
  const serve = async (name: SubgraphName | 'gateway') => {
    const urls = Object.fromEntries([...children].map(([n, child]) => [SUBGRAPH_URL[n as SubgraphName], child.gatewayUrl]));
    children.set(name, await startChildService({ ...env, ...urls }, 90_000, name));
  };
  // the subgraphs the others call first, so that their URLs are known; then the rest at once
  await serve('identity');
  await serve('offers');
  await serve('orders');
  await Promise.all(SUBGRAPHS.filter((n) => !children.has(n)).map(serve));
  await serve('gateway');
  apart = { ...together, gatewayUrl: children.get('gateway')!.gatewayUrl };
}, 300_000);

afterAll(async () => {
  await killChildServices();
  await together?.close();
  await db?.close();
});

it('prices a quote with promo codes as the one-process stack does (its vouchers read through the offers API)', async () => {
  const q = `query($i: QuoteInput!) { quote(input: $i) { total { centAmount } appliedPromotions { promotion { id } amount { centAmount } } rejectedPromoCodes { code reason } } }`;
  const input = { channel: 'WEB', lines: [{ sku: world.eshop.products[0].sku, quantity: 2 }], promoCodes: ['WELCOME10', 'GW-NOPE'] };
  const [split, one] = await Promise.all([gql(apart, q, { i: input }, { as: 'agent' }), gql(together, q, { i: input }, { as: 'agent' })]);
  expect(split.errors).toBeUndefined();
  expect(split.data.quote.rejectedPromoCodes).toEqual([{ code: 'GW-NOPE', reason: 'UNKNOWN' }]);
  expect(split).toEqual(one);
});

it('answers a customer across identity, orders and loyalty as the one-process stack does', async () => {
  const { data } = await gql(apart, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: buyer.loyaltyCard });
  const id = data.findCustomers[0].id;
  const q = `query($id: ID!) { customer(id: $id) { id firstName lastName email identities { system externalId }
    loyalty { cardNumber tier pointsBalance }
    orders(first: 10) { edges { node { id channel status total { centAmount } customer { id } } } }
    cases { id subject } journey(first: 5) { edges { node { at kind channel } } } } }`;
  const [split, one] = await Promise.all([gql(apart, q, { id }, { as: 'agent' }), gql(together, q, { id }, { as: 'agent' })]);
  expect(split.errors).toBeUndefined();
  expect(split.data.customer.loyalty.cardNumber).toBe(buyer.loyaltyCard);
  expect(split.data.customer.orders.edges.length).toBeGreaterThan(0);
  expect(split.data.customer.orders.edges.every((e: any) => e.node.customer.id === id)).toBe(true);
  expect(split).toEqual(one);
});

it('places an order as the one-process stack does', async () => {
  const { data } = await gql(apart, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: buyer.loyaltyCard });
  const product = world.eshop.products.find((p) => Number(p.price) >= 40)!;
  const place = (stack: Stack, key: string) =>
    gql(
      stack,
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
        channel status total { centAmount } discount { centAmount } promoCodes loyaltyPointsEarned
        lines { product { sku name } quantity unitPrice { centAmount } } fulfillment { type address { city } } customer { id } } }`,
      {
        input: {
          channel: 'CALL_CENTER',
          customerId: data.findCustomers[0].id,
          lines: [{ sku: product.sku, quantity: 2 }],
          promoCodes: ['WELCOME10'],
          fulfillment: { type: 'HOME_DELIVERY', address: { street: '1 rue de Rivoli', zip: '75001', city: 'Paris' } },
          idempotencyKey: key,
        },
      },
      { as: 'agent' },
    );
  const split = await place(apart, `apart-${Date.now()}`);
  const one = await place(together, `together-${Date.now()}`);
  expect(split.errors).toBeUndefined();
  expect(split.data.placeOrder).toMatchObject({ channel: 'CALL_CENTER', status: 'PAID', customer: { id: data.findCustomers[0].id } });
  expect(split).toEqual(one);
});

it("drops the e-shop subgraph's catalogue on refreshPricing, though another process serves it", async () => {
  // one listener a process holding a catalogue or promotions: the one-process stack, and the
  // e-shop, POS, orders, offers and insights subgraphs (a notice sent before one listens is not heard)
  await listeningConnections(db, 6);
  // a list without onlineStock is the catalogue alone: the e-shop's product pages are read for nothing else
  const list = async () =>
    expect((await gql(apart, '{ products(first: 3) { edges { node { sku price { centAmount } } } } }')).errors).toBeUndefined();
  const pageReads = async () => (await simStats(together, 'eshop')).byRoute['GET /api/v2/products'] ?? 0;
  await expectReadAgainAfterRefresh('the e-shop subgraph reading its catalogue again', apart, list, pageReads);
});

const ready = async (graphqlUrl: string) => {
  const res = await fetch(graphqlUrl.replace(/\/graphql$/, '/ready'));
  return { status: res.status, body: (await res.json()) as any };
};

it('answers /ready in each subgraph without the gateway, with the silos and the database it uses', async () => {
  const loyalty = await ready(children.get('loyalty')!.gatewayUrl);
  expect(loyalty).toMatchObject({ status: 200, body: { status: 'ready', unavailable: [], systems: { loyalty: { usable: true } } } });
  expect(loyalty.body.database).toBeUndefined(); // the loyalty subgraph owns no table
  // nor the e-shop's: it listens on the database for refreshPricing, and serves without it
  const eshop = await ready(children.get('eshop')!.gatewayUrl);
  expect(eshop).toMatchObject({ status: 200, body: { status: 'ready' } });
  expect(eshop.body.database).toBeUndefined();
  const offers = await ready(children.get('offers')!.gatewayUrl);
  expect(offers).toMatchObject({ status: 200, body: { status: 'ready', database: 'ok' } });
});

it("reports a silo down as degraded in the gateway's /ready, from the subgraphs that call it, and stays 200", async () => {
  await setFaults(together, 'crm', { down: true });
  try {
    const down = await ready(apart.gatewayUrl);
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ status: 'degraded', unavailable: ['crm'], database: 'ok' });
    expect(down.body.systems.crm).toMatchObject({ usable: false, probe: 'failed' });
    expect(Object.values(down.body.subgraphs).every((probe) => probe === 'ok')).toBe(true);
  } finally {
    await setFaults(together, 'crm', {});
  }
  expect(await ready(apart.gatewayUrl)).toMatchObject({ status: 200, body: { status: 'ready', unavailable: [] } });
});

// The database gone while the service runs: what needs it (a customer, refreshPricing's notice to
// the other processes) says so, SYSTEM_UNAVAILABLE with system "database"; what does not (the stores,
// the catalogue, a quote for nobody) answers; /ready, which asks it `SELECT 1`, is 503.
import net from 'node:net';
import type { Stack } from '../../platform/tools/stack';
import { gql, seeded, simStats, startTestStack, stackDatabaseUrl } from './harness';

const { world, truth } = seeded();
const QUOTE = `query($input: QuoteInput!) { quote(input: $input) { total { centAmount } } }`;

/** A TCP relay in front of the database, which the test cuts: connections open and new ones fail. */
async function cuttableRelay(target: URL): Promise<{ url: string; cut(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket)).on('error', () => socket.destroy());
  };
  const relay = net.createServer((client) => {
    const server = net.connect(Number(target.port), target.hostname);
    [client, server].forEach(track);
    client.pipe(server).pipe(client);
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.port = String((relay.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    cut: async () => {
      const closed = new Promise((resolve) => relay.close(resolve));
      sockets.forEach((socket) => socket.destroy());
      await closed;
    },
  };
}

let stack: Stack;
let relay: Awaited<ReturnType<typeof cuttableRelay>>;
beforeAll(async () => {
  relay = await cuttableRelay(new URL(await stackDatabaseUrl()));
  stack = await startTestStack({ DATABASE_URL: relay.url });
});
afterAll(() => stack?.close());

it('answers SYSTEM_UNAVAILABLE (database) for a customer, and the stores, the catalogue and a quote for nobody still', async () => {
  const person = truth.find((p) => p.eshopAccountId && p.householdId === null)!;
  const email = world.eshop.accounts.find((a) => a.id === person.eshopAccountId)!.email;
  const found = await gql(stack, 'query($e: String) { findCustomers(email: $e) { id } }', { e: email });
  const id: string = found.data.findCustomers[0].id;
  const product = world.eshop.products[0];

  const readyUrl = new URL('/ready', stack.gatewayUrl);
  const before = await fetch(readyUrl);
  expect(before.status).toBe(200);
  expect(await before.json()).toMatchObject({ status: 'ready', database: 'ok' });

  await relay.cut();

  // the gateway cannot serve what needs the database: out of rotation, and it says why
  const ready = await fetch(readyUrl);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'failed' });

  const customer = await gql(stack, 'query($id: ID!) { customer(id: $id) { id firstName } }', { id });
  expect(customer.data?.customer ?? null).toBeNull();
  expect(customer.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'SYSTEM_UNAVAILABLE', system: 'database' })]);
  expect(JSON.stringify(customer.errors)).not.toMatch(/127\.0\.0\.1|postgres|ECONNREFUSED/);

  const stores = await gql(stack, '{ stores { id } }', {}, { as: null });
  expect(stores.errors).toBeUndefined();
  expect(stores.data.stores).toHaveLength(world.pos.stores.length);
  const products = await gql(stack, '{ products(first: 3) { edges { node { sku } } } }', {}, { as: null });
  expect(products.errors).toBeUndefined();
  expect(products.data.products.edges).toHaveLength(3);
  const quote = await gql(stack, QUOTE, { input: { channel: 'WEB', lines: [{ sku: product.sku, quantity: 1 }] } }, { as: null });
  expect(quote.errors).toBeUndefined();
  expect(quote.data.quote.total.centAmount).toBeGreaterThan(0);

  // refreshPricing drops this replica's promotions, and says the other processes could not be told
  const promotionReads = async (): Promise<number> => (await simStats(stack, 'eshop')).byRoute['GET /api/v2/promotions'] ?? 0;
  const warm = await promotionReads();
  const refreshed = await gql(stack, 'mutation { refreshPricing }');
  expect(refreshed.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'SYSTEM_UNAVAILABLE', system: 'database' })]);
  await gql(stack, QUOTE, { input: { channel: 'WEB', lines: [{ sku: product.sku, quantity: 1 }] } }, { as: null });
  expect(await promotionReads()).toBe(warm + 1);
});

// `npm start` stopped and started again on its own database (DATABASE_URL unset). The simulators
// are seeded afresh at every start, so what the database held of the last run's orders (sagas,
// idempotency keys, order facts) would describe orders the silos no longer have: a key sent again
// must answer an order that exists, not one of the run before.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { killChildServices, startChildService } from './child-service';
import { gql, SEED, seeded } from './harness';
import type { Stack } from '../../platform/tools/stack';

const { world, truth } = seeded();
const buyer = truth.find((p) => p.eshopAccountId && p.householdId === null)!;
const email = world.eshop.accounts.find((a) => a.id === buyer.eshopAccountId)!.email;
const dataDirs: string[] = [];
/** A DATA_DIR of its own, removed after the file. */
function newDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'omnigraph-restart-'));
  // the database server runs as its own unprivileged user, which must reach its folder inside
  chmodSync(dir, 0o755);
  dataDirs.push(dir);
  return dir;
}
const ENV = { ...SEED, DATABASE_URL: undefined, DATA_DIR: newDataDir() };
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }`;

afterAll(async () => {
  await killChildServices();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

async function placeOnce(stack: Stack, key: string) {
  const found = await gql(stack, 'query($e: String) { findCustomers(email: $e) { id } }', { e: email });
  const input = {
    channel: 'CALL_CENTER',
    customerId: found.data.findCustomers[0].id,
    lines: [{ sku: world.eshop.products[0].sku, quantity: 1 }],
    fulfillment: { type: 'HOME_DELIVERY', address: { street: '1 rue de Rivoli', zip: '75001', city: 'Paris' } },
    idempotencyKey: key,
  };
  return gql(stack, PLACE, { input });
}

it('with simulated silos, a key of the run before answers an order the silos hold, never a stale one', async () => {
  const first = await startChildService(ENV);
  const before = await placeOnce({ gatewayUrl: first.gatewayUrl } as Stack, 'restart-1');
  expect(before.errors).toBeUndefined();
  await first.stop();

  const second = await startChildService(ENV);
  const stack = { gatewayUrl: second.gatewayUrl } as Stack;
  const again = await placeOnce(stack, 'restart-1');
  expect(again.errors).toBeUndefined();
  const order = await gql(stack, 'query($id: ID!) { order(id: $id) { id status } }', { id: again.data.placeOrder.id });
  expect(order.data.order).toEqual(again.data.placeOrder);
  await second.stop();
}, 120_000);

it('with simulated silos, starts on a new database server when the one kept cannot start (left broken by a run killed outright)', async () => {
  const dataDir = newDataDir();
  mkdirSync(path.join(dataDir, 'postgres-simulated'));
  writeFileSync(path.join(dataDir, 'postgres-simulated', 'PG_VERSION'), 'not a data directory\n');
  const service = await startChildService({ ...ENV, DATA_DIR: dataDir });
  const stores = await gql({ gatewayUrl: service.gatewayUrl } as Stack, '{ stores { id } }');
  expect(stores.errors).toBeUndefined();
  expect(stores.data.stores.length).toBeGreaterThan(0);
  await service.stop();
}, 120_000);

// Issue 11: two replicas (two full stacks, gateway and subgraphs) over one database and one set of
// simulators, asked the same thing at the same moment: what the silos hold afterwards is what one
// replica alone would have made.
import type { Stack } from '../../platform/tools/stack';
import { SYSTEMS } from '../../platform/errors';
import { generateWorld, type Person } from '../../legacy/seed';
import { capturedLogger } from '../captured-logs';
import { dump, gql, SEED, startTestStack, stackDatabaseUrl } from './harness';

const { world, truth } = generateWorld({ seed: Number(SEED.SIM_SEED), scale: Number(SEED.SIM_SCALE), now: new Date(SEED.SIM_NOW) });
const buyer = truth.find((p): p is Person & { loyaltyCard: string } => !!p.eshopAccountId && !!p.loyaltyCard && p.householdId === null)!;
const storeId = world.pos.stores[2].code;
const product = world.eshop.products.find(
  (p) => Number(p.price) >= 20 && world.pos.stock.some((s) => s.store === storeId && s.ean === p.ean && s.qty - s.reserved >= 30),
)!;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }`;

let replicas: Stack[];
const logs = [capturedLogger(), capturedLogger()];

beforeAll(async () => {
  const DATABASE_URL = await stackDatabaseUrl();
  const first = await startTestStack({ DATABASE_URL }, logs[0].logger);
  const legacy = Object.fromEntries(SYSTEMS.map((s) => [`${s.toUpperCase()}_URL`, first.legacyUrls[s]]));
  replicas = [first, await startTestStack({ DATABASE_URL, ...legacy }, logs[1].logger)];
}, 120_000);
afterAll(() => Promise.all((replicas ?? []).map((r) => r.close())));

it('the same placeOrder and key sent to both at once, 20 times over: one e-shop order, one reservation, one EARN per key', async () => {
  const [a, b] = replicas;
  const found = await gql(a, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: buyer.loyaltyCard });
  const customerId: string = found.data.findCustomers[0].id;
  const knownOrders = new Set((await dump(a, 'eshop')).orders.map((o: { id: string }) => o.id));
  const knownReservations = new Set((await dump(a, 'pos')).reservations.map((r: { id: string }) => r.id));
  const placed = new Set<string>();
  for (let i = 0; i < 20; i++) {
    const input = {
      channel: 'WEB',
      customerId,
      lines: [{ sku: product.sku, quantity: 1 }],
      fulfillment: { type: 'STORE_PICKUP', storeId },
      idempotencyKey: `replicas-${Date.now()}-${i}`,
    };
    const answers = await Promise.all([a, b].map((r) => gql(r, PLACE, { input })));
    // the first to claim the key runs it; the other is told it runs, or given its answer
    for (const { errors } of answers) if (errors) expect(errors.map((e) => e.extensions?.code)).toEqual(['CONFLICT']);
    const ids = new Set(answers.flatMap(({ data }) => (data?.placeOrder ? [data.placeOrder.id as string] : [])));
    expect(ids.size).toBe(1);
    // asked again afterwards, on either replica: the one answer
    for (const r of [a, b]) expect((await gql(r, PLACE, { input })).data.placeOrder.id).toBe([...ids][0]);
    placed.add([...ids][0]);
  }
  const orders = (await dump(a, 'eshop')).orders.filter((o: { id: string }) => !knownOrders.has(o.id));
  expect(orders.map((o: { id: string }) => o.id).sort()).toEqual([...placed].sort());
  const reservations = (await dump(a, 'pos')).reservations.filter((r: { id: string }) => !knownReservations.has(r.id));
  expect(reservations).toHaveLength(20);
  const earns = (await dump(a, 'loyalty')).transactions.filter(
    (t: { type: string; external_ref: string }) => t.type === 'EARN' && placed.has(t.external_ref),
  );
  expect(earns.map((t: { external_ref: string }) => t.external_ref).sort()).toEqual([...placed].sort());
}, 180_000);

it('the same unknown person looked up on both at once: one customer id, on both', async () => {
  // held by loyalty alone: the identity index (e-shop accounts, CRM contacts and their cards) has not
  // seen them, so each look-up discovers them on both replicas at the same moment
  const unknown = truth.filter((p): p is Person & { loyaltyCard: string } => !!p.loyaltyCard && !p.eshopAccountId && !p.crmContactId);
  expect(unknown.length).toBeGreaterThan(5);
  for (const person of unknown.slice(0, 10)) {
    const answers = await Promise.all(
      replicas.map((r) => gql(r, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: person.loyaltyCard })),
    );
    for (const { errors } of answers) expect(errors).toBeUndefined();
    const [onA, onB] = answers.map(({ data }) => data.findCustomers.map((c: { id: string }) => c.id));
    expect(onA).toHaveLength(1);
    expect(onB).toEqual(onA);
  }
}, 120_000);

it('ropoReport asked on both at once: one ingestion, equal reports', async () => {
  const q = `query($from: DateTime!, $to: DateTime!) { ropoReport(from: $from, to: $to, lookbackDays: 20) {
    storePurchases ropoPurchases showroomingPurchases byCategory { category storePurchases ropoPurchases } } }`;
  const vars = { from: '2026-08-20T00:00:00Z', to: '2026-11-20T00:00:00Z' };
  const [x, y] = await Promise.all(replicas.map((r) => gql(r, q, vars)));
  expect(x.errors).toBeUndefined();
  expect(y).toEqual(x);
  expect(x.data.ropoReport.storePurchases).toBeGreaterThan(0);
  const ingestions = logs.flatMap(({ lines }) => lines.filter((l) => l.msg === 'ROPO ingestion done'));
  expect(ingestions).toHaveLength(1);
}, 180_000);

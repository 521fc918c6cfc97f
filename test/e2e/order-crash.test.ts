// Issue 4, second proof: the service killed (SIGKILL) in the middle of placing an order, before
// and after the order's point of no return, then started again on the same database. The
// simulators live in this process and outlive the service; the restart's recovery undoes what the
// order had done before the pivot and finishes what it had left after it, and the same
// idempotency key then answers exactly one order.
import { SYSTEMS, type System } from '../../platform/errors';
import { startSimulators, type SimHandle } from '../../legacy';
import { generateWorld, type Person } from '../../legacy/seed';
import type { Stack } from '../../platform/tools/stack';
import { killChildServices, startChildService, type ChildService } from './child-service';
import { dump, gql, SEED, setFaults, simStats, until, stackDatabaseUrl } from './harness';

const seed = { seed: Number(SEED.SIM_SEED), scale: Number(SEED.SIM_SCALE), now: new Date(SEED.SIM_NOW) };
const { world, truth } = generateWorld(seed);
const buyer = truth.find((p): p is Person & { loyaltyCard: string } => !!p.eshopAccountId && !!p.loyaltyCard && p.householdId === null)!;
const storeId = world.pos.stores[1].code;
const product = world.eshop.products.find(
  (p) => Number(p.price) >= 20 && world.pos.stock.some((s) => s.store === storeId && s.ean === p.ean && s.qty - s.reserved >= 5),
)!;
const ADDRESS = { street: '3 rue Oberkampf', zip: '75011', city: 'Paris' };
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status total { centAmount } } }`;
const QUOTE = `query($input: QuoteInput!) { quote(input: $input) { total { centAmount } } }`;
const EARN_ROUTE = 'POST /v1/members/:card/transactions';

let sims: Record<System, SimHandle>;
let legacyUrls: Record<System, string>;
/** the harness's helpers, pointed at the simulators: they read no more of a Stack than its URLs */
let legacy: Stack;

beforeAll(async () => {
  sims = (await startSimulators({ seed })) as Record<System, SimHandle>;
  legacyUrls = Object.fromEntries(SYSTEMS.map((s) => [s, sims[s].url])) as Record<System, string>;
  legacy = { legacyUrls } as Stack;
});
afterAll(async () => {
  await killChildServices();
  await Promise.all(Object.values(sims ?? {}).map((s) => s.close()));
});

/** Each test's database, which the service started again finds as the crashed one left it. */
const databases = new Map<string, Promise<string>>();
const databaseNamed = (name: string) => databases.get(name) ?? databases.set(name, stackDatabaseUrl()).get(name)!;

/**
 * The service on database `db`, talking to this process's simulators; legacy calls may wait a
 * minute, so that a hang holds it. A short lease: a killed process's sagas are another's (or its
 * restart's) a few seconds after it died, not the default half-minute; renewed every 1.7 s, so that
 * a busy machine's stall does not hand a living process's saga to its own recovery pass.
 */
const service = async (db: string) =>
  startChildService({
    SAGA_LEASE_S: '5',
    DATABASE_URL: await databaseNamed(db),
    POS_URL: legacyUrls.pos,
    ESHOP_URL: legacyUrls.eshop,
    CRM_URL: legacyUrls.crm,
    LOYALTY_URL: legacyUrls.loyalty,
    ESHOP_TIMEOUT_MS: '60000',
    LOYALTY_TIMEOUT_MS: '60000',
    SAGA_RECOVERY_INTERVAL_S: '1',
  });

/** The same, with the gateway of a running service. */
const reach = (child: ChildService): Stack => ({ ...legacy, gatewayUrl: child.gatewayUrl });

/** Prices the basket once, so that with a system held the order gets past its checks to its first write. */
async function customerAndWarmUp(child: ChildService, lines: { sku: string; quantity: number }[], storeId: string | null) {
  const found = await gql(reach(child), 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: buyer.loyaltyCard });
  const customerId: string = found.data.findCustomers[0].id;
  const quoted = await gql(reach(child), QUOTE, { input: { channel: 'WEB', customerId, lines, storeId } });
  expect(quoted.errors).toBeUndefined();
  return customerId;
}

/** Holds every request the system receives; then lets none of the held ones through (a killed caller's included) and heals. */
const hold = (system: System) => setFaults(legacy, system, { hang: true });
async function heal(system: System) {
  await setFaults(legacy, system, { down: true });
  await setFaults(legacy, system, {});
}
const routeCount = async (system: System, route: string) => ((await simStats(legacy, system)).byRoute[route] ?? 0) as number;

it('undoes after a crash before the point of no return: the reservation released, no e-shop order; the same key then places it once', async () => {
  let child = await service('before-pivot');
  const lines = [{ sku: product.sku, quantity: 2 }];
  const customerId = await customerAndWarmUp(child, lines, storeId);
  const input = {
    channel: 'WEB',
    customerId,
    lines,
    fulfillment: { type: 'STORE_PICKUP', storeId },
    idempotencyKey: `crash-before-pivot-${Date.now()}`,
  };
  const pos = await dump(legacy, 'pos');
  const reservedBefore = pos.stock.find((s: any) => s.store === storeId && s.ean === product.ean).reserved;
  const knownReservations = new Set(pos.reservations.map((r: { id: string }) => r.id));
  const ordersBefore = (await dump(legacy, 'eshop')).orders.length;

  await hold('eshop');
  void gql(reach(child), PLACE, { input }).catch(() => undefined); // its answer dies with the service
  const reservation = await until('the reservation', async () =>
    (await dump(legacy, 'pos')).reservations.find((r: { id: string }) => !knownReservations.has(r.id)),
  );
  expect(reservation).toMatchObject({ store: storeId, status: 'held', lines: [{ ean: product.ean, qty: 2 }] });
  await child.kill();
  await heal('eshop');

  child = await service('before-pivot');
  const released = await until('the release', async () => {
    const now = (await dump(legacy, 'pos')).reservations.find((r: { id: string }) => r.id === reservation.id);
    return now.status !== 'held' && now;
  });
  expect(released.status).toBe('released');
  const posAfter = await dump(legacy, 'pos');
  expect(posAfter.stock.find((s: any) => s.store === storeId && s.ean === product.ean).reserved).toBe(reservedBefore);
  expect((await dump(legacy, 'eshop')).orders.length).toBe(ordersBefore);

  const placed = await gql(reach(child), PLACE, { input });
  expect(placed.errors).toBeUndefined();
  expect(placed.data.placeOrder.status).toBe('READY_FOR_PICKUP');
  const again = await gql(reach(child), PLACE, { input });
  expect(again.data.placeOrder.id).toBe(placed.data.placeOrder.id);
  const orders = (await dump(legacy, 'eshop')).orders;
  expect(orders.length).toBe(ordersBefore + 1);
  expect(orders.at(-1).id).toBe(placed.data.placeOrder.id);
  const mine = (await dump(legacy, 'pos')).reservations.filter((r: { id: string }) => !knownReservations.has(r.id));
  expect(mine.map((r: { status: string }) => r.status)).toEqual(['released', 'held']);
  await child.kill();
}, 180_000);

it('finishes after a crash past the point of no return: the order earns its points once, and the same key answers it', async () => {
  let child = await service('after-pivot');
  const lines = [{ sku: product.sku, quantity: 1 }];
  const customerId = await customerAndWarmUp(child, lines, null);
  const input = {
    channel: 'WEB',
    customerId,
    lines,
    fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS },
    idempotencyKey: `crash-after-pivot-${Date.now()}`,
  };
  const knownOrders = new Set((await dump(legacy, 'eshop')).orders.map((o: { id: string }) => o.id));
  const [creates, earns] = [await routeCount('eshop', 'POST /api/v2/orders'), await routeCount('loyalty', EARN_ROUTE)];

  // held at the e-shop until loyalty holds too, so that the order is created and its points wait
  await hold('eshop');
  void gql(reach(child), PLACE, { input }).catch(() => undefined);
  await until('the e-shop order asked for', async () => (await routeCount('eshop', 'POST /api/v2/orders')) > creates);
  await hold('loyalty');
  await setFaults(legacy, 'eshop', {});
  const order = await until('the e-shop order', async () =>
    (await dump(legacy, 'eshop')).orders.find((o: { id: string }) => !knownOrders.has(o.id)),
  );
  await until('the points asked for', async () => (await routeCount('loyalty', EARN_ROUTE)) > earns);
  await child.kill();
  await heal('loyalty');
  const earnsOf = async () =>
    (await dump(legacy, 'loyalty')).transactions.filter((t: { external_ref: string }) => t.external_ref === order.id);
  expect(await earnsOf()).toEqual([]);

  child = await service('after-pivot');
  const [earn] = await until('the points', async () => (await earnsOf()).length > 0 && earnsOf());
  const again = await gql(reach(child), PLACE, { input });
  expect(again.errors).toBeUndefined();
  expect(again.data.placeOrder.id).toBe(order.id);
  expect(await earnsOf()).toEqual([
    expect.objectContaining({
      type: 'EARN',
      card_number: buyer.loyaltyCard,
      points: Math.floor(again.data.placeOrder.total.centAmount / 100),
    }),
  ]);
  expect(earn.points).toBeGreaterThan(0);
  const orders = (await dump(legacy, 'eshop')).orders.filter((o: { id: string }) => !knownOrders.has(o.id));
  expect(orders.map((o: { id: string; status: string }) => [o.id, o.status])).toEqual([[order.id, 'paid']]);
  await child.kill();
}, 180_000);

it('a replica killed between two steps: the other replica, on the same database, undoes that saga once, within its recovery interval', async () => {
  const [doomed, survivor] = await Promise.all([service('replicas'), service('replicas')]);
  const lines = [{ sku: product.sku, quantity: 1 }];
  const customerId = await customerAndWarmUp(doomed, lines, storeId);
  const input = {
    channel: 'WEB',
    customerId,
    lines,
    fulfillment: { type: 'STORE_PICKUP', storeId },
    idempotencyKey: `crash-replica-${Date.now()}`,
  };
  const knownReservations = new Set((await dump(legacy, 'pos')).reservations.map((r: { id: string }) => r.id));
  const ordersBefore = (await dump(legacy, 'eshop')).orders.length;
  const RELEASE = 'POST /pos/reservations/:id/release';
  const releases = await routeCount('pos', RELEASE);

  await hold('eshop');
  void gql(reach(doomed), PLACE, { input }).catch(() => undefined);
  const reservation = await until('the reservation', async () =>
    (await dump(legacy, 'pos')).reservations.find((r: { id: string }) => !knownReservations.has(r.id)),
  );
  // the survivor, asked the same key meanwhile, does not take over a saga its replica still holds
  const meanwhile = await gql(reach(survivor), PLACE, { input });
  expect(meanwhile.errors?.[0].extensions?.code).toBe('CONFLICT');
  await doomed.kill();
  await heal('eshop');

  const released = await until('the release', async () => {
    const now = (await dump(legacy, 'pos')).reservations.find((r: { id: string }) => r.id === reservation.id);
    return now.status !== 'held' && now;
  });
  expect(released.status).toBe('released');
  expect((await dump(legacy, 'eshop')).orders.length).toBe(ordersBefore);
  const placed = await gql(reach(survivor), PLACE, { input });
  expect(placed.errors).toBeUndefined();
  expect(await routeCount('pos', RELEASE)).toBe(releases + 1);
  await survivor.kill();
}, 180_000);

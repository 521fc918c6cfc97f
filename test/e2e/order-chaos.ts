// The fault-injection proof of the order workflows, shared by its test and its benchmark. With
// every legacy system failing a share of its calls at random, clients place, cancel, collect and
// return orders through the gateway, each retrying with the same idempotency key while the
// answer says the failure was not theirs, as a real client would. Then the faults are cleared,
// the recovery timer finishes or undoes whatever was left unfinished, a client that gave up asks
// once more with its key (the contract's "retry with the same key"), and every legacy system is
// read back and reconciled with what the clients were told.
import { setTimeout as sleep } from 'node:timers/promises';
import { Faker, base } from '@faker-js/faker';
import { openDatabase } from '../../platform/db';
import type { Person } from '../../legacy/seed';
import { SagaStore } from '../../domain/orders/saga/store';
import { clientKey, collectKey } from '../../domain/orders/keys';
import type { Stack } from '../../platform/tools/stack';
import { dump, gql, seeded, setFaults, startTestStack, SYSTEM_LIST, stackDatabaseUrl } from './harness';
import { reconcile, type Dumps, type Line, type PlacedOrder, type Reconciliation, type Told } from './reconcile';

export interface ChaosOptions {
  /** placeOrder requests (some of them deliberately bad); cancels, collects and returns follow some */
  orders: number;
  /** requests in flight at once */
  concurrency: number;
  /** attempts of one operation, with the same key, while the answer is SYSTEM_UNAVAILABLE or INTERNAL */
  attempts: number;
  /** share of every legacy system's business calls that fail */
  errorRate: number;
  /** the workload's random choices */
  seed: number;
}

const KINDS = [
  'placeWeb',
  'placePhone',
  'placePickup',
  'placeStoreSale',
  'cancel',
  'collect',
  'return',
  'unknownSku',
  'zeroQuantity',
  'unknownStore',
] as const;
type Kind = (typeof KINDS)[number];

export interface ChaosReport {
  /** final outcome of each operation by kind: ok, or the error code it ended with */
  outcomes: Record<Kind, Record<string, number>>;
  /** attempts beyond the first, all operations together */
  retries: number;
  /** operations whose client gave up under the faults and asked again once they were cleared */
  askedAgain: number;
  /** sagas left for an operator, by kind */
  parked: Record<string, number>;
  reconciliation: Reconciliation;
}

const TRANSIENT = new Set(['SYSTEM_UNAVAILABLE', 'INTERNAL']);
/** What a client asks again with the same key: a failure not its own, or a request still running (a `retryable` CONFLICT). */
const worthAskingAgain = (error: { extensions?: Record<string, unknown> }) =>
  TRANSIENT.has(String(error.extensions?.code)) || error.extensions?.retryable === true;
const BAD: Kind[] = ['unknownSku', 'zeroQuantity', 'unknownStore'];
/** a valid request may be refused for this alone: concurrent pickups empty a shelf */
const EXPECTED_REFUSALS = new Set(['INSUFFICIENT_STOCK']);
/**
 * A write that nothing can undo or look for (a return, a hand-over), whose call failed as it may
 * after its effect (a 5xx), is never done again: its saga is parked for an operator, its client
 * told CONFLICT. Each such answer must have its parked saga (by its key); no other may be parked.
 */
const PARKED_IN_DOUBT: Partial<Record<Kind, (variables: Request['variables']) => string>> = {
  return: (v) => clientKey((v.input as { idempotencyKey: string }).idempotencyKey),
  collect: (v) => collectKey(v.id as string),
};
export const ADDRESS = { street: '1 rue de Rivoli', zip: '75001', city: 'Paris' };
const ORDER_FIELDS = 'id status total { centAmount }';
export const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER_FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $key: String!) { cancelOrder(id: $id, idempotencyKey: $key) { ${ORDER_FIELDS} } }`;
const COLLECT = `mutation($id: ID!) { collectOrder(id: $id) { ${ORDER_FIELDS} } }`;
const RETURN = `mutation($input: ReturnOrderInput!) { returnOrder(input: $input) { id refund { centAmount } loyaltyPointsReversed } }`;

const { world, truth } = seeded();
const eanOf = new Map(world.eshop.products.map((p) => [p.sku, p.ean]));
const skuOf = new Map(world.eshop.products.map((p) => [p.ean, p.sku]));

/**
 * The stack the proof runs on: its database named, so that its sagas' progress can be watched, and
 * recovery every second. `count` replicas: the others on its database and simulators.
 */
export async function startChaosStack(
  env: Record<string, string> = {},
  count = 1,
): Promise<{ stack: Stack; replicas: Stack[]; databaseUrl: string; close(): Promise<void> }> {
  const databaseUrl = await stackDatabaseUrl(env);
  const settings = { DATABASE_URL: databaseUrl, SAGA_RECOVERY_INTERVAL_S: '1', ...env };
  const stack = await startTestStack(settings);
  const legacy = Object.fromEntries(SYSTEM_LIST.map((s) => [`${s.toUpperCase()}_URL`, stack.legacyUrls[s]]));
  const replicas = [stack];
  for (let i = 1; i < count; i++) replicas.push(await startTestStack({ ...settings, ...legacy }));
  return { stack, replicas, databaseUrl, close: async () => void (await Promise.all(replicas.map((r) => r.close()))) };
}

interface Request {
  kind: Kind;
  query: string;
  variables: Record<string, unknown>;
}

interface Answer {
  data?: any;
  /** the error code the operation ended with */
  code?: string;
  /** that error says to ask again later */
  again?: boolean;
}

export interface Shopper {
  customerId: string;
  card: string;
}

/** Products every chosen store holds plenty of, dear enough to earn points after any promotion. */
function stockedProducts(stores: string[], n: number): string[] {
  const plenty = (store: string) => new Set(world.pos.stock.filter((s) => s.store === store && s.qty - s.reserved >= 20).map((s) => s.ean));
  const everywhere = stores.map(plenty).reduce((a, b) => new Set([...a].filter((e) => b.has(e))));
  return world.eshop.products
    .filter((p) => everywhere.has(p.ean) && Number(p.price) >= 20)
    .slice(0, n)
    .map((p) => p.sku);
}

/** People with an e-shop account and a loyalty card, as the graph links them. */
async function findShoppers(stack: Stack, n: number): Promise<Shopper[]> {
  const shoppers: Shopper[] = [];
  const candidates = truth.filter(
    (p): p is Person & { loyaltyCard: string } => !!p.eshopAccountId && !!p.loyaltyCard && p.householdId === null,
  );
  for (const p of candidates) {
    const { data } = await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id identities { system } } }', {
      c: p.loyaltyCard,
    });
    const [customer] = data.findCustomers;
    const systems = customer.identities.map((i: { system: string }) => i.system);
    if (systems.includes('ESHOP') && systems.includes('LOYALTY')) shoppers.push({ customerId: customer.id, card: p.loyaltyCard });
    if (shoppers.length === n) return shoppers;
  }
  throw new Error(`only ${shoppers.length} shoppers found`);
}

async function dumpAll(stack: Stack): Promise<Dumps> {
  const dumps = await Promise.all(SYSTEM_LIST.map((s) => dump(stack, s)));
  return Object.fromEntries(SYSTEM_LIST.map((s, i) => [s, dumps[i]])) as Dumps;
}

/** Runs `work` over the items, `concurrency` at a time. */
async function inPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Reads the stack's saga records through a connection of its own to the stack's database. */
export async function readSagas<T>(databaseUrl: string, read: (sagas: SagaStore) => Promise<T>): Promise<T> {
  const db = openDatabase(databaseUrl);
  try {
    return await read(await SagaStore.open(db));
  } finally {
    await db.close();
  }
}

/** Waits for the recovery timer to leave no saga unfinished. */
async function recovered(databaseUrl: string, timeoutMs = 60_000): Promise<void> {
  const unfinished = () => readSagas(databaseUrl, async (sagas) => (await sagas.unfinished()).map((o) => `${o.kind} ${o.key} ${o.status}`));
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(250)) {
    if ((await unfinished()).length === 0) return;
  }
  throw new Error(`sagas still unfinished: ${(await unfinished()).join('; ')}`);
}

/** Who buys what where: three stores, products all of them stock well, customers the graph can sell to. */
export async function chaosFixtures(stack: Stack): Promise<{ stores: string[]; skus: string[]; shoppers: Shopper[] }> {
  const stores = world.pos.stores.slice(0, 3).map((s) => s.code);
  return { stores, skus: stockedProducts(stores, 8), shoppers: await findShoppers(stack, 8) };
}

/** `replicas`: the gateways asked, each request (and each retry) the next one's; the stack's own by default. */
export async function runOrderChaos(stack: Stack, databaseUrl: string, options: ChaosOptions, replicas = [stack]): Promise<ChaosReport> {
  let turn = 0;
  const next = () => replicas[turn++ % replicas.length];
  const faker = new Faker({ locale: base, seed: options.seed });
  const { stores, skus, shoppers } = await chaosFixtures(stack);
  const runId = `${Date.now().toString(36)}-${options.seed}`;
  let serial = 0;
  const newKey = () => `chaos-${runId}-${++serial}`;

  const outcomes = {} as ChaosReport['outcomes'];
  let retries = 0;
  const gaveUp: { request: Request; settle: (answer: Answer) => unknown }[] = [];
  const told: Told = { placed: [], cancelled: [], collected: [], returned: [] };
  /** the keys of the operations whose client was told they wait for an operator */
  const toldParked: string[] = [];

  async function ask(request: Request, attempts = options.attempts): Promise<Answer> {
    for (let attempt = 1; ; attempt++) {
      const { data, errors } = await gql(next(), request.query, request.variables);
      if (!errors || !worthAskingAgain(errors[0]) || attempt === attempts) {
        retries += attempt - 1;
        return errors ? { code: errors[0].extensions?.code, again: worthAskingAgain(errors[0]) } : { data };
      }
    }
  }

  const record = (kind: Kind, answer: Answer) => {
    const byOutcome = (outcomes[kind] ??= {});
    const outcome = answer.code ?? 'ok';
    byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
  };

  /** Asks, and settles the final answer; one that gave up is asked again after the faults (and answers undefined now). */
  async function operate<T>(request: Request, settle: (answer: Answer) => T): Promise<T | undefined> {
    const answer = await ask(request);
    if (!answer.again) return settle(answer);
    gaveUp.push({ request, settle });
  }

  function basket(): { sku: string; quantity: number }[] {
    return faker.helpers.arrayElements(skus, { min: 1, max: 2 }).map((sku) => ({ sku, quantity: faker.number.int({ min: 1, max: 2 }) }));
  }

  function placeRequest(kind: Kind, shopper: Shopper, storeId: string): Request {
    const lines = basket();
    const fulfillment = {
      placeWeb: { type: 'HOME_DELIVERY', address: ADDRESS },
      placePhone: { type: 'HOME_DELIVERY', address: ADDRESS },
      placePickup: { type: 'STORE_PICKUP', storeId },
      placeStoreSale: { type: 'HOME_DELIVERY', storeId, address: ADDRESS },
      unknownSku: { type: 'HOME_DELIVERY', address: ADDRESS },
      zeroQuantity: { type: 'HOME_DELIVERY', address: ADDRESS },
      unknownStore: { type: 'STORE_PICKUP', storeId: 'ST999' },
    }[kind as Exclude<Kind, 'cancel' | 'collect' | 'return'>];
    const channel = kind === 'placePhone' ? 'CALL_CENTER' : kind === 'placeStoreSale' ? 'STORE' : 'WEB';
    if (kind === 'unknownSku') lines[0].sku = 'SKU-999999';
    if (kind === 'zeroQuantity') lines[0].quantity = 0;
    return {
      kind,
      query: PLACE,
      variables: { input: { channel, customerId: shopper.customerId, lines, fulfillment, idempotencyKey: newKey() } },
    };
  }

  function followUp(order: PlacedOrder): Request | null {
    const choices: Record<PlacedOrder['kind'], (Kind | null)[]> = {
      web: ['cancel', 'return', null],
      phone: ['cancel', 'return', null],
      pickup: ['cancel', 'collect', null],
      storeSale: ['return', null],
    };
    const kind = faker.helpers.arrayElement(choices[order.kind]);
    if (kind === 'cancel') return { kind, query: CANCEL, variables: { id: order.orderId, key: newKey() } };
    if (kind === 'collect') return { kind, query: COLLECT, variables: { id: order.orderId } };
    if (kind === 'return') {
      const input = {
        orderId: order.orderId,
        lines: [{ sku: skuOf.get(order.lines[0].ean)!, quantity: 1 }],
        storeId: faker.helpers.arrayElement(stores),
        idempotencyKey: newKey(),
      };
      return { kind, query: RETURN, variables: { input } };
    }
    return null;
  }

  const PLACED_KIND: Partial<Record<Kind, PlacedOrder['kind']>> = {
    placeWeb: 'web',
    placePhone: 'phone',
    placePickup: 'pickup',
    placeStoreSale: 'storeSale',
  };

  function settleFollowUp(request: Request, answer: Answer): void {
    record(request.kind, answer);
    const keyOf = PARKED_IN_DOUBT[request.kind];
    if (keyOf && answer.code === 'CONFLICT') toldParked.push(keyOf(request.variables));
    if (!answer.data) return;
    if (request.kind === 'cancel') told.cancelled.push(request.variables.id as string);
    if (request.kind === 'collect') told.collected.push(request.variables.id as string);
    if (request.kind === 'return') {
      const input = request.variables.input as {
        orderId: string;
        storeId: string;
        lines: { sku: string; quantity: number }[];
        idempotencyKey: string;
      };
      const r = answer.data.returnOrder;
      told.returned.push({
        key: input.idempotencyKey,
        orderId: input.orderId,
        returnId: r.id,
        storeId: input.storeId,
        lines: toLines(input.lines),
        refundCents: r.refund.centAmount,
        pointsReversed: r.loyaltyPointsReversed,
      });
    }
  }

  /** One customer's story: an order, and maybe what follows it at once (cancel, collect, return). */
  async function story(kind: Kind): Promise<void> {
    const shopper = faker.helpers.arrayElement(shoppers);
    const request = placeRequest(kind, shopper, faker.helpers.arrayElement(stores));
    const order = await operate(request, (answer): PlacedOrder | null => {
      record(kind, answer);
      const placedKind = PLACED_KIND[kind];
      if (!answer.data || !placedKind) return null;
      const input = request.variables.input as {
        lines: { sku: string; quantity: number }[];
        fulfillment: { storeId?: string };
        idempotencyKey: string;
      };
      const placed = {
        key: input.idempotencyKey,
        orderId: answer.data.placeOrder.id,
        kind: placedKind,
        storeId: input.fulfillment.storeId ?? null,
        lines: toLines(input.lines),
        totalCents: answer.data.placeOrder.total.centAmount,
        card: shopper.card,
      };
      told.placed.push(placed);
      return placed;
    });
    const next = order && followUp(order);
    if (next) await operate(next, (answer) => settleFollowUp(next, answer));
  }

  const stories = Array.from({ length: options.orders }, (_, i): Kind =>
    i % 10 === 9
      ? BAD[Math.floor(i / 10) % BAD.length]
      : faker.helpers.arrayElement<Kind>(['placeWeb', 'placePhone', 'placePickup', 'placeStoreSale']),
  );

  const before = await dumpAll(stack);
  await Promise.all(SYSTEM_LIST.map((s) => setFaults(stack, s, { error_rate: options.errorRate })));
  try {
    await inPool(stories, options.concurrency, story);
  } finally {
    await Promise.all(SYSTEM_LIST.map((s) => setFaults(stack, s, {})));
  }
  await recovered(databaseUrl);
  for (const { request, settle } of gaveUp) settle(await ask(request));
  await recovered(databaseUrl);

  const reconciliation = reconcile(before, await dumpAll(stack), told);
  const parkedOps = await readSagas(databaseUrl, (sagas) => sagas.needingAttention());
  const parked: Record<string, number> = {};
  for (const op of parkedOps) parked[op.kind] = (parked[op.kind] ?? 0) + 1;
  for (const [kind, byOutcome] of Object.entries(outcomes)) {
    const valid = !BAD.includes(kind as Kind);
    for (const code of Object.keys(byOutcome)) {
      if (code === 'CONFLICT' && PARKED_IN_DOUBT[kind as Kind]) continue; // checked by key below
      if (valid ? code !== 'ok' && !EXPECTED_REFUSALS.has(code) : code !== 'BAD_USER_INPUT') {
        reconciliation.violations.push(`${byOutcome[code]} ${kind} answered ${code}`);
      }
    }
  }
  const parkedKeys = new Set(parkedOps.map((op) => op.key));
  for (const key of toldParked) if (!parkedKeys.has(key)) reconciliation.violations.push(`${key} told CONFLICT, not parked`);
  for (const op of parkedOps) {
    if (!toldParked.includes(op.key)) reconciliation.violations.push(`${op.kind} ${op.key} parked, its client not told so`);
  }
  return { outcomes, retries, askedAgain: gaveUp.length, parked, reconciliation };
}

function toLines(lines: { sku: string; quantity: number }[]): Line[] {
  return lines.map((l) => ({ ean: eanOf.get(l.sku)!, qty: l.quantity }));
}

export function formatReport(options: ChaosOptions, report: ChaosReport, elapsedMs: number): string {
  const { outcomes, retries, askedAgain, parked, reconciliation } = report;
  const total = Object.values(outcomes).reduce((n, o) => n + Object.values(o).reduce((a, b) => a + b, 0), 0);
  return [
    `${total} operations (${options.orders} orders, concurrency ${options.concurrency}, up to ${options.attempts} attempts, error rate ${options.errorRate}) in ${(elapsedMs / 1000).toFixed(1)} s`,
    ...KINDS.filter((kind) => outcomes[kind]).map(
      (kind) =>
        `  ${kind.padEnd(15)} ${Object.entries(outcomes[kind])
          .map(([k, n]) => `${k}=${n}`)
          .join(' ')}`,
    ),
    `retries with the same key: ${retries}; asked again after the faults: ${askedAgain}`,
    `parked for an operator (a return or hand-over that may have been done): ${
      Object.entries(parked)
        .map(([k, n]) => `${k}=${n}`)
        .join(' ') || 'none'
    }`,
    `legacy records checked: ${Object.entries(reconciliation.checked)
      .map(([k, n]) => `${k}=${n}`)
      .join(' ')}`,
    `violations: ${reconciliation.violations.length}`,
    ...reconciliation.violations.map((v) => `  ${v}`),
  ].join('\n');
}

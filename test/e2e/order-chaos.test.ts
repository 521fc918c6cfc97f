// Issue 4, first proof: orders of every channel placed, cancelled, collected and returned while
// every legacy system fails a fifth of its calls; once the faults are gone and recovery has run,
// each legacy system holds exactly what the graph accepted, once, and nothing of what it refused.
import { clientKey } from '../../domain/orders/keys';
import { until } from '../until';
import { dump, gql, setFaults } from './harness';
import { ADDRESS, chaosFixtures, PLACE, readSagas, runOrderChaos, startChaosStack } from './order-chaos';

type ChaosStack = Awaited<ReturnType<typeof startChaosStack>>;

describe('with every legacy system failing 20% of its calls', () => {
  let chaos: ChaosStack;
  beforeAll(async () => {
    chaos = await startChaosStack();
  });
  afterAll(() => chaos?.close());

  it('loses nothing and does nothing twice', async () => {
    const report = await runOrderChaos(chaos.stack, chaos.databaseUrl, {
      orders: 160,
      concurrency: 6,
      attempts: 6,
      errorRate: 0.2,
      seed: 4,
    });

    expect(report.reconciliation.violations).toEqual([]);
    // the faults bit, and every kind of operation still got through
    expect(report.retries).toBeGreaterThan(0);
    const kinds = ['placeWeb', 'placePhone', 'placePickup', 'placeStoreSale', 'cancel', 'collect', 'return'] as const;
    expect(kinds.filter((kind) => !report.outcomes[kind]?.ok)).toEqual([]);
    for (const kind of ['unknownSku', 'zeroQuantity', 'unknownStore'] as const)
      expect(report.outcomes[kind]).toEqual({ BAD_USER_INPUT: expect.any(Number) });
  }, 180_000);
});

describe('undoing a call whose answer was lost', () => {
  // No recovery timer: the undo waits until this test asks again with the same key.
  let chaos: ChaosStack;
  beforeAll(async () => {
    chaos = await startChaosStack({ SAGA_RECOVERY_INTERVAL_S: '3600' });
  });
  afterAll(() => chaos?.close());

  it('never cancels another order of the same basket for the one a failed e-shop call may have made', async () => {
    const { stack, databaseUrl } = chaos;
    const { skus, shoppers } = await chaosFixtures(stack);
    const input = (idempotencyKey: string) => ({
      channel: 'WEB',
      customerId: shoppers[0].customerId,
      lines: [{ sku: skus[0], quantity: 1 }],
      fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS },
      idempotencyKey,
    });
    const lostKey = `lost-call-${Date.now()}`;
    // priced once, so that with the e-shop failing the request still gets as far as creating the order
    expect((await gql(stack, PLACE, { input: input(`warm-up-${Date.now()}`) })).errors).toBeUndefined();

    await setFaults(stack, 'eshop', { error_rate: 1 });
    let failed;
    try {
      failed = await gql(stack, PLACE, { input: input(lostKey) });
    } finally {
      await setFaults(stack, 'eshop', {});
    }
    expect(failed.errors?.[0].extensions?.code).toBe('SYSTEM_UNAVAILABLE');
    // its order may exist (the call's answer was lost) and could not be looked for: the undo waits
    expect(await readSagas(databaseUrl, async (sagas) => (await sagas.get(clientKey(lostKey)))?.status)).toBe('compensating');

    const second = await gql(stack, PLACE, { input: input(`same-basket-${Date.now()}`) });
    expect(second.errors).toBeUndefined();
    // the same key again: the undo runs first, then the order is placed
    const retried = await gql(stack, PLACE, { input: input(lostKey) });
    expect(retried.errors).toBeUndefined();
    const { orders } = await dump(stack, 'eshop');
    const statusOf = (id: string) => orders.find((o: { id: string }) => o.id === id).status;
    expect([statusOf(second.data.placeOrder.id), statusOf(retried.data.placeOrder.id)]).toEqual(['paid', 'paid']);
  });
});

describe('a write whose answer was lost: the silo made it after the gateway stopped waiting', () => {
  // A silo slower than the gateway's deadline does the work after the gateway stopped waiting for
  // its answer. Recovery runs every second (every SAGA_RECOVERY_INTERVAL_S in production).
  const DEADLINE_MS = 2_000;
  let chaos: ChaosStack;
  beforeAll(async () => {
    chaos = await startChaosStack({
      ESHOP_TIMEOUT_MS: String(DEADLINE_MS),
      POS_TIMEOUT_MS: String(DEADLINE_MS),
      // what a call left without an answer asked is looked for this long after: the silo makes it DEADLINE_MS after that
      LEGACY_LATE_WRITE_S: String((DEADLINE_MS * 2.5) / 1000),
    });
  });
  afterAll(() => chaos?.close());

  /** Runs `work` with `system` answering `path` only after the gateway's deadline, until the silo did the work. */
  async function answerLost<T>(system: 'eshop' | 'pos', path: string, work: () => Promise<T>, done: () => Promise<boolean>): Promise<T> {
    await setFaults(chaos.stack, system, { latency_ms: DEADLINE_MS * 2, path });
    try {
      const answer = await work();
      await until(`${system} to have done ${path}`, async () => done());
      return answer;
    } finally {
      await setFaults(chaos.stack, system, {});
    }
  }

  async function placed(delivery: object) {
    const { skus, shoppers } = await chaosFixtures(chaos.stack);
    const input = {
      channel: 'WEB',
      customerId: shoppers[1].customerId,
      lines: [{ sku: skus[1], quantity: 2 }],
      fulfillment: delivery,
      idempotencyKey: `order-${Date.now()}`,
    };
    const { data, errors } = await gql(chaos.stack, PLACE, { input });
    expect(errors).toBeUndefined();
    return { orderId: data.placeOrder.id as string, sku: skus[1] };
  }

  const CANCEL = `mutation($id: ID!, $key: String!) { cancelOrder(id: $id, idempotencyKey: $key) { id status } }`;
  const waitsForOperator = { code: 'CONFLICT', message: expect.stringMatching(/waits for an operator/) };
  const told = ({ errors }: { errors?: { message: string; extensions?: object }[] }) => ({
    ...errors?.[0].extensions,
    message: errors?.[0].message,
  });

  it('never refunds a return twice: its key, and any other on its order, answers that it may have been made, until an operator finds it made', async () => {
    const { stack } = chaos;
    const { orderId, sku } = await placed({ type: 'HOME_DELIVERY', address: ADDRESS });
    const RETURN = `mutation($input: ReturnOrderInput!) { returnOrder(input: $input) { id refund { centAmount } } }`;
    const storeId = (await chaosFixtures(stack)).stores[0];
    const input = (idempotencyKey: string) => ({ orderId, storeId, lines: [{ sku, quantity: 1 }], idempotencyKey });
    const key = `return-${Date.now()}`;
    const returnsOf = async () => (await dump(stack, 'eshop')).returns.filter((r: { order_id: string }) => r.order_id === orderId);
    const first = await answerLost(
      'eshop',
      `/api/v2/orders/${orderId}/returns`,
      () => gql(stack, RETURN, { input: input(key) }),
      async () => (await returnsOf()).length > 0,
    );
    expect(told(first)).toEqual({ ...waitsForOperator, message: expect.stringMatching(/step eshopReturn may have been done/) });
    expect(told(await gql(stack, RETURN, { input: input(key) }))).toEqual(told(first));
    // a clerk who tries again under another key, or cancels the rest
    expect(told(await gql(stack, RETURN, { input: input(`${key}-again`) }))).toEqual(waitsForOperator);
    expect(told(await gql(stack, CANCEL, { id: orderId, key: `cancel-${key}` }))).toEqual(waitsForOperator);
    expect(await returnsOf()).toHaveLength(1);
    const parked = await gql(stack, '{ sagasNeedingAttention { id step order { id } } }');
    expect(parked.data.sagasNeedingAttention).toContainEqual({ id: `client:${key}`, step: 'eshopReturn', order: { id: orderId } });

    // the operator finds it in the e-shop and settles it with what the e-shop's record says: the key answers it
    const [made] = await returnsOf();
    const SETTLE = `mutation($id: ID!, $made: MadeReturnInput) { settleParkedSaga(id: $id, found: DONE, made: $made) }`;
    const id = `client:${key}`;
    const refund = Math.round(Number(made.refund) * 100);
    expect((await gql(stack, SETTLE, { id })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT'); // made it, but which?
    expect(await gql(stack, SETTLE, { id, made: { returnId: made.return_id, refund } })).toEqual({ data: { settleParkedSaga: id } });
    await until('the return recorded', async () => !(await gql(stack, RETURN, { input: input(key) })).errors);
    expect((await gql(stack, RETURN, { input: input(key) })).data.returnOrder).toEqual({
      id: made.return_id,
      refund: { centAmount: refund },
    });
    const listed = await gql(stack, 'query($id: ID!) { order(id: $id) { returns { id refund { centAmount } } } }', { id: orderId });
    expect(listed.data.order.returns).toEqual([{ id: made.return_id, refund: { centAmount: refund } }]);
    // the steps after it ran: the POS took the goods back, refunding nothing (the e-shop did)
    const takenBack = (await dump(stack, 'pos')).returns.filter((r: { ref: string }) => r.ref === orderId);
    expect(takenBack).toEqual([expect.objectContaining({ refund_cents: 0 })]);
    expect(await returnsOf()).toHaveLength(1);
  });

  it('gives a return an operator found not made back to its key: sent again, it refunds once', async () => {
    const { stack } = chaos;
    const { orderId, sku } = await placed({ type: 'HOME_DELIVERY', address: ADDRESS });
    const RETURN = `mutation($input: ReturnOrderInput!) { returnOrder(input: $input) { refund { centAmount } } }`;
    const SETTLE = `mutation($id: ID!) { settleParkedSaga(id: $id, found: NOT_DONE) }`;
    const input = {
      orderId,
      storeId: (await chaosFixtures(stack)).stores[0],
      lines: [{ sku, quantity: 1 }],
      idempotencyKey: `return-${Date.now()}`,
    };
    // the e-shop fails the call before doing anything: the gateway cannot know that
    await setFaults(stack, 'eshop', { error_rate: 1, path: `/api/v2/orders/${orderId}/returns` });
    try {
      expect(told(await gql(stack, RETURN, { input }))).toEqual(waitsForOperator);
    } finally {
      await setFaults(stack, 'eshop', {});
    }
    const id = `client:${input.idempotencyKey}`;
    expect((await gql(stack, SETTLE, { id }, { as: 'agent' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await gql(stack, SETTLE, { id })).toEqual({ data: { settleParkedSaga: id } });
    const again = await gql(stack, RETURN, { input });
    expect(again.errors).toBeUndefined();
    const returns = (await dump(stack, 'eshop')).returns.filter((r: { order_id: string }) => r.order_id === orderId);
    expect(returns.map((r: { refund: string }) => Math.round(Number(r.refund) * 100))).toEqual([again.data.returnOrder.refund.centAmount]);
    expect((await gql(stack, SETTLE, { id })).errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('never hands a pickup over twice: the POS wrote its receipt, the order waits for an operator, who finds it made', async () => {
    const { stack } = chaos;
    const storeId = (await chaosFixtures(stack)).stores[0];
    const { orderId } = await placed({ type: 'STORE_PICKUP', storeId });
    const COLLECT = `mutation($id: ID!) { collectOrder(id: $id) { id status } }`;
    const reservationId = (await readSagas(chaos.databaseUrl, (sagas) => sagas.orderFacts(orderId)))!.reservationId;
    const handOvers = async () => {
      const pos = await dump(stack, 'pos');
      const { ref } = pos.reservations.find((r: { id: string }) => r.id === reservationId);
      return pos.receipts.filter((r: { ref: string | null }) => r.ref === ref);
    };
    const first = await answerLost(
      'pos',
      `/pos/reservations/${reservationId}/collect`,
      () => gql(stack, COLLECT, { id: orderId }),
      async () => (await handOvers()).length > 0,
    );
    expect(told(first)).toEqual({ ...waitsForOperator, message: expect.stringMatching(/step collectReservation may have been done/) });
    expect(told(await gql(stack, COLLECT, { id: orderId }))).toEqual(told(first));
    // cancelled now, the goods handed over would be refunded
    expect(told(await gql(stack, CANCEL, { id: orderId, key: `cancel-${Date.now()}` }))).toEqual(waitsForOperator);
    expect(await handOvers()).toHaveLength(1);
    expect((await dump(stack, 'eshop')).orders.find((o: { id: string }) => o.id === orderId).status).not.toBe('cancelled');
    // the clerk finds the receipt at the till, an operator settles it: the order is collected with it, its hand-over answered
    const SETTLE = `mutation($id: ID!) { settleParkedSaga(id: $id, found: DONE) }`;
    expect(await gql(stack, SETTLE, { id: `collect:${orderId}` })).toEqual({ data: { settleParkedSaga: `collect:${orderId}` } });
    expect(told(await gql(stack, CANCEL, { id: orderId, key: `cancel-${Date.now()}` }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/collected/),
    });
    expect((await gql(stack, COLLECT, { id: orderId })).data).toEqual({ collectOrder: { id: orderId, status: 'COMPLETED' } });
    expect(await handOvers()).toHaveLength(1);
  });

  it('takes back a store sale the POS made after the gateway stopped waiting: looked for once it can have landed, never left standing', async () => {
    const { stack, databaseUrl } = chaos;
    const { skus, shoppers, stores } = await chaosFixtures(stack);
    const idempotencyKey = `sale-${Date.now()}`;
    const input = {
      channel: 'STORE',
      customerId: shoppers[2].customerId,
      lines: [{ sku: skus[2], quantity: 1 }],
      fulfillment: { type: 'HOME_DELIVERY', storeId: stores[0], address: ADDRESS },
      idempotencyKey,
    };
    const before = new Set((await dump(stack, 'pos')).receipts.map((r: { id: string }) => r.id));
    const newSales = async () => (await dump(stack, 'pos')).receipts.filter((r: { id: string }) => !before.has(r.id));
    const answer = await answerLost(
      'pos',
      '/pos/sales',
      () => gql(stack, PLACE, { input }),
      async () => (await newSales()).length > 0,
    );
    expect(answer.errors?.[0].extensions?.code).toBe('SYSTEM_UNAVAILABLE');
    const [sale] = await newSales();
    const takenBack = async () => (await dump(stack, 'pos')).returns.filter((r: { ref: string }) => r.ref === sale.id);
    await until('the placeOrder undone', () =>
      readSagas(databaseUrl, async (sagas) => (await sagas.get(clientKey(idempotencyKey)))?.status === 'failed'),
    );
    expect(await takenBack()).toHaveLength(1);
    const { data } = await gql(stack, 'query($id: ID!) { order(id: $id) { status } }', { id: sale.id });
    expect(data.order.status).toBe('CANCELLED');
  });

  it('finishes a cancel the e-shop made without answering, with no request asking again: the goods released, the points taken back', async () => {
    const { stack } = chaos;
    const storeId = (await chaosFixtures(stack)).stores[0];
    const { orderId } = await placed({ type: 'STORE_PICKUP', storeId });
    const key = `cancel-${Date.now()}`;
    const statusOf = async () => (await dump(stack, 'eshop')).orders.find((o: { id: string }) => o.id === orderId).status;
    const first = await answerLost(
      'eshop',
      `/api/v2/orders/${orderId}/cancel`,
      () => gql(stack, CANCEL, { id: orderId, key }),
      async () => (await statusOf()) === 'cancelled',
    );
    expect(first.errors?.[0].extensions).toMatchObject({ code: 'SYSTEM_UNAVAILABLE', system: 'eshop' });
    // meanwhile the goods are not handed over: told to retry while the cancel is settled, or that it is cancelled
    const collect = await gql(stack, `mutation($id: ID!) { collectOrder(id: $id) { id } }`, { id: orderId });
    expect(collect.errors?.[0].extensions?.code).toBe('CONFLICT');

    // the recovery pass runs the cancel again, finds it done, and goes on
    await until('the cancel settled', () =>
      readSagas(chaos.databaseUrl, async (sagas) => (await sagas.get(`client:${key}`))?.status === 'succeeded'),
    );
    const [pos, loyalty] = await Promise.all([dump(stack, 'pos'), dump(stack, 'loyalty')]);
    const facts = await readSagas(chaos.databaseUrl, (sagas) => sagas.orderFacts(orderId));
    expect(pos.reservations.find((r: { id: string }) => r.id === facts?.reservationId)?.status).toBe('released');
    const refs = (ref: string) => loyalty.transactions.filter((t: { external_ref: string }) => t.external_ref === ref);
    expect(refs(orderId)).toHaveLength(1);
    expect(refs(`${orderId}:cancel`)).toEqual([expect.objectContaining({ type: 'ADJUST', points: -refs(orderId)[0].points })]);
    // and its key answers what it did
    expect((await gql(stack, CANCEL, { id: orderId, key })).data?.cancelOrder.status).toBe('CANCELLED');
  });
});

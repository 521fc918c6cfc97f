import type { GraphQLError } from 'graphql';
import { SAGA_MIGRATIONS, SagaStore } from '../../../../domain/orders/saga/store';
import { migrate } from '../../../../platform/db';
import { voidInDoubt } from '../../../../domain/orders/placeOrder';
import { freshDb } from '../../../databases';
import { until } from '../../../until';

const lease = { owner: 'replica-a', ms: 30_000 };
const refusal = { code: 'CONFLICT', message: 'refused', extensions: {} };

it('a restarted operation counts its refusals afresh: the attempt before cannot park it early', async () => {
  const sagas = await SagaStore.open(await freshDb());
  await sagas.begin('key-1', 'placeOrder', 'hash', {}, lease);
  expect(await sagas.refused('key-1', 'earn points', refusal)).toBe(1);
  expect(await sagas.refused('key-1', 'earn points', refusal)).toBe(2);
  await sagas.finish('key-1', 'failed', { error: refusal });

  expect(await sagas.restart('key-1', {}, lease)).toBe(true);
  expect(await sagas.refused('key-1', 'earn points', refusal)).toBe(1);
});

it('counts for /metrics the operations parked, and those with a step in doubt that runs again until its system answers', async () => {
  const sagas = await SagaStore.open(await freshDb());
  const counts = async () => [await sagas.parkedCount(), await sagas.inDoubtCount()];
  await sagas.begin('client:cancel', 'cancelOrder', 'h', {}, lease);
  await sagas.begin('client:return', 'returnWebOrder', 'h', {}, lease);
  expect(await counts()).toEqual([0, 0]); // running
  await sagas.release('client:cancel', { code: 'SYSTEM_UNAVAILABLE', message: 'timeout', extensions: {} });
  await sagas.finish('client:return', 'parked', { error: refusal });
  expect(await counts()).toEqual([1, 1]);
  expect(await sagas.claim('client:cancel', lease)).not.toBeNull(); // run again: still in doubt until it ends
  expect(await counts()).toEqual([1, 1]);
  await sagas.finish('client:cancel', 'succeeded', { result: {} });
  expect(await counts()).toEqual([1, 0]);
});

describe('what holds an order back from another operation', () => {
  const order = { orderId: 'W-2026-000123' };

  it('an operator first: a hand-over parked in doubt, though a cancel of the order is still being settled', async () => {
    const sagas = await SagaStore.open(await freshDb());
    expect(await sagas.heldBy(order.orderId)).toBeNull();
    await sagas.begin('client:cancel', 'cancelOrder', 'h', order, lease);
    expect(await sagas.heldBy(order.orderId)).toBe('recovery');
    await sagas.begin('collect:W-2026-000123', 'collectOrder', 'h', order, lease);
    await sagas.finish('collect:W-2026-000123', 'parked', { error: refusal });
    expect(await sagas.heldBy(order.orderId)).toBe('operator');
    expect(await sagas.heldBy('W-2026-000999')).toBeNull();
  });

  it('nothing once the parked operation is settled, nor one parked past its point of no return (it stands)', async () => {
    const sagas = await SagaStore.open(await freshDb());
    await sagas.begin('client:return', 'returnWebOrder', 'h', order, lease);
    await sagas.finish('client:return', 'parked', { error: refusal });
    expect(await sagas.settleParked('client:return', 'failed')).toBe(true);
    expect(await sagas.settleParked('client:return', 'failed')).toBe(false);
    await sagas.begin('client:cancel', 'cancelOrder', 'h', order, lease);
    await sagas.finish('client:cancel', 'parked', { result: order });
    expect(await sagas.heldBy(order.orderId)).toBeNull();
  });
});

describe('a step an operator found made, settled with what it made', () => {
  const order = { orderId: 'W-2026-000123' };
  const taken = (key: string, returnId: string) => ({
    kind: 'return' as const,
    state: { ...order, key, returnId, refundCents: 1250 },
    key,
    taken: {
      returnId,
      orderId: order.orderId,
      storeId: 'ST001',
      lines: [{ sku: 'SKU-1', quantity: 1 }],
      refundCents: 1250,
      pointsReversed: 12,
    },
    orderedUnits: 2,
    result: { returnId },
  });

  it('records the return with it and stores the answer; the order then shows it, and nothing holds it', async () => {
    const sagas = await SagaStore.open(await freshDb());
    await sagas.begin('client:r-1', 'returnWebOrder', 'h', order, lease);
    await sagas.finish('client:r-1', 'parked', { error: refusal });
    expect(await sagas.settleParked('client:r-1', 'finishing', taken('r-1', 'R-000001'))).toBe(true);
    expect(await sagas.get('client:r-1')).toMatchObject({
      status: 'finishing',
      result: { returnId: 'R-000001' },
      state: { returnId: 'R-000001' },
    });
    expect((await sagas.returnsOfMany([order.orderId])).get(order.orderId)).toEqual([expect.objectContaining({ returnId: 'R-000001' })]);
    expect(await sagas.heldBy(order.orderId)).toBeNull();
  });

  it('refuses a return recorded already for another request, writing nothing: the operation stays parked', async () => {
    const sagas = await SagaStore.open(await freshDb());
    await sagas.recordReturn('r-earlier', taken('r-earlier', 'R-000001').taken, 2);
    await sagas.begin('client:r-2', 'returnWebOrder', 'h', order, lease);
    await sagas.finish('client:r-2', 'parked', { error: refusal });
    await expect(sagas.settleParked('client:r-2', 'finishing', taken('r-2', 'R-000001'))).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(await sagas.get('client:r-2')).toMatchObject({ status: 'parked', result: null });
    expect((await sagas.returnsOfMany([order.orderId])).get(order.orderId)).toHaveLength(1);
  });

  it('refuses a return another request is recording at that very moment: one return id, one request', async () => {
    const db = await freshDb();
    const sagas = await SagaStore.open(db);
    await sagas.begin('client:r-4', 'returnWebOrder', 'h', order, lease);
    await sagas.finish('client:r-4', 'parked', { error: refusal });
    let settling: Promise<unknown> | undefined;
    let settled = false;
    // another operator's settlement of another request, with the same id, written but not committed
    // yet when this one looks for it (and finds nothing)
    await db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO order_returns (key, order_id, units, returned_at, return_id) VALUES ('r-other', $1, 1, '2026-12-02T10:00:00Z', 'R-000009')`,
        [order.orderId],
      );
      settling = sagas.settleParked('client:r-4', 'finishing', taken('r-4', 'R-000009')).finally(() => (settled = true));
      settling.catch(() => undefined);
      await until('the second settlement written or waiting on the first', async () => {
        if (settled) return true;
        const waiting = await db.row<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        return waiting!.n > 0;
      });
    });
    await expect(settling).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await sagas.get('client:r-4')).toMatchObject({ status: 'parked', result: null });
    expect(await db.rows('SELECT key FROM order_returns WHERE return_id = $1', ['R-000009'])).toEqual([{ key: 'r-other' }]);
  });

  it('holds to what its step recorded before its process stopped: settled with the same, or refused', async () => {
    const sagas = await SagaStore.open(await freshDb());
    await sagas.recordReturn('r-3', taken('r-3', 'R-000007').taken, 2); // then the process died before the step was marked done
    await sagas.begin('client:r-3', 'returnWebOrder', 'h', order, lease);
    await sagas.finish('client:r-3', 'parked', { error: refusal });
    await expect(sagas.settleParked('client:r-3', 'finishing', taken('r-3', 'R-000008'))).rejects.toMatchObject({
      message: expect.stringMatching(/recorded already, as R-000007 refunding 1250 cents/),
      extensions: { code: 'CONFLICT' },
    });
    expect(await sagas.settleParked('client:r-3', 'finishing', taken('r-3', 'R-000007'))).toBe(true);
    expect((await sagas.returnsOfMany([order.orderId])).get(order.orderId)).toHaveLength(1);
  });

  it("marks a hand-over's order collected with it, done", async () => {
    const sagas = await SagaStore.open(await freshDb());
    await sagas.begin('collect:W-2026-000123', 'collectOrder', 'h', order, lease);
    await sagas.finish('collect:W-2026-000123', 'parked', { error: refusal });
    const made = { kind: 'handOver' as const, orderId: order.orderId, result: order };
    expect(await sagas.settleParked('collect:W-2026-000123', 'succeeded', made)).toBe(true);
    expect(await sagas.get('collect:W-2026-000123')).toMatchObject({ status: 'succeeded', result: order });
    expect((await sagas.orderFacts(order.orderId))?.collectedAt).not.toBeNull();
    expect(await sagas.settleParked('collect:W-2026-000123', 'succeeded', made)).toBe(false);
  });
});

it('tells an operation that waited too long for another on its order CONFLICT, having done nothing', async () => {
  const sagas = await SagaStore.open(await freshDb(), { orderLockWaitMs: 20 });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  const first = sagas.oneAtATime('W-2026-000001', async () => {
    held = true;
    await gate;
    return 'first';
  });
  await until('the first holding the order', async () => held);
  const work = jest.fn(async () => 'second');
  const second = sagas.oneAtATime('W-2026-000001', work).catch((err: GraphQLError) => err.extensions);
  // worth asking again: the client may retry it as it would an unavailable system
  expect(await second).toEqual({ code: 'CONFLICT', retryable: true });
  expect(work).not.toHaveBeenCalled();
  expect(await sagas.oneAtATime('W-2026-000002', async () => 'another order')).toBe('another order');
  release();
  expect(await first).toBe('first');
});

it('lists the returns of each order asked, oldest first, recorded once however often a return runs', async () => {
  const sagas = await SagaStore.open(await freshDb());
  const taken = (returnId: string, orderId: string, refundCents: number) => ({
    returnId,
    orderId,
    storeId: 'ST001',
    lines: [{ sku: 'SKU-1', quantity: 1 }],
    refundCents,
    pointsReversed: Math.floor(refundCents / 100),
  });
  await sagas.recordReturn('return-a', taken('R-000001', 'W-2026-000001', 1250), 3);
  await sagas.recordReturn('return-b', taken('R-000002', 'W-2026-000001', 990), 3);
  await sagas.recordReturn('return-a', taken('R-000003', 'W-2026-000001', 1250), 3); // the same return run again
  await sagas.recordReturn('return-c', taken('RT-000001', 'ST001-20261101-0001', 500), 1);
  const returns = await sagas.returnsOfMany(['W-2026-000001', 'ST001-20261101-0001', 'W-2026-000009']);
  expect(returns).toEqual(
    new Map([
      ['W-2026-000001', [taken('R-000001', 'W-2026-000001', 1250), taken('R-000002', 'W-2026-000001', 990)]],
      ['ST001-20261101-0001', [taken('RT-000001', 'ST001-20261101-0001', 500)]],
      ['W-2026-000009', []],
    ]),
  );
  expect(await sagas.returnsOf('W-2026-000001')).toEqual({
    lines: [
      { sku: 'SKU-1', quantity: 1 },
      { sku: 'SKU-1', quantity: 1 },
    ],
    refundCents: 2240,
    pointsReversed: 21,
  });
});

describe('the migration that backfills the legacy id and points of the returns recorded before order_returns kept them', () => {
  const saga = (kind: string, key: string, state: object, result: object | null) =>
    `INSERT INTO operations (key, kind, input_hash, status, state, result, created_at, updated_at) VALUES
     ('client:${key}', '${kind}', 'hash', '${result ? 'succeeded' : 'running'}', '${JSON.stringify(state)}',
      ${result ? `'${JSON.stringify(result)}'` : 'NULL'}, '2026-12-01T10:00:00Z', '2026-12-01T10:00:00Z')`;
  const recorded = (key: string, orderId: string, at: string, refundCents: number) =>
    `INSERT INTO order_returns (key, order_id, units, store_id, returned_at, lines, refund_cents)
     VALUES ('${key}', '${orderId}', 1, 'ST001', '${at}', '[{"sku":"SKU-1","quantity":1}]', ${refundCents})`;

  it("takes them from the return saga's answer, or from its state when it has not answered yet", async () => {
    const db = await freshDb();
    // a database written by the migrations before it, as the code of then wrote it
    const backfill = SAGA_MIGRATIONS.findIndex((m) => typeof m === 'string' && m.startsWith('UPDATE order_returns'));
    await migrate(db, 'sagas', SAGA_MIGRATIONS.slice(0, backfill));
    const order = 'W-2026-000001';
    const base = { orderId: order, storeId: 'ST001', lines: [{ sku: 'SKU-1', quantity: 1 }] };
    await db.run(
      saga(
        'returnWebOrder',
        'return-a',
        { ...base, key: 'return-a', returnId: 'R-000001', card: 'C1', earned: 40, refundCents: 1250 },
        {
          ...base,
          returnId: 'R-000001',
          refundCents: 1250,
          pointsReversed: 12,
        },
      ),
    );
    await db.run(recorded('return-a', order, '2026-12-01T10:00:01Z', 1250));
    // interrupted past its point of no return, not finished yet: its state knows the id, the points are those of its refund
    await db.run(
      saga('returnWebOrder', 'return-b', { ...base, key: 'return-b', returnId: 'R-000002', card: 'C1', earned: 5, refundCents: 990 }, null),
    );
    await db.run(recorded('return-b', order, '2026-12-01T10:00:02Z', 990));
    // a store sale's return, no card: no points to take back
    const sale = 'ST001-20261101-0001';
    await db.run(
      saga(
        'returnStoreSale',
        'return-c',
        { ...base, orderId: sale, key: 'return-c', returnId: 'RT-000001', card: null, earned: 0, refundCents: 500 },
        null,
      ),
    );
    await db.run(recorded('return-c', sale, '2026-12-01T10:00:03Z', 500));
    // its saga interrupted before it saved the id: unknown until the saga records the return again
    await db.run(recorded('return-d', sale, '2026-12-01T10:00:04Z', 300));

    const sagas = await SagaStore.open(db);
    const returns = await sagas.returnsOfMany([order, sale]);
    const one = (orderId: string, returnId: string, refundCents: number, pointsReversed: number) => ({
      ...base,
      orderId,
      returnId,
      refundCents,
      pointsReversed,
    });
    expect(returns).toEqual(
      new Map([
        [order, [one(order, 'R-000001', 1250, 12), one(order, 'R-000002', 990, 5)]],
        [sale, [one(sale, 'RT-000001', 500, 0)]],
      ]),
    );
    await sagas.recordReturn('return-d', one(sale, 'RT-000002', 300, 0), 3);
    expect((await sagas.returnsOfMany([sale])).get(sale)).toEqual([one(sale, 'RT-000001', 500, 0), one(sale, 'RT-000002', 300, 0)]);
  });
});

it('names the placeOrder each return undoing a sale was sent for, as order_facts recorded who placed it: its settlement finds it', async () => {
  const db = await freshDb();
  const naming = SAGA_MIGRATIONS.findIndex((m) => typeof m === 'string' && m.startsWith('ALTER TABLE sale_voids ADD COLUMN undoing'));
  await migrate(db, 'sagas', SAGA_MIGRATIONS.slice(0, naming));
  await db.run(`INSERT INTO order_facts (order_id, placed_by) VALUES ('ST001-20261101-0001', 'OG-1'), ('ST001-20261101-0002', NULL)`);
  await db.run(
    `INSERT INTO sale_voids (order_id, sent_at) VALUES ('ST001-20261101-0001', 'x'), ('ST001-20261101-0002', 'x'), ('ST001-20261101-0003', 'x')`,
  );
  // a sale found among the receipts, its return's answer lost: its placeOrder parked on it
  const parkedOn = voidInDoubt('ST001-20261101-0003');
  await db.run(
    `INSERT INTO operations (key, kind, input_hash, status, state, refused_step, refusal, created_at, updated_at)
     VALUES ('client:k', 'placeOrder', 'h', 'parked', $1, 'storeSale', $2, 'x', 'x')`,
    [JSON.stringify({ plan: { ref: 'OG-3' } }), JSON.stringify({ code: 'CONFLICT', message: parkedOn.message, extensions: {} })],
  );
  await SagaStore.open(db);
  expect(await db.rows('SELECT order_id, undoing FROM sale_voids ORDER BY order_id')).toEqual([
    { order_id: 'ST001-20261101-0001', undoing: 'OG-1' },
    { order_id: 'ST001-20261101-0002', undoing: null },
    { order_id: 'ST001-20261101-0003', undoing: 'OG-3' },
  ]);
});

it('names the placeOrder of a return undoing a sale written down before it was named, when its undo sends it again: still in doubt', async () => {
  const db = await freshDb();
  const sagas = await SagaStore.open(db);
  await db.run(`INSERT INTO sale_voids (order_id, sent_at) VALUES ('ST001-20261101-0004', 'x')`);
  expect(await sagas.sendingVoid('ST001-20261101-0004', 'OG-4')).toBe(false);
  expect(await db.rows('SELECT undoing FROM sale_voids')).toEqual([{ undoing: 'OG-4' }]);
});

it('records whose a card-less store sale is, and finds the sales of each owner asked in one query', async () => {
  const sagas = await SagaStore.open(await freshDb());
  const facts = (orderId: string, owner: { system: 'eshop' | 'crm'; externalId: string } | null) => ({
    orderId,
    reservationId: null,
    pickupStore: null,
    orderedUnits: 1,
    deliveryAddress: null,
    priced: null,
    placedBy: `OG-${orderId}`,
    owner,
    pointsEarned: 7,
  });
  const account = { system: 'eshop', externalId: 'A-10001' } as const;
  const contact = { system: 'crm', externalId: 'C-10001' } as const;
  await sagas.recordOrder(facts('ST001-20261125-0001', account));
  await sagas.recordOrder(facts('ST001-20261125-0002', contact));
  await sagas.recordOrder(facts('ST001-20261125-0003', null));
  // another system's record of the same id is another owner
  await sagas.recordOrder(facts('ST001-20261125-0004', { system: 'crm', externalId: 'A-10001' }));

  expect((await sagas.orderFacts('ST001-20261125-0001'))?.owner).toEqual(account);
  expect((await sagas.orderFacts('ST001-20261125-0003'))?.owner).toBeNull();
  expect((await sagas.orderFacts('ST001-20261125-0001'))?.pointsEarned).toBe(7);
  const found = await sagas.salesOwnedBy([account, contact, { system: 'eshop', externalId: 'A-99999' }]);
  expect(found.sort((a, b) => a.orderId.localeCompare(b.orderId))).toEqual([
    { orderId: 'ST001-20261125-0001', owner: account },
    { orderId: 'ST001-20261125-0002', owner: contact },
  ]);
  expect(await sagas.salesOwnedBy([])).toEqual([]);
});

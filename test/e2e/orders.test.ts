// Orders that cross channels, through the gateway, checked against every legacy system's data.
import type { Person } from '../../legacy/seed';
import type { Stack } from '../../platform/tools/stack';
import { dump, gql, seeded, SEED, setFaults, startTestStack, inEverySilo } from './harness';

const { world, truth } = seeded();

const ORDER = `id channel status placedAt total { centAmount } discount { centAmount }
  lines { product { sku } quantity unitPrice { centAmount } lineTotal { centAmount } }
  fulfillment { type store { id } address { street zip city } } loyaltyPointsEarned`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER} } }`;
const QUOTE = `query($input: QuoteInput!) { quote(input: $input) { total { centAmount } loyaltyPointsEarned appliedPromotions { promotion { code } } } }`;
const ADDRESS = { street: '1 rue de Rivoli', zip: '75001', city: 'Paris' };

const buyer = truth.find((p) => inEverySilo(p))!;
const storeId = world.pos.stores[0].code;

let stack: Stack;
let customerId: string;
let seq = 0;
const key = () => `test-key-${Date.now()}-${++seq}`;

/** Products with plenty of stock in the store (reservations succeed), dear enough that promotions leave points to earn. */
function stocked(n: number) {
  const eans = new Set(world.pos.stock.filter((s) => s.store === storeId && s.qty - s.reserved >= 5).map((s) => s.ean));
  return world.eshop.products.filter((p) => eans.has(p.ean) && Number(p.price) >= 40).slice(0, n);
}

async function find(p: Person) {
  const { data } = await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: p.loyaltyCard });
  return data.findCustomers[0].id as string;
}

const earnFor = async (ref: string) => (await dump(stack, 'loyalty')).transactions.filter((t: any) => t.external_ref === ref);

beforeAll(async () => {
  stack = await startTestStack();
  customerId = await find(buyer);
});
afterAll(() => stack.close());

describe('placeOrder', () => {
  it('places a web order priced by the engine, earns its points once, and shows it at once', async () => {
    const lines = stocked(2).map((p) => ({ sku: p.sku, quantity: 2 }));
    const quoted = (await gql(stack, QUOTE, { input: { channel: 'WEB', customerId, lines, promoCodes: ['WELCOME10'] } })).data.quote;
    const codes = quoted.appliedPromotions.flatMap((a: any) => (a.promotion.code ? [a.promotion.code] : []));
    const input = {
      channel: 'WEB',
      customerId,
      lines,
      promoCodes: ['WELCOME10'],
      fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS },
      idempotencyKey: key(),
    };
    const { data, errors } = await gql(stack, PLACE, { input });
    expect(errors).toBeUndefined();
    const order = data.placeOrder;
    expect(order).toMatchObject({ channel: 'WEB', status: 'PAID', fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS } });
    expect(order.total.centAmount).toBe(quoted.total.centAmount);
    expect(order.loyaltyPointsEarned).toBe(quoted.loyaltyPointsEarned);

    const web = (await dump(stack, 'eshop')).orders.filter((o: any) => o.id === order.id);
    expect(web).toHaveLength(1);
    expect(web[0]).toMatchObject({ account_id: buyer.eshopAccountId, origin: 'web', promo_codes: codes });
    expect(await earnFor(order.id)).toEqual([
      expect.objectContaining({ type: 'EARN', points: quoted.loyaltyPointsEarned, channel: 'WEB' }),
    ]);

    const mine = await gql(stack, 'query($id: ID!) { customer(id: $id) { orders(first: 1) { edges { node { id } } } } }', {
      id: customerId,
    });
    expect(mine.data.customer.orders.edges[0].node.id).toBe(order.id);
  });

  it('does nothing twice for the same key, also when both requests arrive at once', async () => {
    const lines = stocked(1).map((p) => ({ sku: p.sku, quantity: 1 }));
    const input = {
      channel: 'CALL_CENTER',
      customerId,
      lines,
      fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS },
      idempotencyKey: key(),
    };
    const before = (await dump(stack, 'eshop')).orders.length;
    const [a, b] = await Promise.all([gql(stack, PLACE, { input }), gql(stack, PLACE, { input })]);
    const c = await gql(stack, PLACE, { input });
    expect(a.errors).toBeUndefined();
    expect(b.data.placeOrder.id).toBe(a.data.placeOrder.id);
    expect(c.data.placeOrder.id).toBe(a.data.placeOrder.id);
    expect(a.data.placeOrder.channel).toBe('CALL_CENTER');
    const orders = (await dump(stack, 'eshop')).orders;
    expect(orders.length).toBe(before + 1);
    expect(orders.find((o: any) => o.id === a.data.placeOrder.id).origin).toBe('phone');
    expect(await earnFor(a.data.placeOrder.id)).toHaveLength(1);

    const other = await gql(stack, PLACE, { input: { ...input, lines: [{ sku: lines[0].sku, quantity: 2 }] } });
    expect(other.errors?.[0].extensions?.code).toBe('CONFLICT');
    // no promo codes, said either way, is the same request
    for (const promoCodes of [[], null]) {
      const same = await gql(stack, PLACE, { input: { ...input, promoCodes } });
      expect([promoCodes, same.errors, same.data?.placeOrder.id]).toEqual([promoCodes, undefined, a.data.placeOrder.id]);
    }
  });

  it('refuses another input sent with the key of a request still running: CONFLICT, one order', async () => {
    const [product] = stocked(1);
    const input = {
      channel: 'WEB',
      customerId,
      lines: [{ sku: product.sku, quantity: 1 }],
      fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS },
      idempotencyKey: key(),
    };
    const before = (await dump(stack, 'eshop')).orders.length;
    const [first, second] = await Promise.all([
      gql(stack, PLACE, { input }),
      gql(stack, PLACE, {
        input: {
          ...input,
          lines: [{ sku: product.sku, quantity: 5 }],
          fulfillment: { type: 'HOME_DELIVERY', address: { ...ADDRESS, street: '2 rue Ailleurs' } },
        },
      }),
    ]);
    // whichever arrives first wins (on a loaded machine, not always the one sent first); the other is refused
    const answers = [first, second];
    expect(answers.filter((a) => a.errors === undefined)).toHaveLength(1);
    expect(answers.filter((a) => a.errors !== undefined)).toEqual([
      { data: null, errors: [expect.objectContaining({ extensions: { code: 'CONFLICT' } })] },
    ]);
    expect((await dump(stack, 'eshop')).orders.length).toBe(before + 1);
  });

  it('reserves click-and-collect goods in the store, then hands them over, and the journey shows both', async () => {
    // a product the store runs a promotion of its own on: the pickup gets it, as the quote for that store shows
    const eans = new Set(stocked(Infinity).map((p) => p.ean));
    const promotion = world.pos.promotions.find(
      (p) => p.store === storeId && p.ean && eans.has(p.ean) && p.from < SEED.SIM_NOW && p.to > '2026-12',
    )!;
    const product = world.eshop.products.find((p) => p.ean === promotion.ean)!;
    const stockOf = async () => (await dump(stack, 'pos')).stock.find((s: any) => s.store === storeId && s.ean === product.ean);
    const held = (await stockOf()).reserved;
    const lines = [{ sku: product.sku, quantity: 2 }];
    const quote = async (store?: string) =>
      (await gql(stack, QUOTE, { input: { channel: 'WEB', storeId: store, customerId, lines } })).data.quote;
    const [quoted, homeDelivered] = [await quote(storeId), await quote()];
    expect(quoted.total.centAmount).toBeLessThan(homeDelivered.total.centAmount);
    const input = { channel: 'WEB', customerId, lines, fulfillment: { type: 'STORE_PICKUP', storeId }, idempotencyKey: key() };
    const { data, errors } = await gql(stack, PLACE, { input });
    expect(errors).toBeUndefined();
    expect(data.placeOrder.total).toEqual(quoted.total);
    expect(data.placeOrder).toMatchObject({ status: 'READY_FOR_PICKUP', fulfillment: { type: 'STORE_PICKUP', store: { id: storeId } } });
    expect((await stockOf()).reserved).toBe(held + 2);
    const web = (await dump(stack, 'eshop')).orders.find((o: any) => o.id === data.placeOrder.id);
    expect(web.shipping).toMatchObject({ method: 'store_pickup', store_code: storeId.slice(2) });

    // a client's key that looks like the one the project names the hand-over with takes nothing from it
    const lookalike = await gql(stack, PLACE, {
      input: { ...input, fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS }, idempotencyKey: `collect:${data.placeOrder.id}` },
    });
    expect(lookalike.errors).toBeUndefined();

    // goods still held for pickup are not the customer's to bring back: nothing refunded, nothing back in stock
    const RETURN = `mutation($i: ReturnOrderInput!) { returnOrder(input: $i) { id order { status } } }`;
    const giveBack = () =>
      gql(stack, RETURN, {
        i: { orderId: data.placeOrder.id, storeId, lines: [{ sku: product.sku, quantity: 1 }], idempotencyKey: key() },
      });
    const stockBefore = await stockOf();
    const early = await giveBack();
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await stockOf()).toEqual(stockBefore);
    expect((await dump(stack, 'eshop')).returns.filter((r: any) => r.order_id === data.placeOrder.id)).toEqual([]);

    const collect = `mutation($id: ID!) { collectOrder(id: $id) { id status } }`;
    const collected = await gql(stack, collect, { id: data.placeOrder.id });
    expect(collected.errors).toBeUndefined();
    expect(collected.data.collectOrder.status).toBe('COMPLETED');
    expect((await stockOf()).reserved).toBe(held);
    const again = await gql(stack, collect, { id: data.placeOrder.id });
    expect(again.data.collectOrder.status).toBe('COMPLETED');
    // the receipt the POS wrote for the hand-over is not a second sale to refund: the web order is returned
    const handOver = (await dump(stack, 'pos')).receipts.filter((r: any) => r.ref !== null && r.store === storeId).at(-1);
    const refunded = await gql(stack, RETURN, {
      i: { orderId: handOver.id, storeId, lines: [{ sku: product.sku, quantity: 2 }], idempotencyKey: key() },
    });
    expect(refunded.errors?.[0].extensions?.code).toBe('CONFLICT');
    // collected, they are
    const returned = await giveBack();
    expect(returned.errors).toBeUndefined();
    expect(returned.data.returnOrder.order.status).toBe('PARTIALLY_RETURNED');
    const shown = await gql(stack, 'query($id: ID!) { order(id: $id) { channel fulfillment { type store { id } } } }', { id: handOver.id });
    expect(shown.data.order).toEqual({ channel: 'STORE', fulfillment: { type: 'STORE_PICKUP', store: { id: storeId } } });
    const cancel = await gql(stack, 'mutation($id: ID!, $k: String!) { cancelOrder(id: $id, idempotencyKey: $k) { id } }', {
      id: data.placeOrder.id,
      k: key(),
    });
    expect(cancel.errors?.[0].extensions?.code).toBe('CONFLICT');
    const reservations = (await dump(stack, 'pos')).reservations.filter((r: any) => r.status === 'collected');
    expect(reservations).toHaveLength(1);

    // the customer's journey holds the hand-over and the return (the orders subgraph's, asked in-process
    // by the insights subgraph), newest first, each cursor naming its time as the wire writes it
    const journey = await gql(
      stack,
      'query($id: ID!) { customer(id: $id) { id journey(first: 100) { edges { cursor node { kind at } } } } }',
      {
        id: customerId,
      },
    );
    expect(journey.errors).toBeUndefined();
    const edges: { cursor: string; node: { kind: string; at: string } }[] = journey.data.customer.journey.edges;
    const byKind = (kind: string) => edges.filter((e) => e.node.kind === kind);
    expect(byKind('PICKUP')).toHaveLength(1);
    expect(byKind('RETURN')).toHaveLength(1);
    for (const { cursor, node } of [...byKind('PICKUP'), ...byKind('RETURN')]) {
      expect(node.at).toBe(new Date(node.at).toISOString());
      expect(Buffer.from(cursor, 'base64').toString()).toContain(node.at);
    }
    const times = edges.map((e) => e.node.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('says INSUFFICIENT_STOCK with the store and the missing lines, and writes nothing', async () => {
    const empty = world.pos.stock.find((s) => s.store === storeId && s.qty - s.reserved === 0)!;
    const sku = world.eshop.products.find((p) => p.ean === empty.ean)!.sku;
    const before = { eshop: (await dump(stack, 'eshop')).orders.length, pos: (await dump(stack, 'pos')).reservations.length };
    const { errors } = await gql(stack, PLACE, {
      input: {
        channel: 'WEB',
        customerId,
        lines: [{ sku, quantity: 1 }],
        fulfillment: { type: 'STORE_PICKUP', storeId },
        idempotencyKey: key(),
      },
    });
    expect(errors?.[0].extensions).toMatchObject({ code: 'INSUFFICIENT_STOCK', storeId, lines: [{ sku, requested: 1, available: 0 }] });
    expect((await dump(stack, 'eshop')).orders.length).toBe(before.eshop);
    expect((await dump(stack, 'pos')).reservations.length).toBe(before.pos);
  });

  it('sells in store and ships home: a POS sale, with the points of a store purchase', async () => {
    const lines = stocked(2).map((p) => ({ sku: p.sku, quantity: 3 }));
    const { data, errors } = await gql(stack, PLACE, {
      input: {
        channel: 'STORE',
        customerId,
        lines,
        promoCodes: ['WELCOME10'],
        fulfillment: { type: 'HOME_DELIVERY', storeId, address: ADDRESS },
        idempotencyKey: key(),
      },
    });
    expect(errors).toBeUndefined();
    const order = data.placeOrder;
    expect(order).toMatchObject({
      channel: 'STORE',
      status: 'PAID', // until it ships, which the POS does not say
      fulfillment: { type: 'HOME_DELIVERY', store: { id: storeId }, address: ADDRESS },
    });
    const read = await gql(stack, `query($id: ID!) { order(id: $id) { fulfillment { address { street zip city } } } }`, { id: order.id });
    expect(read.data.order.fulfillment.address).toEqual(ADDRESS);
    const receipt = (await dump(stack, 'pos')).receipts.find((r: any) => r.id === order.id);
    expect(receipt).toMatchObject({ deliver: 'home', store: storeId, total_cents: order.total.centAmount });
    expect(receipt.card.replace(/\s/g, '')).toBe(buyer.loyaltyCard);
    expect(await earnFor(order.id)).toEqual([
      expect.objectContaining({ channel: 'STORE', points: Math.floor(order.total.centAmount / 100) }),
    ]);
  });

  it("sells in store and ships home to a customer without a card: the receipt names no one, the sale is still the customer's", async () => {
    // someone the e-shop knows, with no loyalty card: the POS writes the sale with no card
    const cardless = truth.find((p) => p.eshopAccountId && !p.loyaltyCard && p.householdId === null)!;
    const account = world.eshop.accounts.find((a) => a.id === cardless.eshopAccountId)!;
    const found = await gql(stack, 'query($e: String) { findCustomers(email: $e) { id } }', { e: account.email });
    const theirs: string = found.data.findCustomers[0].id;
    const { data, errors } = await gql(stack, PLACE, {
      input: {
        channel: 'STORE',
        customerId: theirs,
        lines: [{ sku: stocked(1)[0].sku, quantity: 1 }],
        fulfillment: { type: 'HOME_DELIVERY', storeId, address: ADDRESS },
        idempotencyKey: key(),
      },
    });
    expect(errors).toBeUndefined();
    const orderId: string = data.placeOrder.id;
    const receipt = (await dump(stack, 'pos')).receipts.find((r: any) => r.id === orderId);
    expect(receipt).toMatchObject({ deliver: 'home', store: storeId, card: null });

    const ORDERS = `query($id: ID!, $channel: Channel) { customer(id: $id) { orders(first: 50, channel: $channel) { edges { node { id } } } } }`;
    const listed = async (channel: string | null, as?: { role: 'customer'; sub: string }) => {
      const answer = await gql(stack, ORDERS, { id: theirs, channel }, { as });
      expect(answer.errors).toBeUndefined();
      return answer.data.customer.orders.edges.map((e: { node: { id: string } }) => e.node.id) as string[];
    };
    for (const channel of [null, 'STORE']) expect((await listed(channel)).filter((id) => id === orderId)).toEqual([orderId]);
    expect(await listed('WEB')).not.toContain(orderId);

    const READ = `query($id: ID!) { order(id: $id) { id placedBy { system externalId } customer { id } } }`;
    const expected = { id: orderId, placedBy: { system: 'ESHOP', externalId: account.id }, customer: { id: theirs } };
    const read = await gql(stack, READ, { id: orderId });
    expect(read.errors).toBeUndefined();
    expect(read.data.order).toEqual(expected);
    // the customer's own token reads it, and finds it among its orders
    const own = await gql(stack, READ, { id: orderId }, { as: { role: 'customer', sub: theirs } });
    expect(own.errors).toBeUndefined();
    expect(own.data.order).toEqual(expected);
    expect(await listed(null, { role: 'customer', sub: theirs })).toContain(orderId);
    // and no other customer's token does
    const other = await gql(stack, READ, { id: orderId }, { as: { role: 'customer', sub: customerId } });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('sells a product given on several lines as one line of all its units, at the price of its quote', async () => {
    const half = world.pos.promotions.find((p) => p.store === storeId && p.kind === 'second_half_price' && p.ean && p.to > '2026-12')!;
    const sku = world.eshop.products.find((p) => p.ean === half.ean)!.sku;
    const lines = (...quantities: number[]) => quantities.map((quantity) => ({ sku, quantity }));
    const quoted = (await gql(stack, QUOTE, { input: { channel: 'STORE', storeId, customerId, lines: lines(2) } })).data.quote;
    const { data, errors } = await gql(stack, PLACE, {
      input: {
        channel: 'STORE',
        customerId,
        lines: lines(1, 1),
        fulfillment: { type: 'HOME_DELIVERY', storeId, address: ADDRESS },
        idempotencyKey: key(),
      },
    });
    expect(errors).toBeUndefined();
    expect(data.placeOrder).toMatchObject({ total: quoted.total, lines: [{ product: { sku }, quantity: 2 }] });
    // as the silos hold it: the POS sold both units, for less than two at the e-shop's list price
    const receipt = (await dump(stack, 'pos')).receipts.find((r: any) => r.id === data.placeOrder.id);
    expect(receipt.lines.filter((l: any) => l.ean === half.ean).reduce((n: number, l: any) => n + l.qty, 0)).toBe(2);
    expect(receipt.total_cents).toBe(data.placeOrder.total.centAmount);
    const list = Math.round(Number(world.eshop.products.find((p) => p.sku === sku)!.price) * 100);
    expect(receipt.total_cents).toBeLessThan(2 * list);
  });

  it.each([
    { system: 'eshop', path: '/api/v2/orders/W', channel: 'WEB', fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS } },
    { system: 'pos', path: '/pos/receipts/', channel: 'STORE', fulfillment: { type: 'HOME_DELIVERY', storeId, address: ADDRESS } },
  ] as const)(
    'answers the order it placed when $system fails to read it back: the order as it is read later, not an error',
    async ({ system, path, channel, fulfillment }) => {
      const input = { channel, customerId, lines: [{ sku: stocked(1)[0].sku, quantity: 1 }], fulfillment, idempotencyKey: key() };
      // the order's own look-up fails, its creation does not
      await setFaults(stack, system, { down: true, path });
      const placed = await gql(stack, PLACE, { input }).finally(() => setFaults(stack, system, {}));
      expect(placed.errors).toBeUndefined();
      const read = await gql(stack, `query($id: ID!) { order(id: $id) { ${ORDER} } }`, { id: placed.data.placeOrder.id });
      expect(read.errors).toBeUndefined();
      expect(placed.data.placeOrder).toEqual(read.data.order);
    },
  );

  it('refuses bad input with its code and changes nothing', async () => {
    const sku = stocked(1)[0].sku;
    const base = { channel: 'WEB', customerId, lines: [{ sku, quantity: 1 }], fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS } };
    const cases: [unknown, string][] = [
      [{ ...base, lines: [{ sku: 'SKU-999999', quantity: 1 }] }, 'BAD_USER_INPUT'],
      [{ ...base, lines: [{ sku, quantity: 0 }] }, 'BAD_USER_INPUT'],
      [{ ...base, lines: [{ sku, quantity: 1000 }] }, 'BAD_USER_INPUT'],
      [
        {
          ...base,
          lines: [
            { sku, quantity: 60 },
            { sku, quantity: 60 },
          ],
        },
        'BAD_USER_INPUT',
      ],
      [{ ...base, fulfillment: { type: 'HOME_DELIVERY', storeId: 'x'.repeat(300), address: ADDRESS } }, 'BAD_USER_INPUT'],
      [{ ...base, fulfillment: { type: 'HOME_DELIVERY', address: { ...ADDRESS, street: '1 rue X\u007f\r\n' } } }, 'BAD_USER_INPUT'],
      [{ ...base, fulfillment: { type: 'HOME_DELIVERY', address: { ...ADDRESS, city: 'P'.repeat(101) } } }, 'BAD_USER_INPUT'],
      [{ ...base, fulfillment: { type: 'STORE_PICKUP', storeId: 'ST999' } }, 'BAD_USER_INPUT'],
      [{ ...base, fulfillment: { type: 'STORE_PICKUP' } }, 'BAD_USER_INPUT'],
      [{ ...base, fulfillment: { type: 'HOME_DELIVERY' } }, 'BAD_USER_INPUT'],
      [{ ...base, fulfillment: { type: 'IN_STORE', storeId } }, 'BAD_USER_INPUT'],
      [{ ...base, customerId: 'cus_0000000000000000' }, 'NOT_FOUND'],
    ];
    const before = { eshop: (await dump(stack, 'eshop')).orders.length, pos: (await dump(stack, 'pos')).reservations.length };
    for (const [input, code] of cases) {
      const { errors } = await gql(stack, PLACE, { input: { ...(input as object), idempotencyKey: key() } });
      expect(errors?.[0].extensions?.code).toBe(code);
    }
    const short = await gql(stack, PLACE, { input: { ...base, idempotencyKey: 'x' } });
    expect(short.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await dump(stack, 'eshop')).orders.length).toBe(before.eshop);
    expect((await dump(stack, 'pos')).reservations.length).toBe(before.pos);
  });

  it('undoes the reservation when the e-shop fails, and the same key succeeds once it is back', async () => {
    const [product] = stocked(1);
    const input = {
      channel: 'WEB',
      customerId,
      lines: [{ sku: product.sku, quantity: 1 }],
      fulfillment: { type: 'STORE_PICKUP', storeId },
      idempotencyKey: key(),
    };
    const before = (await dump(stack, 'eshop')).orders.length;
    await gql(stack, '{ stores { id } }');
    await setFaults(stack, 'eshop', { error_rate: 1 });
    let failed;
    try {
      failed = await gql(stack, PLACE, { input });
    } finally {
      await setFaults(stack, 'eshop', {});
    }
    expect(failed.errors?.[0].extensions).toMatchObject({ code: 'SYSTEM_UNAVAILABLE', system: 'eshop' });
    const pos = await dump(stack, 'pos');
    const mine = pos.reservations.filter((r: any) => r.store === storeId && r.lines[0]?.ean === product.ean && r.status === 'held');
    expect(mine).toHaveLength(0);
    expect((await dump(stack, 'eshop')).orders.length).toBe(before);

    const retried = await gql(stack, PLACE, { input });
    expect(retried.errors).toBeUndefined();
    expect(retried.data.placeOrder.status).toBe('READY_FOR_PICKUP');
    expect((await dump(stack, 'eshop')).orders.length).toBe(before + 1);
  });
});

describe('after the sale', () => {
  it('takes back a store sale until nothing is left to return, however many keys are used', async () => {
    const [product] = stocked(1);
    const placed = await gql(stack, PLACE, {
      input: {
        channel: 'STORE',
        customerId,
        lines: [{ sku: product.sku, quantity: 3 }],
        fulfillment: { type: 'HOME_DELIVERY', storeId, address: ADDRESS },
        idempotencyKey: key(),
      },
    });
    const orderId = placed.data.placeOrder.id;
    const RETURN = `mutation($i: ReturnOrderInput!) { returnOrder(input: $i) { refund { centAmount } order { status } } }`;
    const giveBack = (quantity: number) =>
      gql(stack, RETURN, { i: { orderId, storeId, lines: [{ sku: product.sku, quantity }], idempotencyKey: key() } });
    const posReturns = async () => (await dump(stack, 'pos')).returns.filter((r: any) => r.ref === orderId).length;

    // two at once, under two keys: one is checked after the other is recorded
    const both = await Promise.all([giveBack(2), giveBack(2)]);
    expect(both.map((r) => r.errors?.[0].extensions?.code ?? r.data.returnOrder.order.status).sort()).toEqual([
      'BAD_USER_INPUT',
      'PARTIALLY_RETURNED',
    ]);
    const again = await giveBack(2);
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].message).toMatch(/1 of .* left to return/);
    const [other] = stocked(2).filter((p) => p.sku !== product.sku);
    const notBought = await gql(stack, RETURN, {
      i: { orderId, storeId, lines: [{ sku: other.sku, quantity: 1 }], idempotencyKey: key() },
    });
    expect(notBought.errors?.[0]).toMatchObject({
      message: `Order ${orderId} has no ${other.sku}`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await posReturns()).toBe(1);
    expect((await giveBack(1)).data.returnOrder.order.status).toBe('RETURNED');
    expect(await posReturns()).toBe(2);
  });

  it('cancels a click-and-collect order: e-shop cancelled, reservation released, points taken back', async () => {
    const [product] = stocked(1);
    const reserved = async () => (await dump(stack, 'pos')).stock.find((s: any) => s.store === storeId && s.ean === product.ean).reserved;
    const heldBefore = await reserved();
    const placed = await gql(stack, PLACE, {
      input: {
        channel: 'WEB',
        customerId,
        lines: [{ sku: product.sku, quantity: 2 }],
        fulfillment: { type: 'STORE_PICKUP', storeId },
        idempotencyKey: key(),
      },
    });
    expect(await reserved()).toBe(heldBefore + 2);
    const id = placed.data.placeOrder.id;
    const cancelKey = key();
    const cancel = `mutation($id: ID!, $k: String!) { cancelOrder(id: $id, idempotencyKey: $k) { id status } }`;
    const { data, errors } = await gql(stack, cancel, { id, k: cancelKey });
    expect(errors).toBeUndefined();
    expect(data.cancelOrder.status).toBe('CANCELLED');
    const again = await gql(stack, cancel, { id, k: cancelKey });
    expect(again.data.cancelOrder.status).toBe('CANCELLED');
    expect(await reserved()).toBe(heldBefore);
    expect((await dump(stack, 'eshop')).orders.find((o: any) => o.id === id).status).toBe('cancelled');
    const ledger = await earnFor(id);
    expect(ledger).toHaveLength(1);
    const reversal = (await dump(stack, 'loyalty')).transactions.filter((t: any) => t.external_ref === `${id}:cancel`);
    expect(reversal).toEqual([expect.objectContaining({ type: 'ADJUST', points: -ledger[0].points })]);
  });

  it('refunds a discounted web order at the prices paid, never more: returned whole, the refunds add up to its total', async () => {
    const lines = stocked(2).map((p) => ({ sku: p.sku, quantity: 3 }));
    const placed = await gql(stack, PLACE, {
      input: {
        channel: 'WEB',
        customerId,
        lines,
        promoCodes: ['WELCOME10'],
        fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS },
        idempotencyKey: key(),
      },
    });
    expect(placed.errors).toBeUndefined();
    const order = placed.data.placeOrder;
    const quoted = (await gql(stack, QUOTE, { input: { channel: 'WEB', customerId, lines, promoCodes: ['WELCOME10'] } })).data.quote;
    expect(quoted.appliedPromotions.length).toBeGreaterThan(0);
    expect(order.total.centAmount).toBe(quoted.total.centAmount);
    const RETURN = `mutation($i: ReturnOrderInput!) { returnOrder(input: $i) { refund { centAmount } } }`;
    const refunds: number[] = [];
    for (const quantity of [1, 2]) {
      for (const { sku } of lines) {
        const { data, errors } = await gql(stack, RETURN, {
          i: { orderId: order.id, storeId, lines: [{ sku, quantity }], idempotencyKey: key() },
        });
        expect(errors).toBeUndefined();
        refunds.push(data.returnOrder.refund.centAmount);
      }
    }
    expect(refunds.reduce((a, b) => a + b, 0)).toBe(order.total.centAmount);
  });

  it('returns part of a web order in a store: e-shop return, goods back in that store, points taken back', async () => {
    const lines = stocked(2).map((p) => ({ sku: p.sku, quantity: 2 }));
    const placed = await gql(stack, PLACE, {
      input: { channel: 'WEB', customerId, lines, fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS }, idempotencyKey: key() },
    });
    const order = placed.data.placeOrder;
    const returnStore = world.pos.stores[3].code;
    const ean = world.eshop.products.find((p) => p.sku === lines[0].sku)!.ean;
    const stockBefore = (await dump(stack, 'pos')).stock.find((s: any) => s.store === returnStore && s.ean === ean)?.qty ?? 0;
    const ret = await gql(
      stack,
      `mutation($input: ReturnOrderInput!) { returnOrder(input: $input) { id refund { centAmount } loyaltyPointsReversed store { id } lines { product { sku } quantity } order { id status } } }`,
      { input: { orderId: order.id, lines: [{ sku: lines[0].sku, quantity: 1 }], storeId: returnStore, idempotencyKey: key() } },
    );
    expect(ret.errors).toBeUndefined();
    const r = ret.data.returnOrder;
    expect(r.id).toMatch(/^R-/);
    expect(r.order).toEqual({ id: order.id, status: 'PARTIALLY_RETURNED' });
    // what was paid for it: its list price less its share of the order's discount (legacy-systems.md)
    const web = (await dump(stack, 'eshop')).orders.find((o: any) => o.id === order.id);
    const cents = (d: string) => Math.round(Number(d) * 100);
    const subtotal = web.lines.reduce((n: number, l: any) => n + l.qty * cents(l.unit_price), 0);
    const unit = cents(web.lines[0].unit_price);
    const share = (cents(web.discount) * unit) / subtotal;
    const rounded = share % 1 === 0.5 ? 2 * Math.round(share / 2) : Math.round(share);
    expect(r.refund.centAmount).toBe(unit - rounded);
    const pos = await dump(stack, 'pos');
    expect(pos.returns.filter((x: any) => x.ref === order.id)).toHaveLength(1);
    expect(pos.stock.find((s: any) => s.store === returnStore && s.ean === ean).qty).toBe(stockBefore + 1);
    const reversed = (await dump(stack, 'loyalty')).transactions.filter((t: any) => t.external_ref?.startsWith(`${order.id}:return:`));
    expect(reversed).toEqual([expect.objectContaining({ type: 'ADJUST', points: -r.loyaltyPointsReversed })]);

    const tooMany = await gql(stack, `mutation($input: ReturnOrderInput!) { returnOrder(input: $input) { id } }`, {
      input: { orderId: order.id, lines: [{ sku: lines[0].sku, quantity: 5 }], storeId: returnStore, idempotencyKey: key() },
    });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // what is partly returned is no longer cancelled whole
    const cancel = await gql(
      stack,
      'mutation($id: ID!, $k: String!) { cancelOrder(id: $id, idempotencyKey: $k) { id } }',
      { id: order.id, k: key() },
      { as: 'agent' },
    );
    expect(cancel.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

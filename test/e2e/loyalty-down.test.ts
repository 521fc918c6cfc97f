// The loyalty platform down: a known customer is still quoted and sold to at the prices that do not
// depend on their tier, with one SYSTEM_UNAVAILABLE naming loyalty per field, however many orders
// or lines the field is asked for; the order's points are earned once loyalty is back.
import type { Stack } from '../../platform/tools/stack';
import { dump, gql, inEverySilo, seeded, setFaults, startTestStack, until, type GraphQLResponse } from './harness';

const { world, truth } = seeded();
const now = () => new Date().toISOString();

/** A member in every silo with several web orders. */
const member = truth.find((p) => inEverySilo(p) && world.eshop.orders.filter((o) => o.account_id === p.eshopAccountId).length >= 3)!;
const lines = world.eshop.products.slice(10, 13).map((p, i) => ({ sku: p.sku, quantity: i + 1 }));
const ADDRESS = { street: '8 rue de la Paix', zip: '75002', city: 'Paris' };

const listCents = (sku: string) => Math.round(Number(world.eshop.products.find((p) => p.sku === sku)!.price) * 100);
/** n / d rounded half to even, in whole cents */
const halfEven = (n: number, d: number) => {
  const q = Math.floor(n / d);
  const r = n - q * d;
  return 2 * r > d || (2 * r === d && q % 2 === 1) ? q + 1 : q;
};

/** What the basket costs with WELCOME10 and nothing of loyalty, from the e-shop's own data: 10 % off each line. */
function expectedWithoutLoyalty(eshop: { promotions: { code: string; kind: string; value: string }[] }) {
  const welcome = eshop.promotions.find((p) => p.code === 'WELCOME10')!;
  expect(welcome).toMatchObject({ kind: 'percent' });
  const totals = lines.map((l) => listCents(l.sku) * l.quantity);
  const discounts = totals.map((t) => halfEven(t * Number(welcome.value), 100));
  const subtotal = totals.reduce((a, b) => a + b, 0);
  const discount = discounts.reduce((a, b) => a + b, 0);
  return { subtotal, discount, total: subtotal - discount };
}

const outages = (r: GraphQLResponse) => (r.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.system]);

let stack: Stack;
let customerId: string;
const basket = () => ({ channel: 'WEB', customerId, lines, promoCodes: ['WELCOME10'] });

beforeAll(async () => {
  stack = await startTestStack({ SAGA_RECOVERY_INTERVAL_S: '1', LEGACY_BREAKER_RESET_MS: '200' });
  const found = await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: member.loyaltyCard });
  customerId = found.data.findCustomers[0].id;
  await setFaults(stack, 'loyalty', { down: true });
});
afterAll(() => stack.close());

it('quotes a known customer at the prices that do not depend on loyalty, with one error naming loyalty', async () => {
  const answer = await gql(
    stack,
    `query($input: QuoteInput!) { quote(input: $input) {
      appliedPromotions { promotion { id source } } subtotal { centAmount } discount { centAmount } total { centAmount } loyaltyPointsEarned } }`,
    { input: basket() },
  );
  const expected = expectedWithoutLoyalty(await dump(stack, 'eshop'));
  expect(answer.data.quote).toEqual({
    appliedPromotions: [{ promotion: { id: 'eshop:WELCOME10', source: 'eshop' } }],
    subtotal: { centAmount: expected.subtotal },
    discount: { centAmount: expected.discount },
    total: { centAmount: expected.total },
    loyaltyPointsEarned: Math.floor(expected.total / 100),
  });
  expect(outages(answer)).toEqual([['quote', 'SYSTEM_UNAVAILABLE', 'loyalty']]);
});

it('reports the outage once per field of the customer view, not once per order or line', async () => {
  const answer = await gql(
    stack,
    `query($id: ID!) { customer(id: $id) {
      id loyalty { tier } offers(channel: WEB) { id source }
      orders(first: 5, channel: WEB) { edges { node { id loyaltyPointsEarned
        lines { product { sku offer(channel: WEB, customerId: $id) { price { centAmount } } } } } } } } }`,
    { id: customerId },
  );
  const { customer } = answer.data;
  const orders = customer.orders.edges.map((e: any) => e.node);
  expect(orders.length).toBeGreaterThanOrEqual(3);
  expect(customer.loyalty).toBeNull();
  // no store and no code: nothing but loyalty could lower a list price, so each line's offer is its list price
  for (const order of orders) {
    expect(order.loyaltyPointsEarned).toBeNull();
    for (const { product } of order.lines) expect(product.offer).toEqual({ price: { centAmount: listCents(product.sku) } });
  }
  // entitled: the e-shop's codes live today, no loyalty offer
  const at = now();
  const live = (await dump(stack, 'eshop')).promotions
    .filter((p: any) => p.starts_at <= at && at < p.ends_at)
    .map((p: any) => `eshop:${p.code}`);
  expect(customer.offers.filter((p: any) => p.source !== 'crm').map((p: any) => p.id)).toEqual(live);
  const where = (path: string | undefined) => path?.replace(/\.\d+\./g, '.#.');
  expect(
    outages(answer)
      .map(([path, ...rest]) => [where(path), ...rest])
      .sort(),
  ).toEqual([
    ['customer.loyalty', 'SYSTEM_UNAVAILABLE', 'loyalty'],
    ['customer.offers', 'SYSTEM_UNAVAILABLE', 'loyalty'],
    ['customer.orders.edges.#.node.lines.#.product.offer', 'SYSTEM_UNAVAILABLE', 'loyalty'],
    ['customer.orders.edges.#.node.loyaltyPointsEarned', 'SYSTEM_UNAVAILABLE', 'loyalty'],
  ]);
});

it('sells to a known customer at those prices, and earns the points once loyalty is back', async () => {
  const { data, errors } = await gql(
    stack,
    'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id status total { centAmount } } }',
    { input: { ...basket(), fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS }, idempotencyKey: `loyalty-down-${Date.now()}` } },
  );
  expect(errors).toBeUndefined();
  const expected = expectedWithoutLoyalty(await dump(stack, 'eshop'));
  expect(data.placeOrder).toMatchObject({ status: 'PAID', total: { centAmount: expected.total } });
  const placed = (await dump(stack, 'eshop')).orders.find((o: any) => o.id === data.placeOrder.id);
  expect(placed).toMatchObject({ account_id: member.eshopAccountId, total: (expected.total / 100).toFixed(2) });

  await setFaults(stack, 'loyalty', {});
  const earned = await until('the points', async () => {
    const found = (await dump(stack, 'loyalty')).transactions.filter((t: any) => t.external_ref === data.placeOrder.id);
    return found.length > 0 && found;
  });
  expect(earned).toEqual([
    expect.objectContaining({ card_number: member.loyaltyCard, type: 'EARN', points: Math.floor(expected.total / 100) }),
  ]);
});

it("takes a card holder's return and cancel while loyalty is down, and their points back once it is back", async () => {
  await setFaults(stack, 'loyalty', {});
  const place = async () => {
    const { data, errors } = await gql(
      stack,
      'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id total { centAmount } } }',
      {
        input: {
          ...basket(),
          fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS },
          idempotencyKey: `loyalty-back-${now()}-${Math.random()}`,
        },
      },
    );
    expect(errors).toBeUndefined();
    return data.placeOrder as { id: string; total: { centAmount: number } };
  };
  const [returned, cancelled] = [await place(), await place()];
  const ledger = async (ref: (r: string) => boolean) =>
    (await dump(stack, 'loyalty')).transactions.filter((t: any) => ref(t.external_ref ?? ''));
  const [earned] = await until('the points of the returned order', async () => {
    const found = await ledger((r) => r === returned.id);
    return found.length > 0 && found;
  });

  await setFaults(stack, 'loyalty', { down: true });
  const ret = await gql(
    stack,
    'mutation($i: ReturnOrderInput!) { returnOrder(input: $i) { refund { centAmount } loyaltyPointsReversed } }',
    {
      i: {
        orderId: returned.id,
        storeId: world.pos.stores[0].code,
        lines: [{ sku: lines[1].sku, quantity: 1 }],
        idempotencyKey: `r-${now()}`,
      },
    },
  );
  expect(ret.errors).toBeUndefined();
  // its share of the points its order earned, as its share of what was paid: as the e-shop holds the order and its return
  const eshop = await dump(stack, 'eshop');
  const cents = (amount: string) => Math.round(Number(amount) * 100);
  const [made] = eshop.returns.filter((r: any) => r.order_id === returned.id);
  const paid = cents(eshop.orders.find((o: any) => o.id === returned.id).total);
  expect(ret.data.returnOrder.refund.centAmount).toBe(cents(made.refund));
  const due = Math.floor((earned.points * cents(made.refund)) / paid);
  expect(due).toBeGreaterThan(0);
  expect(ret.data.returnOrder.loyaltyPointsReversed).toBe(due);
  const cancel = await gql(stack, 'mutation($id: ID!, $k: String!) { cancelOrder(id: $id, idempotencyKey: $k) { status } }', {
    id: cancelled.id,
    k: `c-${now()}`,
  });
  expect(cancel.errors).toBeUndefined();
  expect(cancel.data.cancelOrder.status).toBe('CANCELLED');

  await setFaults(stack, 'loyalty', {});
  const reversals = await until('both reversals', async () => {
    const found = await ledger((r) => r.startsWith(`${returned.id}:`) || r.startsWith(`${cancelled.id}:`));
    return found.length === 2 && found;
  });
  const [cancelEarn] = await ledger((r) => r === cancelled.id);
  expect(reversals.map((t: any) => [t.external_ref.split(':')[0], t.type, t.points]).sort()).toEqual(
    [
      [returned.id, 'ADJUST', -due],
      [cancelled.id, 'ADJUST', -cancelEarn.points],
    ].sort(),
  );
});

it("refuses, with loyalty down, the return of a card holder's order placed elsewhere: its points are only in the ledger", async () => {
  const elsewhere = world.eshop.orders.find((o) => o.account_id === member.eshopAccountId && o.status === 'shipped')!;
  expect(elsewhere).toBeDefined();
  await setFaults(stack, 'loyalty', { down: true });
  try {
    const returnsBefore = (await dump(stack, 'eshop')).returns.length;
    const ret = await gql(stack, 'mutation($i: ReturnOrderInput!) { returnOrder(input: $i) { id } }', {
      i: {
        orderId: elsewhere.id,
        storeId: world.pos.stores[0].code,
        lines: [{ sku: elsewhere.lines[0].sku, quantity: 1 }],
        idempotencyKey: `e-${now()}`,
      },
    });
    expect(outages(ret)).toEqual([['returnOrder', 'SYSTEM_UNAVAILABLE', 'loyalty']]);
    expect((await dump(stack, 'eshop')).returns).toHaveLength(returnsBefore);
  } finally {
    await setFaults(stack, 'loyalty', {});
  }
});

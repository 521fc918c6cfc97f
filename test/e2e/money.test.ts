// Money that crosses channels, on the default seed (the figures the issues name): every refund is
// what was paid for the units returned, recorded once; a hand-over is not a sale; an order says
// what was paid and what took it there. Every expected figure is computed here from the
// simulators' raw dumps, by the rules of legacy-systems.md, never by the code under test.
import { DateTime } from 'luxon';
import { generateWorld } from '../../legacy/seed';
import type { EshopOrder, EshopReturn } from '../../adapters/eshop/wire';
import type { PosReceipt, PosReturn } from '../../adapters/pos/wire';
import type { Stack } from '../../platform/tools/stack';
import { dump, gql, inEverySilo, SEED, startTestStack } from './harness';

const DEFAULT_SEED = '42';
const { world, truth } = generateWorld({ seed: Number(DEFAULT_SEED), scale: 1, now: new Date(SEED.SIM_NOW) });

const ORDER = `id channel status total { centAmount } discount { centAmount } promoCodes
  lines { product { sku } quantity unitPrice { centAmount } } loyaltyPointsEarned`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER} } }`;
const RETURN = `mutation($i: ReturnOrderInput!) { returnOrder(input: $i) { id refund { centAmount } order { status } } }`;
const COLLECT = `mutation($id: ID!) { collectOrder(id: $id) { id status total { centAmount } } }`;
const QUOTE = `query($input: QuoteInput!) { quote(input: $input) { total { centAmount } discount { centAmount } } }`;
const ADDRESS = { street: '1 rue de Rivoli', zip: '75001', city: 'Paris' };

const storeId = world.pos.stores[0].code;
const buyer = truth.find((p) => inEverySilo(p))!;

let stack: Stack;
let customerId: string;
let seq = 0;
const key = () => `money-key-${Date.now()}-${++seq}`;
/** An order of the test's customer; HOME_DELIVERY to ADDRESS unless a store pickup is given. */
const place = (channel: string, lines: { sku: string; quantity: number }[], promoCodes: string[], fulfillment: object = {}) =>
  gql(stack, PLACE, {
    input: {
      channel,
      customerId,
      lines,
      promoCodes,
      fulfillment: { type: 'HOME_DELIVERY', address: ADDRESS, ...fulfillment },
      idempotencyKey: key(),
    },
  });
const clerkOf = (store: string) => ({ role: 'store' as const, sub: `clerk-${store}`, storeId: store });

const cents = (decimal: string) => Math.round(Number(decimal) * 100);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** A POS wall time, as the instant it was in Paris. */
const parisMs = (local: string) => DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm:ss', { zone: 'Europe/Paris' }).toMillis();

/** a / b to the cent, half to even */
function halfEven(a: number, b: number): number {
  const q = Math.floor(a / b);
  const twice = 2 * (a - q * b);
  return twice > b || (twice === b && q % 2 === 1) ? q + 1 : q;
}

/**
 * What the e-shop owes for a return (legacy-systems.md): unit_price x qty of the units, taken in the
 * order of the lines, less the order's discount prorated by line value (half to even); the return of
 * the last units takes what is left of the total.
 */
function eshopRefund(order: EshopOrder, before: EshopReturn[], lines: { sku: string; qty: number }[]): number {
  const unitsOf = (sku: string) => order.lines.filter((l) => l.sku === sku).flatMap((l) => Array<number>(l.qty).fill(cents(l.unit_price)));
  const back = new Map<string, number>();
  for (const l of before.flatMap((r) => r.lines)) back.set(l.sku, (back.get(l.sku) ?? 0) + l.qty);
  const subtotal = sum(order.lines.map((l) => l.qty * cents(l.unit_price)));
  let refund = 0;
  for (const { sku, qty } of lines) {
    const from = back.get(sku) ?? 0;
    back.set(sku, from + qty);
    const value = sum(unitsOf(sku).slice(from, from + qty));
    refund += value - halfEven(cents(order.discount) * value, subtotal);
  }
  const last = order.lines.every((l) => (back.get(l.sku) ?? 0) >= sum(order.lines.filter((o) => o.sku === l.sku).map((o) => o.qty)));
  return last ? cents(order.total) - sum(before.map((r) => cents(r.refund))) : refund;
}

const eshopOrder = async (id: string): Promise<EshopOrder> => (await dump(stack, 'eshop')).orders.find((o: EshopOrder) => o.id === id);
const eshopReturns = async (id: string): Promise<EshopReturn[]> =>
  (await dump(stack, 'eshop')).returns.filter((r: EshopReturn) => r.order_id === id);
const posReturns = async (ref: string): Promise<PosReturn[]> => (await dump(stack, 'pos')).returns.filter((r: PosReturn) => r.ref === ref);
/** every cent the silos recorded as refunded for an order */
const recorded = async (id: string) =>
  sum((await eshopReturns(id)).map((r) => cents(r.refund))) + sum((await posReturns(id)).map((r) => r.refund_cents));

/** Products of a category with stock in the store, dear enough for a discount to show. */
function stocked(n: number, category?: string) {
  const eans = new Set(world.pos.stock.filter((s) => s.store === storeId && s.qty - s.reserved >= 5).map((s) => s.ean));
  return world.eshop.products.filter((p) => eans.has(p.ean) && Number(p.price) >= 40 && (!category || p.category === category)).slice(0, n);
}

beforeAll(async () => {
  stack = await startTestStack({ SIM_SEED: DEFAULT_SEED });
  const { data } = await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: buyer.loyaltyCard });
  customerId = data.findCustomers[0].id;
});
afterAll(() => stack.close());

describe('refunds', () => {
  it('refunds a discounted web order from before go-live, returned in a store, once: what it paid (W-2026-000480)', async () => {
    const order = world.eshop.orders.find((o) => o.id === 'W-2026-000480')!;
    expect(order).toMatchObject({ status: 'shipped', promo_codes: ['MOINS15'], total: '96.99' });
    const lines = order.lines.map((l) => ({ sku: l.sku, qty: l.qty }));
    const due = eshopRefund(order, [], lines);
    expect(due).toBe(9699);

    const { data, errors } = await gql(
      stack,
      RETURN,
      { i: { orderId: order.id, storeId, lines: lines.map((l) => ({ sku: l.sku, quantity: l.qty })), idempotencyKey: key() } },
      { as: clerkOf(storeId) },
    );
    expect(errors).toBeUndefined();
    expect(data.returnOrder).toMatchObject({ refund: { centAmount: due }, order: { status: 'RETURNED' } });
    expect(await recorded(order.id)).toBe(due);
    expect((await posReturns(order.id)).map((r) => r.refund_cents)).toEqual([0]); // the store took the goods back
  });

  it('shows a web order placed through the graph at list prices with its discount and codes; its refunds add up to what was paid', async () => {
    const lines = stocked(2).map((p) => ({ sku: p.sku, quantity: 3 }));
    const { data, errors } = await place('WEB', lines, ['WELCOME10']);
    expect(errors).toBeUndefined();
    const placed = data.placeOrder;
    const order = await eshopOrder(placed.id);
    expect(cents(order.discount)).toBeGreaterThan(0);
    expect(order.promo_codes).toEqual(['WELCOME10']);
    for (const l of order.lines) expect(l.unit_price).toBe(world.eshop.products.find((p) => p.sku === l.sku)!.price);
    expect(placed).toMatchObject({
      discount: { centAmount: cents(order.discount) },
      total: { centAmount: cents(order.total) },
      promoCodes: ['WELCOME10'],
    });

    const refunds: number[] = [];
    for (const [sku, qty] of [
      [lines[0].sku, 1],
      [lines[1].sku, 2],
      [lines[0].sku, 2],
      [lines[1].sku, 1],
    ] as const) {
      const due = eshopRefund(order, await eshopReturns(order.id), [{ sku, qty }]);
      const ret = await gql(stack, RETURN, { i: { orderId: order.id, storeId, lines: [{ sku, quantity: qty }], idempotencyKey: key() } });
      expect(ret.errors).toBeUndefined();
      expect(ret.data.returnOrder.refund.centAmount).toBe(due);
      refunds.push(due);
    }
    expect(sum(refunds)).toBe(cents(order.total));
    expect(await recorded(order.id)).toBe(cents(order.total));
  });

  it('sells in store with a code and ships home: the discount and the code shown, PAID until it ships; a return refunds what was paid, once', async () => {
    const [product] = stocked(1, 'Jardin');
    const lines = [{ sku: product.sku, quantity: 3 }];
    const quoted = (await gql(stack, QUOTE, { input: { channel: 'STORE', storeId, customerId, lines, promoCodes: ['JARDIN20'] } })).data
      .quote;
    expect(quoted.discount.centAmount).toBeGreaterThan(0);
    const { data, errors } = await place('STORE', lines, ['JARDIN20'], { storeId });
    expect(errors).toBeUndefined();
    const receipt: PosReceipt = (await dump(stack, 'pos')).receipts.find((r: PosReceipt) => r.id === data.placeOrder.id);
    const listCents = cents(product.price);
    expect(data.placeOrder).toMatchObject({
      status: 'PAID',
      promoCodes: ['JARDIN20'],
      total: { centAmount: receipt.total_cents },
      discount: { centAmount: 3 * listCents - receipt.total_cents },
      lines: [{ product: { sku: product.sku }, quantity: 3, unitPrice: { centAmount: listCents } }],
    });

    // what was paid for each unit, in the order of the receipt's lines
    const units = receipt.lines.flatMap((l) => Array<number>(l.qty).fill(l.unit_cents));
    const refunds: number[] = [];
    for (const [quantity, paid] of [
      [1, units[0]],
      [2, units[1] + units[2]],
    ]) {
      const ret = await gql(stack, RETURN, {
        i: { orderId: receipt.id, storeId, lines: [{ sku: product.sku, quantity }], idempotencyKey: key() },
      });
      expect(ret.errors).toBeUndefined();
      expect(ret.data.returnOrder.refund.centAmount).toBe(paid);
      refunds.push(paid);
    }
    expect(sum(refunds)).toBe(receipt.total_cents);
    // the till pays back the shelf price (more than was paid): it takes the goods back and pays nothing
    expect((await posReturns(receipt.id)).map((r) => r.refund_cents)).toEqual([0, 0]);
  });
});

describe('click and collect', () => {
  it('hands over a discounted pickup order: the POS hand-over receipt is neither a store purchase nor an order; the order shows what was paid', async () => {
    const lines = stocked(2).map((p) => ({ sku: p.sku, quantity: 2 }));
    const placed = await place('WEB', lines, ['WELCOME10'], { type: 'STORE_PICKUP', storeId, address: null });
    expect(placed.errors).toBeUndefined();
    const id = placed.data.placeOrder.id;
    const collected = await gql(stack, COLLECT, { id }, { as: clerkOf(storeId) });
    expect(collected.errors).toBeUndefined();
    const order = await eshopOrder(id);
    expect(collected.data.collectOrder).toMatchObject({ status: 'COMPLETED', total: { centAmount: cents(order.total) } });

    const receipts: PosReceipt[] = (await dump(stack, 'pos')).receipts;
    const handOver = receipts.at(-1)!;
    expect(handOver).toMatchObject({ store: storeId, card: null });
    expect(handOver.ref).not.toBeNull();
    expect(handOver.total_cents).toBeGreaterThan(cents(order.total)); // the POS writes shelf prices

    const mine = await gql(stack, 'query($id: ID!) { customer(id: $id) { orders(first: 100) { edges { node { id } } } } }', {
      id: customerId,
    });
    const ids = mine.data.customer.orders.edges.map((e: any) => e.node.id);
    expect(ids).toContain(id);
    expect(ids).not.toContain(handOver.id);

    // the period of this test's receipts, in the POS's own clock
    const to = new Date(Date.now() + 86_400_000);
    const from = new Date(Date.now() - 2 * 86_400_000);
    const storePurchases = sum(
      receipts.filter((r) => r.ref === null && parisMs(r.at) >= from.getTime() && parisMs(r.at) < to.getTime()).map((r) => r.lines.length),
    );
    const report = await gql(
      stack,
      'query($f: DateTime!, $t: DateTime!) { ropoReport(from: $f, to: $t, lookbackDays: 1) { storePurchases } }',
      {
        f: from.toISOString(),
        t: to.toISOString(),
      },
    );
    expect(report.errors).toBeUndefined();
    expect(report.data.ropoReport.storePurchases).toBe(storePurchases);
  });

  it('hands over a pickup order whose reservation was held before go-live (W-2026-000504, RSV-000013)', async () => {
    const reservation = world.pos.reservations.find((r) => r.id === 'RSV-000013')!;
    expect(reservation).toMatchObject({ ref: 'W-2026-000504', status: 'held', store: 'ST028' });
    const { data, errors } = await gql(stack, COLLECT, { id: 'W-2026-000504' }, { as: clerkOf('ST028') });
    expect(errors).toBeUndefined();
    expect(data.collectOrder.status).toBe('COMPLETED');
    const pos = await dump(stack, 'pos');
    expect(pos.reservations.find((r: any) => r.id === 'RSV-000013').status).toBe('collected');
  });
});

describe('orders tell the truth', () => {
  it('shows no points earned by an order that was cancelled', async () => {
    const [product] = stocked(1);
    const placed = await place('WEB', [{ sku: product.sku, quantity: 2 }], []);
    const id = placed.data.placeOrder.id;
    expect(placed.data.placeOrder.loyaltyPointsEarned).toBeGreaterThan(0);
    const cancelled = await gql(
      stack,
      `mutation($id: ID!, $k: String!) { cancelOrder(id: $id, idempotencyKey: $k) { status loyaltyPointsEarned } }`,
      {
        id,
        k: key(),
      },
    );
    expect(cancelled.errors).toBeUndefined();
    const ledger = (await dump(stack, 'loyalty')).transactions.filter(
      (t: any) => t.external_ref === id || t.external_ref?.startsWith(`${id}:`),
    );
    expect(cancelled.data.cancelOrder).toEqual({ status: 'CANCELLED', loyaltyPointsEarned: sum(ledger.map((t: any) => t.points)) });
    expect(cancelled.data.cancelOrder.loyaltyPointsEarned).toBe(0);
  });

  it('lets store staff read the web order they may take back: one rule for order and returnOrder', async () => {
    const order = world.eshop.orders.find((o) => o.status === 'shipped' && o.shipping.method === 'home' && o.id !== 'W-2026-000480')!;
    const clerk = clerkOf(storeId);
    const read = await gql(stack, 'query($id: ID!) { order(id: $id) { id total { centAmount } } }', { id: order.id }, { as: clerk });
    expect(read.errors).toBeUndefined();
    expect(read.data.order).toEqual({ id: order.id, total: { centAmount: cents(order.total) } });
    const line = order.lines[0];
    const ret = await gql(
      stack,
      RETURN,
      { i: { orderId: order.id, storeId, lines: [{ sku: line.sku, quantity: 1 }], idempotencyKey: key() } },
      { as: clerk },
    );
    expect(ret.errors).toBeUndefined();
  });
});

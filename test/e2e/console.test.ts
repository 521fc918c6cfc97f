// What the call center console asks of the graph beyond the contract (issue 14), end to end
// against the simulators, each answer compared with the simulators' own records.
import { SagaStore } from '../../domain/orders/saga/store';
import { VoucherStore } from '../../domain/pricing/promotions/voucher-store';
import { DatabaseUnavailableError } from '../../platform/errors';
import type { Stack } from '../../platform/tools/stack';
import { dump, gql, type As, inEverySilo, resetStats, seeded, setFaults, simStats, startTestStack, until } from './harness';
import { availableIn, FROM_ST001, nearestFromST001, type StockRow } from './nearest-stores';

const { truth } = seeded();

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack({ LEGACY_BREAKER_RESET_MS: '200' });
});
afterAll(() => stack.close());

const customerIdOf = async (card: string): Promise<string> =>
  (await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: card })).data.findCustomers[0].id;

/** Every system answers again: faults off, and a first answer through each breaker. */
async function allBack(system: 'pos' | 'eshop' | 'crm' | 'loyalty', probe: string, variables: Record<string, unknown>): Promise<void> {
  await setFaults(stack, system, {});
  await until(`${system} back`, async () => (await gql(stack, probe, variables)).errors === undefined);
}

describe('Customer.loyaltyCards', () => {
  const holder = truth.find((p) => inEverySilo(p))!;
  // a card of someone in loyalty alone: linking it moves no other record
  const second = truth.find((p) => p.loyaltyCard && !p.eshopAccountId && !p.crmContactId && p.householdId === null)!;
  const QUERY = 'query($id: ID!) { customer(id: $id) { loyaltyCards { cardNumber tier pointsBalance } } }';
  let customerId: string;

  beforeAll(async () => {
    customerId = await customerIdOf(holder.loyaltyCard);
    const linked = await gql(
      stack,
      'mutation($id: ID!, $x: ID!) { linkIdentity(customerId: $id, system: LOYALTY, externalId: $x) { id } }',
      { id: customerId, x: second.loyaltyCard },
      { as: 'agent' },
    );
    expect(linked.errors).toBeUndefined();
  });

  it('lists every card linked, as the loyalty platform holds them, in one members:batchGet', async () => {
    await resetStats(stack);
    const answer = await gql(stack, QUERY, { id: customerId }, { as: 'agent' });
    expect(answer.errors).toBeUndefined();
    const { members } = await dump(stack, 'loyalty');
    const expected = [holder.loyaltyCard, second.loyaltyCard].map((card) => {
      const m = members.find((x: { card_number: string }) => x.card_number === card);
      return { cardNumber: m.card_number, tier: m.tier, pointsBalance: m.points_balance };
    });
    expect(answer.data.customer.loyaltyCards).toEqual(expected);
    const { byRoute } = await simStats(stack, 'loyalty');
    expect(byRoute).toEqual({ 'POST /v1/members:batchGet': 1 });
  });

  it('is null with one SYSTEM_UNAVAILABLE naming loyalty when loyalty is down, the rest of the customer answered', async () => {
    await setFaults(stack, 'loyalty', { down: true });
    try {
      const answer = await gql(stack, 'query($id: ID!) { customer(id: $id) { id loyaltyCards { cardNumber } } }', { id: customerId });
      expect(answer.data.customer).toEqual({ id: customerId, loyaltyCards: null });
      expect(answer.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.system])).toEqual([
        ['customer.loyaltyCards', 'SYSTEM_UNAVAILABLE', 'loyalty'],
      ]);
    } finally {
      await allBack('loyalty', QUERY, { id: customerId });
    }
  });
});

describe('Customer.vouchers', () => {
  interface CrmVoucher {
    voucher_code: string;
    contact_id: string;
    amount_cents: number;
    reason: string;
    expires_at: number;
  }
  const QUERY =
    'query($id: ID!) { customer(id: $id) { vouchers { code amount { centAmount } expiresAt status grantedAt reason customer { id } } } }';
  const iso = (epoch: number) => new Date(epoch * 1000).toISOString();
  let vouchers: CrmVoucher[];
  let holder: (typeof truth)[number] & { loyaltyCard: string; crmContactId: string };
  let customerId: string;

  beforeAll(async () => {
    vouchers = (await dump(stack, 'crm')).vouchers;
    const held = (p: (typeof truth)[number]) => vouchers.filter((v) => v.contact_id === p.crmContactId);
    holder = truth.find((p) => inEverySilo(p) && held(p).length > 0) as typeof holder;
    customerId = await customerIdOf(holder.loyaltyCard);
  });

  it('lists the CRM export and the vouchers granted through the graph, newest first, as the CRM holds them', async () => {
    const granted = await gql(
      stack,
      'mutation($id: ID!) { grantGoodwill(customerId: $id, amount: 700, reason: "Colis en retard") { code grantedAt } }',
      { id: customerId },
      { as: 'agent' },
    );
    expect(granted.errors).toBeUndefined();
    const answer = await gql(stack, QUERY, { id: customerId }, { as: 'agent' });
    expect(answer.errors).toBeUndefined();
    // the CRM's own records of this contact: its export and the one just granted
    const now = Date.now() / 1000;
    const theirs = ((await dump(stack, 'crm')).vouchers as CrmVoucher[]).filter((v) => v.contact_id === holder.crmContactId);
    expect(theirs.map((v) => v.voucher_code)).toContain(granted.data.grantGoodwill.code);
    const expected = [...theirs]
      .sort((a, b) => b.expires_at - a.expires_at || a.voucher_code.localeCompare(b.voucher_code))
      .map((v) => ({
        code: v.voucher_code,
        amount: { centAmount: v.amount_cents },
        expiresAt: iso(v.expires_at),
        status: v.expires_at <= now ? 'EXPIRED' : 'AVAILABLE',
        grantedAt: v.voucher_code === granted.data.grantGoodwill.code ? granted.data.grantGoodwill.grantedAt : null,
        reason: v.reason,
        customer: { id: customerId },
      }));
    expect(answer.data.customer.vouchers).toEqual(expected);
  });

  it('shows a voucher an order took as USED', async () => {
    const [available] = ((await gql(stack, QUERY, { id: customerId })).data.customer.vouchers as any[]).filter(
      (v) => v.status === 'AVAILABLE',
    );
    const lines = seeded()
      .world.eshop.products.filter((p) => Number(p.price) >= 30)
      .slice(0, 2)
      .map((p) => ({ sku: p.sku, quantity: 1 }));
    const placed = await gql(stack, 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }', {
      input: {
        channel: 'CALL_CENTER',
        customerId,
        lines,
        promoCodes: [available.code],
        fulfillment: { type: 'HOME_DELIVERY', address: { street: '1 rue Royale', zip: '75008', city: 'Paris' } },
        idempotencyKey: `console-voucher-${available.code}`,
      },
    });
    expect(placed.errors).toBeUndefined();
    const after = (await gql(stack, QUERY, { id: customerId })).data.customer.vouchers as any[];
    expect(after.find((v) => v.code === available.code)).toMatchObject({ status: 'USED' });
  });

  it("is the customer's own: another customer is refused, the holder signed in is answered", async () => {
    const other = truth.find((p) => inEverySilo(p) && p !== holder) as typeof holder;
    const otherId = await customerIdOf(other.loyaltyCard);
    const own = await gql(stack, 'query { me { vouchers { code } } }', {}, { as: { role: 'customer', sub: customerId } });
    expect(own.errors).toBeUndefined();
    expect(own.data.me.vouchers.length).toBeGreaterThan(0);
    const refused = await gql(stack, QUERY, { id: customerId }, { as: { role: 'customer', sub: otherId } });
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(refused.data ?? null)).not.toContain(own.data.me.vouchers[0].code);
  });

  it("hides the agent's reason from the customer and from store staff, who read the rest", async () => {
    const full = await gql(stack, QUERY, { id: customerId }, { as: 'agent' });
    expect(full.data.customer.vouchers.every((v: { reason: string | null }) => typeof v.reason === 'string')).toBe(true);
    const clerk = { role: 'store' as const, sub: 'clerk-vouchers', storeId: seeded().world.pos.stores[0].code };
    for (const as of [{ role: 'customer' as const, sub: customerId }, clerk]) {
      const answer = await gql(stack, QUERY, { id: customerId }, { as });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.customer.vouchers).toEqual(full.data.customer.vouchers.map((v: object) => ({ ...v, reason: null })));
    }
  });

  it('is null with one SYSTEM_UNAVAILABLE naming the database when the vouchers cannot be read, the rest of the customer answered', async () => {
    const failing = jest.spyOn(VoucherStore.prototype, 'ofContacts').mockRejectedValue(new DatabaseUnavailableError('cut by the test'));
    try {
      const answer = await gql(
        stack,
        'query($id: ID!) { customer(id: $id) { id vouchers { code } } }',
        { id: customerId },
        { as: 'agent' },
      );
      expect(failing).toHaveBeenCalled();
      expect(answer.data.customer).toEqual({ id: customerId, vouchers: null });
      expect(answer.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.system])).toEqual([
        ['customer.vouchers', 'SYSTEM_UNAVAILABLE', 'database'],
      ]);
    } finally {
      failing.mockRestore();
    }
  });
});

describe('Order.returns', () => {
  const { world } = seeded();
  const buyer = truth.filter((p) => inEverySilo(p))[2] as (typeof truth)[number] & { loyaltyCard: string; eshopAccountId: string };
  const storeId = world.pos.stores[1].code;
  const eans = new Set(world.pos.stock.filter((s) => s.store === storeId && s.qty - s.reserved >= 5).map((s) => s.ean));
  const [first, second] = world.eshop.products.filter((p) => eans.has(p.ean) && Number(p.price) >= 20);
  const RETURNS = `query($id: ID!) { order(id: $id) { returns {
    id store { id } lines { product { sku } quantity } refund { centAmount } loyaltyPointsReversed order { id } } } }`;
  const RETURN = 'mutation($i: ReturnOrderInput!) { returnOrder(input: $i) { id refund { centAmount } loyaltyPointsReversed } }';
  const cents = (decimal: string) => Math.round(Number(decimal) * 100);
  const clerk = (store: string) => ({ role: 'store' as const, sub: `clerk-${store}`, storeId: store });
  let customerId: string;
  let seq = 0;
  const key = () => `console-return-${++seq}-${Date.now()}`;

  const place = async (channel: 'CALL_CENTER' | 'STORE', fulfillment: object) => {
    const placed = await gql(stack, 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }', {
      input: {
        channel,
        customerId,
        lines: [
          { sku: first.sku, quantity: 2 },
          { sku: second.sku, quantity: 2 },
        ],
        fulfillment,
        idempotencyKey: key(),
      },
    });
    expect(placed.errors).toBeUndefined();
    return placed.data.placeOrder.id as string;
  };
  /** The points the loyalty platform took back for the order's returns, by return key. */
  const pointsTakenBack = async (orderId: string) =>
    ((await dump(stack, 'loyalty')).transactions as { type: string; points: number; external_ref: string | null }[])
      .filter((t) => t.type === 'ADJUST' && t.external_ref?.startsWith(`${orderId}:return:`))
      .map((t) => -t.points);

  beforeAll(async () => {
    customerId = await customerIdOf(buyer.loyaltyCard);
  });

  it("lists a web order's returns with their refunds as the e-shop recorded them, oldest first", async () => {
    const orderId = await place('CALL_CENTER', { type: 'HOME_DELIVERY', address: { street: '3 rue du Bac', zip: '75007', city: 'Paris' } });
    const none = await gql(stack, RETURNS, { id: orderId });
    expect(none.data.order.returns).toEqual([]);
    const returned = [];
    for (const [sku, quantity, as] of [
      [first.sku, 1, clerk(storeId)],
      [second.sku, 2, 'agent'],
    ] as const) {
      const r = await gql(stack, RETURN, { i: { orderId, storeId, lines: [{ sku, quantity }], idempotencyKey: key() } }, { as });
      expect(r.errors).toBeUndefined();
      returned.push(r.data.returnOrder);
    }
    await until('the points taken back', async () => (await pointsTakenBack(orderId)).length === 2);
    const answer = await gql(stack, RETURNS, { id: orderId }, { as: 'agent' });
    expect(answer.errors).toBeUndefined();
    const eshopReturns = ((await dump(stack, 'eshop')).returns as any[]).filter((r) => r.order_id === orderId);
    const points = await pointsTakenBack(orderId);
    expect(answer.data.order.returns).toEqual(
      eshopReturns.map((r, i) => ({
        id: r.return_id,
        store: { id: `ST${r.store_code}` },
        lines: r.lines.map((l: { sku: string; qty: number }) => ({ product: { sku: l.sku }, quantity: l.qty })),
        refund: { centAmount: cents(r.refund) },
        loyaltyPointsReversed: points[i],
        order: { id: orderId },
      })),
    );
    expect(answer.data.order.returns.map((r: any) => r.id)).toEqual(returned.map((r) => r.id));
  });

  it("lists a store sale's POS return, and is read by whoever may read the order", async () => {
    const saleId = await place('STORE', {
      type: 'HOME_DELIVERY',
      storeId,
      address: { street: '3 rue du Bac', zip: '75007', city: 'Paris' },
    });
    const r = await gql(stack, RETURN, {
      i: { orderId: saleId, storeId, lines: [{ sku: first.sku, quantity: 1 }], idempotencyKey: key() },
    });
    expect(r.errors).toBeUndefined();
    const [posReturn] = ((await dump(stack, 'pos')).returns as any[]).filter((x) => x.ref === saleId);
    const expected = [
      expect.objectContaining({
        id: posReturn.id,
        store: { id: posReturn.store },
        lines: posReturn.lines.map((l: { ean: string; qty: number }) => ({
          product: { sku: world.eshop.products.find((p) => p.ean === l.ean)!.sku },
          quantity: l.qty,
        })),
        refund: r.data.returnOrder.refund,
      }),
    ];
    // the customer who bought it, and staff of the store that sold it
    for (const as of [{ role: 'customer' as const, sub: customerId }, clerk(storeId)]) {
      const answer = await gql(stack, RETURNS, { id: saleId }, { as });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.order.returns).toEqual(expected);
    }
    // another customer, and staff of another store
    const other = truth.filter((p) => inEverySilo(p))[3] as typeof buyer;
    for (const as of [{ role: 'customer' as const, sub: await customerIdOf(other.loyaltyCard) }, clerk(world.pos.stores[2].code)]) {
      const refused = await gql(stack, RETURNS, { id: saleId }, { as });
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(refused.data?.order ?? null).toBeNull();
    }
  });
  it("is null on every order with one SYSTEM_UNAVAILABLE naming the database when returns cannot be read, the customer's orders answered", async () => {
    const failing = jest.spyOn(SagaStore.prototype, 'returnsOfMany').mockRejectedValue(new DatabaseUnavailableError('cut by the test'));
    try {
      const answer = await gql(
        stack,
        'query($id: ID!) { customer(id: $id) { id orders(first: 50) { edges { node { id returns { id } } } } } }',
        { id: customerId },
        { as: 'agent' },
      );
      expect(failing).toHaveBeenCalled();
      const nodes = answer.data.customer.orders.edges.map((e: { node: unknown }) => e.node);
      expect(answer.data.customer.id).toBe(customerId);
      expect(nodes.length).toBeGreaterThan(1);
      expect(nodes.every((n: { id: string; returns: unknown }) => n.id && n.returns === null)).toBe(true);
      expect(
        answer.errors?.map((e) => [e.path?.filter((p) => typeof p === 'string').join('.'), e.extensions?.code, e.extensions?.system]),
      ).toEqual([['customer.orders.edges.node.returns', 'SYSTEM_UNAVAILABLE', 'database']]);
    } finally {
      failing.mockRestore();
    }
  });
});

describe('closeCase', () => {
  interface CrmCase {
    id: string;
    contact_id: string;
    subject: string;
    status: 'open' | 'closed';
    opened_at: number;
    closed_at: number | null;
  }
  const CLOSE = 'mutation($id: ID!, $r: String!) { closeCase(id: $id, resolution: $r) { id subject status openedAt closedAt } }';
  const iso = (epoch: number) => new Date(epoch * 1000).toISOString();
  const cases = async (): Promise<CrmCase[]> => (await dump(stack, 'crm')).cases;
  const codes = (r: { errors?: { extensions?: Record<string, any> }[] }) => r.errors?.map((e) => e.extensions?.code);

  it('closes an open case as the CRM records it, once: a second closing is a CONFLICT', async () => {
    const [open] = (await cases()).filter((c) => c.status === 'open');
    const closed = await gql(stack, CLOSE, { id: open.id, r: 'Remboursement effectué' }, { as: 'agent' });
    expect(closed.errors).toBeUndefined();
    const after = (await cases()).find((c) => c.id === open.id)!;
    expect(after.status).toBe('closed');
    expect(closed.data.closeCase).toEqual({
      id: open.id,
      subject: open.subject,
      status: 'CLOSED',
      openedAt: iso(open.opened_at),
      closedAt: iso(after.closed_at!),
    });
    const again = await gql(stack, CLOSE, { id: open.id, r: 'Encore' }, { as: 'agent' });
    expect(codes(again)).toEqual(['CONFLICT']);
  });

  it('refuses a case the CRM closed before as a CONFLICT, an unknown one as NOT_FOUND, a bad resolution as BAD_USER_INPUT', async () => {
    const [closedBefore] = (await cases()).filter((c) => c.status === 'closed');
    const [open] = (await cases()).filter((c) => c.status === 'open');
    expect(codes(await gql(stack, CLOSE, { id: closedBefore.id, r: 'Déjà traité' }, { as: 'agent' }))).toEqual(['CONFLICT']);
    expect(codes(await gql(stack, CLOSE, { id: 'K-0001', r: 'Inconnu' }, { as: 'agent' }))).toEqual(['NOT_FOUND']);
    for (const r of ['  ', 'x'.repeat(5001)])
      expect(codes(await gql(stack, CLOSE, { id: open.id, r }, { as: 'agent' }))).toEqual(['BAD_USER_INPUT']);
    expect((await cases()).find((c) => c.id === open.id)!.status).toBe('open');
  });

  it('is refused to store staff and customers, and the case stays open', async () => {
    const [open] = (await cases()).filter((c) => c.status === 'open');
    const holder = truth.find((p) => p.crmContactId === open.contact_id && p.loyaltyCard);
    const callers: As[] = [{ role: 'store', sub: 'clerk', storeId: seeded().world.pos.stores[0].code }];
    if (holder) callers.push({ role: 'customer', sub: await customerIdOf(holder.loyaltyCard!) });
    for (const as of callers) expect(codes(await gql(stack, CLOSE, { id: open.id, r: 'Non' }, { as }))).toEqual(['FORBIDDEN']);
    expect((await cases()).find((c) => c.id === open.id)!.status).toBe('open');
  });

  it('is SYSTEM_UNAVAILABLE (crm) with the CRM down, and closes the case once it is back', async () => {
    const [open] = (await cases()).filter((c) => c.status === 'open');
    await setFaults(stack, 'crm', { down: true });
    try {
      const down = await gql(stack, CLOSE, { id: open.id, r: 'Traité' }, { as: 'agent' });
      expect(down.errors?.map((e) => [e.extensions?.code, e.extensions?.system])).toEqual([['SYSTEM_UNAVAILABLE', 'crm']]);
    } finally {
      await setFaults(stack, 'crm', {});
    }
    const back = await until('the CRM back', async () => {
      const r = await gql(stack, CLOSE, { id: open.id, r: 'Traité' }, { as: 'agent' });
      return r.errors?.[0]?.extensions?.code === 'SYSTEM_UNAVAILABLE' ? undefined : r;
    });
    expect(back.errors).toBeUndefined();
    expect(back.data.closeCase.status).toBe('CLOSED');
  });
});

describe('Customer.calls', () => {
  const QUERY = 'query($id: ID!) { customer(id: $id) { id calls { id at reason durationSeconds agent } } }';
  let caller: (typeof truth)[number] & { loyaltyCard: string; crmContactId: string };
  let customerId: string;

  beforeAll(async () => {
    const { calls } = await dump(stack, 'crm');
    caller = truth.find(
      (p) => inEverySilo(p) && calls.filter((c: { contact_id: string }) => c.contact_id === p.crmContactId).length >= 2,
    ) as typeof caller;
    customerId = await customerIdOf(caller.loyaltyCard);
  });

  it("lists the calls of the customer's CRM contact as the CRM logged them, newest first, in one CRM request", async () => {
    await resetStats(stack);
    const answer = await gql(stack, QUERY, { id: customerId }, { as: 'agent' });
    expect(answer.errors).toBeUndefined();
    const { calls } = await dump(stack, 'crm');
    const expected = (calls as { id: string; contact_id: string; at: number; duration_s: number; agent: string; reason: string }[])
      .filter((c) => c.contact_id === caller.crmContactId)
      .sort((a, b) => b.at - a.at)
      .map((c) => ({ id: c.id, at: new Date(c.at * 1000).toISOString(), reason: c.reason, durationSeconds: c.duration_s, agent: c.agent }));
    expect(answer.data.customer.calls).toEqual(expected);
    expect((await simStats(stack, 'crm')).total).toBe(1);
  });

  it('is refused to the customer itself and to store staff', async () => {
    for (const as of [
      { role: 'customer', sub: customerId },
      { role: 'store', sub: 'clerk', storeId: seeded().world.pos.stores[0].code },
    ] as As[]) {
      const refused = await gql(stack, QUERY, { id: customerId }, { as });
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(refused.data?.customer?.calls ?? null).toBeNull();
    }
  });

  it('is null with one SYSTEM_UNAVAILABLE naming the CRM when it is down, the rest of the customer answered', async () => {
    await setFaults(stack, 'crm', { down: true });
    try {
      const answer = await gql(stack, QUERY, { id: customerId }, { as: 'agent' });
      expect(answer.data.customer).toEqual({ id: customerId, calls: null });
      expect(answer.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.system])).toEqual([
        ['customer.calls', 'SYSTEM_UNAVAILABLE', 'crm'],
      ]);
    } finally {
      await allBack('crm', QUERY, { id: customerId });
    }
  });
});

describe('productByEan', () => {
  const QUERY = 'query($ean: ID!) { productByEan(ean: $ean) { sku ean name category price { centAmount } onlineStock } }';

  it('answers the e-shop product of an EAN, as the e-shop holds it, the spaces around the EAN left out', async () => {
    const { products } = await dump(stack, 'eshop');
    for (const p of [products[0], products[products.length - 1]]) {
      const answer = await gql(stack, QUERY, { ean: ` ${p.ean} ` }, { as: null });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.productByEan).toEqual({
        sku: p.sku,
        ean: p.ean,
        name: p.title,
        category: p.category,
        price: { centAmount: Math.round(Number(p.price) * 100) },
        onlineStock: p.stock,
      });
    }
  });

  it('is null for an EAN the catalogue does not have, and BAD_USER_INPUT for what cannot be an EAN', async () => {
    const { products } = await dump(stack, 'eshop');
    const known = new Set(products.map((p: { ean: string }) => p.ean));
    // a valid EAN-13 and EAN-8 of no product: the GS1 check digit worked out here
    const withCheckDigit = (payload: string) => {
      const sum = [...payload].reverse().reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
      return payload + String((10 - (sum % 10)) % 10);
    };
    for (const ean of [withCheckDigit('999999999999'), withCheckDigit('9999999')]) {
      expect(known.has(ean)).toBe(false);
      const answer = await gql(stack, QUERY, { ean });
      expect(answer).toEqual({ data: { productByEan: null } });
    }
    const wrongDigit = products[0].ean.slice(0, 12) + String((Number(products[0].ean[12]) + 1) % 10);
    for (const ean of ['123', 'ABCDEFGHIJKLM', wrongDigit, `${products[0].ean}0`]) {
      const answer = await gql(stack, QUERY, { ean });
      expect([ean, answer.errors?.map((e) => e.extensions?.code)]).toEqual([ean, ['BAD_USER_INPUT']]);
    }
  });
});

describe('Product.nearestStoresWithStock', () => {
  const QUERY = `query($sku: ID!, $q: Int, $n: Int) { product(sku: $sku) {
    nearestStoresWithStock(storeId: "ST001", quantity: $q, first: $n) { store { id } available } } }`;
  let stock: StockRow[];
  let products: { sku: string; ean: string }[];
  const available = (store: string, ean: string) => availableIn(stock, store, ean);
  /** What the field should answer, from the POS's own stock. */
  const expected = (ean: string, quantity: number, first: number) => nearestFromST001(stock, ean, quantity, first);

  beforeAll(async () => {
    ({ stock } = await dump(stack, 'pos'));
    ({ products } = await dump(stack, 'eshop'));
    expect(((await dump(stack, 'pos')).stores as { code: string }[]).map((s) => s.code).sort()).toEqual(['ST001', ...FROM_ST001].sort());
  });

  it('answers the nearest stores that have the quantity, as the POS holds it, passing over nearer ones that lack it', async () => {
    // a product the nearest store lacks, some farther ones have at least 5 of
    const product = products.find(
      (p) => available('ST004', p.ean) === 0 && FROM_ST001.filter((s) => available(s, p.ean) >= 5).length >= 3,
    )!;
    for (const [q, n] of [
      [1, 3],
      [5, 2],
      [1, 20],
    ]) {
      const answer = await gql(stack, QUERY, { sku: product.sku, q, n }, { as: null });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.product.nearestStoresWithStock).toEqual(expected(product.ean, q, n));
    }
    expect(expected(product.ean, 1, 3).map((a) => a.store.id)).not.toContain('ST004');
  });

  /** The POS stock calls since the last resetStats: one per store read (every EAN of a request in it at once). */
  const stockCalls = async () =>
    Object.entries((await simStats(stack, 'pos')).byRoute as Record<string, number>)
      .filter(([route]) => route.includes('/stock'))
      .reduce((sum, [, n]) => sum + n, 0);

  it('reads the nearest stores only, two pages of them at a time, when they have the stock', async () => {
    const product = products.find((p) => FROM_ST001.slice(0, 3).every((s) => available(s, p.ean) > 0))!;
    await resetStats(stack);
    const answer = await gql(stack, QUERY, { sku: product.sku, q: 1, n: 3 }, { as: null });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.product.nearestStoresWithStock).toEqual(expected(product.ean, 1, 3));
    expect(await stockCalls()).toBe(6); // the 6 nearest of 11: 2 × first
  });

  it("reads each store's stock once for every product of a request (one _entities fetch), as far as their answers need", async () => {
    await resetStats(stack);
    const answer = await gql(
      stack,
      `{ products(first: 4) { edges { node { ean
          availability(storeId: "ST001") { available } nearestStoresWithStock(storeId: "ST001") { store { id } available } } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const nodes = answer.data.products.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(4);
    for (const node of nodes) expect(node.nearestStoresWithStock).toEqual(expected(node.ean, 1, 3));
    // ST001's availability and the 6 nearest for every product at once; the 5 others once, for all
    // the products that have fewer than 3 of those 6 with stock
    const farther = nodes.some((node: { ean: string }) => FROM_ST001.slice(0, 6).filter((s) => available(s, node.ean) > 0).length < 3);
    expect(await stockCalls()).toBe(1 + 6 + (farther ? 5 : 0));
  });

  it('leaves out a store whose stock cannot be read, with one SYSTEM_UNAVAILABLE naming pos; null when none can be read', async () => {
    const product = products.find((p) => available('ST004', p.ean) > 0 && FROM_ST001.filter((s) => available(s, p.ean) > 0).length >= 4)!;
    await setFaults(stack, 'pos', { error_rate: 1, path: '/pos/stores/ST004/stock' });
    try {
      const answer = await gql(stack, QUERY, { sku: product.sku, q: 1, n: 3 });
      expect(answer.data.product.nearestStoresWithStock).toEqual(
        expected(product.ean, 1, 4)
          .filter((a) => a.store.id !== 'ST004')
          .slice(0, 3),
      );
      expect(answer.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.system])).toEqual([
        ['product.nearestStoresWithStock', 'SYSTEM_UNAVAILABLE', 'pos'],
      ]);
    } finally {
      await setFaults(stack, 'pos', {});
    }
    const bad = await gql(stack, 'query($sku: ID!) { product(sku: $sku) { nearestStoresWithStock(storeId: "ST999") { available } } }', {
      sku: product.sku,
    });
    expect(bad.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    for (const [q, n] of [
      [0, 3],
      [1, 0],
    ]) {
      const refused = await gql(stack, QUERY, { sku: product.sku, q, n });
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
    await setFaults(stack, 'pos', { error_rate: 1, path: '/pos/stores/' });
    try {
      const answer = await gql(stack, QUERY, { sku: product.sku, q: 1, n: 3 });
      expect(answer.data.product).toEqual({ nearestStoresWithStock: null });
      expect(answer.errors?.map((e) => [e.extensions?.code, e.extensions?.system])).toEqual([['SYSTEM_UNAVAILABLE', 'pos']]);
    } finally {
      await allBack('pos', QUERY, { sku: product.sku, q: 1, n: 3 });
    }
  });
});

// One price and one set of promotions in every channel, through the gateway.
import type { Person } from '../../legacy/seed';
import type { Stack } from '../../platform/tools/stack';
import {
  dump,
  gql,
  legacyCalls,
  resetStats,
  seeded,
  setFaults,
  simStats,
  startTestStack,
  SYSTEM_LIST,
  until,
  stackDatabaseUrl,
} from './harness';

const { world, truth } = seeded();
const CHANNELS = ['WEB', 'STORE', 'CALL_CENTER'] as const;

const QUOTE = `query($input: QuoteInput!) { quote(input: $input) {
  channel store { id }
  lines { product { sku } quantity listPrice { centAmount } unitPrice { centAmount } lineTotal { centAmount } discount { centAmount } }
  appliedPromotions { promotion { id source kind code } amount { centAmount } skus }
  rejectedPromoCodes { code reason }
  subtotal { centAmount } discount { centAmount } total { centAmount } loyaltyPointsEarned
} }`;

/** A loyalty member with a CRM contact, alone on their phone. */
const member = truth.find((p) => p.loyaltyCard && p.crmContactId && p.eshopAccountId && p.householdId === null)!;
const other = truth.find((p) => p !== member && p.loyaltyCard && p.crmContactId && p.householdId === null)!;

let stack: Stack;
const customerIds = new Map<Person, string>();

async function customerId(p: Person): Promise<string> {
  if (!customerIds.has(p)) {
    const { data } = await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: p.loyaltyCard });
    customerIds.set(p, data.findCustomers[0].id);
  }
  return customerIds.get(p)!;
}

/** Products that a store promotion of that store covers today, and others. */
const storeId = world.pos.promotions.find((p) => p.ean && p.to > '2026-12')!.store;
const basket = (n: number) => world.eshop.products.slice(0, n).map((p, i) => ({ sku: p.sku, quantity: (i % 3) + 1 }));

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

describe('quote', () => {
  it('gives the same total and the same promotions in the three channels', async () => {
    const id = await customerId(member);
    const promoted = world.pos.promotions
      .filter((p) => p.store === storeId && p.ean && p.to > '2026-12')
      .map((p) => world.eshop.products.find((x) => x.ean === p.ean)!.sku);
    const lines = [...basket(8), ...promoted.slice(0, 2).map((sku) => ({ sku, quantity: 2 }))];
    const answers = await Promise.all(
      CHANNELS.map((channel) =>
        gql(stack, QUOTE, { input: { channel, storeId, customerId: id, lines, promoCodes: ['WELCOME10', 'NOPE'] } }),
      ),
    );
    for (const a of answers) expect(a.errors).toBeUndefined();
    const [web, store, call] = answers.map((a) => a.data.quote);
    const comparable = (q: any) => ({ ...q, channel: undefined });
    expect(comparable(store)).toEqual(comparable(web));
    expect(comparable(call)).toEqual(comparable(web));
    // every cent explained
    const applied = web.appliedPromotions.reduce((s: number, a: any) => s + a.amount.centAmount, 0);
    expect(applied).toBe(web.discount.centAmount);
    expect(web.total.centAmount).toBe(web.subtotal.centAmount - web.discount.centAmount);
    expect(web.subtotal.centAmount).toBe(web.lines.reduce((s: number, l: any) => s + l.lineTotal.centAmount, 0));
    expect(web.loyaltyPointsEarned).toBe(Math.floor(web.total.centAmount / 100));
    // the store's promotion and the web code both count
    expect(web.appliedPromotions.some((a: any) => a.promotion.source === 'pos')).toBe(true);
    expect(web.rejectedPromoCodes).toContainEqual({ code: 'NOPE', reason: 'UNKNOWN' });
    // list prices are the e-shop's
    for (const line of web.lines) {
      const product = world.eshop.products.find((p) => p.sku === line.product.sku)!;
      expect(line.listPrice.centAmount).toBe(Math.round(Number(product.price) * 100));
      expect(line.lineTotal.centAmount).toBe(line.listPrice.centAmount * line.quantity);
    }
  });

  it('says why a code was refused', async () => {
    const cheap = world.eshop.products.find((p) => Number(p.price) < 20)!;
    const { data, errors } = await gql(stack, QUOTE, {
      input: { channel: 'WEB', lines: [{ sku: cheap.sku, quantity: 1 }], promoCodes: ['SOLDES2025', 'MOINS15', 'nope'] },
    });
    expect(errors).toBeUndefined();
    expect(data.quote.rejectedPromoCodes).toEqual(
      expect.arrayContaining([
        { code: 'SOLDES2025', reason: 'EXPIRED' },
        { code: 'MOINS15', reason: 'MINIMUM_NOT_MET' },
        { code: 'nope', reason: 'UNKNOWN' },
      ]),
    );
    expect(data.quote.discount.centAmount).toBe(0);
  });

  it('prices a product given on several lines as one line of all its units, its store promotion on the second unit included', async () => {
    const half = world.pos.promotions.find((p) => p.kind === 'second_half_price' && p.ean && p.to > '2026-12')!;
    const sku = world.eshop.products.find((p) => p.ean === half.ean)!.sku;
    const other = world.eshop.products.find((p) => p.sku !== sku)!.sku;
    const quoted = (lines: { sku: string; quantity: number }[]) =>
      gql(stack, QUOTE, { input: { channel: 'STORE', storeId: half.store, lines } });
    const [split, whole] = await Promise.all([
      quoted([
        { sku, quantity: 1 },
        { sku: other, quantity: 1 },
        { sku, quantity: 1 },
      ]),
      quoted([
        { sku, quantity: 2 },
        { sku: other, quantity: 1 },
      ]),
    ]);
    expect(whole.data.quote.appliedPromotions.map((a: any) => a.promotion.kind)).toContain('SECOND_HALF_PRICE');
    expect(split).toEqual(whole);
  });

  it('rejects bad baskets with BAD_USER_INPUT and changes nothing', async () => {
    const sku = world.eshop.products[0].sku;
    const bad = [
      { channel: 'WEB', lines: [{ sku, quantity: 0 }] },
      { channel: 'WEB', lines: [{ sku, quantity: 1000 }] },
      { channel: 'WEB', lines: [{ sku: 'SKU-999999', quantity: 1 }] },
      { channel: 'WEB', lines: [] },
      { channel: 'STORE', lines: [{ sku, quantity: 1 }] },
      { channel: 'WEB', storeId: 'ST999', lines: [{ sku, quantity: 1 }] },
      { channel: 'WEB', storeId: "ST001'; --", lines: [{ sku, quantity: 1 }] },
    ];
    for (const input of bad) {
      const { errors } = await gql(stack, QUOTE, { input });
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const unknownCustomer = await gql(stack, QUOTE, {
      input: { channel: 'WEB', customerId: 'cus_0000000000000000', lines: [{ sku, quantity: 1 }] },
    });
    expect(unknownCustomer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('costs no legacy call for prices or promotions once warm', async () => {
    const id = await customerId(member);
    const input = { channel: 'STORE', storeId, customerId: id, lines: basket(20), promoCodes: ['WELCOME10'] };
    const first = await gql(stack, QUOTE, { input });
    expect(first.data.quote.lines).toHaveLength(20);
    await resetStats(stack);
    const warm = await gql(stack, QUOTE, { input });
    expect(warm.data.quote).toEqual(first.data.quote);
    const calls = await legacyCalls(stack);
    expect(calls.eshop).toBe(0);
    expect(calls.pos).toBe(0);
    expect(calls.crm).toBe(0);
    // the customer's tier only: one members:batchGet, nothing for offers
    const loyaltyRoutes = Object.keys((await simStats(stack, 'loyalty')).byRoute);
    expect(loyaltyRoutes).toEqual(['POST /v1/members:batchGet']);
  });
});

describe('Product.offer', () => {
  it('is the price of one unit quoted alone, in every channel', async () => {
    const sku = world.eshop.products[7].sku;
    const offers = await gql(
      stack,
      `query($sku: ID!, $s: ID!) { product(sku: $sku) { price { centAmount }
        web: offer(channel: WEB, storeId: $s) { listPrice { centAmount } price { centAmount } appliedPromotions { promotion { id } } }
        store: offer(channel: STORE, storeId: $s) { listPrice { centAmount } price { centAmount } appliedPromotions { promotion { id } } } } }`,
      { sku, s: storeId },
    );
    expect(offers.errors).toBeUndefined();
    const { product } = offers.data;
    expect(product.web).toEqual(product.store);
    expect(product.web.listPrice.centAmount).toBe(product.price.centAmount);
    const quoted = await gql(stack, QUOTE, { input: { channel: 'STORE', storeId, lines: [{ sku, quantity: 1 }] } });
    expect(product.store.price.centAmount).toBe(quoted.data.quote.total.centAmount);
  });

  it('prices products(first: 50) for a store in a bounded number of legacy calls', async () => {
    await resetStats(stack);
    const { data, errors } = await gql(
      stack,
      'query($s: ID!) { products(first: 50) { edges { node { sku offer(channel: STORE, storeId: $s) { price { centAmount } } } } } }',
      { s: storeId },
    );
    expect(errors).toBeUndefined();
    expect(data.products.edges).toHaveLength(50);
    const calls = await legacyCalls(stack);
    expect(calls.eshop).toBe(0); // the list, price book and promotions are cached
    expect(calls.pos).toBe(0);
  });
});

describe('Promotion', () => {
  it('names the stores it runs in: a store promotion only there, the others everywhere', async () => {
    const id = await customerId(member);
    const { data, errors } = await gql(
      stack,
      'query($id: ID!, $s: ID!) { customer(id: $id) { offers(channel: STORE, storeId: $s) { id source stores { id } channels } } }',
      { id, s: storeId },
    );
    expect(errors).toBeUndefined();
    const runsIn = new Map<string, string[]>((await dump(stack, 'pos')).promotions.map((p: any) => [`pos:${p.store}:${p.id}`, [p.store]]));
    const offers = data.customer.offers;
    expect(offers.some((p: any) => p.source === 'pos')).toBe(true);
    expect(offers.some((p: any) => p.source !== 'pos')).toBe(true);
    for (const p of offers) {
      expect(p.stores?.map((s: any) => s.id) ?? null).toEqual(p.source === 'pos' ? runsIn.get(p.id) : null);
    }
  });
});

describe('goodwill vouchers', () => {
  it('become a promotion of that customer only, used as a code', async () => {
    const id = await customerId(member);
    const granted = await gql(
      stack,
      'mutation($c: ID!) { grantGoodwill(customerId: $c, amount: 1500, reason: "late delivery") { code amount { centAmount } customer { id } } }',
      { c: id },
    );
    expect(granted.errors).toBeUndefined();
    const { code } = granted.data.grantGoodwill;
    expect(code).toMatch(/^GW-/);
    expect(granted.data.grantGoodwill.customer.id).toBe(id);
    const crm = await dump(stack, 'crm');
    expect(crm.vouchers.some((v: any) => v.voucher_code === code && v.contact_id === member.crmContactId)).toBe(true);

    const offers = await gql(stack, 'query($id: ID!) { customer(id: $id) { offers(channel: CALL_CENTER) { id source code } } }', { id });
    expect(offers.data.customer.offers).toContainEqual({ id: `crm:${code}`, source: 'crm', code });

    const lines = basket(3);
    const mine = await gql(stack, QUOTE, { input: { channel: 'CALL_CENTER', customerId: id, lines, promoCodes: [code] } });
    expect(mine.data.quote.appliedPromotions).toContainEqual(
      expect.objectContaining({ promotion: expect.objectContaining({ source: 'crm', code }), amount: { centAmount: 1500 } }),
    );
    const theirs = await gql(stack, QUOTE, {
      input: { channel: 'CALL_CENTER', customerId: await customerId(other), lines, promoCodes: [code] },
    });
    expect(theirs.data.quote.rejectedPromoCodes).toEqual([{ code, reason: 'NOT_FOR_THIS_CUSTOMER' }]);
  });

  it("keep the agent's note from the customer and store staff, in the offer and the quote as in the voucher", async () => {
    const id = await customerId(member);
    const note = `courier lost the parcel ${Date.now()}`;
    const granted = await gql(stack, 'mutation($c: ID!, $r: String!) { grantGoodwill(customerId: $c, amount: 700, reason: $r) { code } }', {
      c: id,
      r: note,
    });
    expect(granted.errors).toBeUndefined();
    const { code } = granted.data.grantGoodwill;
    const storeId = world.pos.stores[0].code;
    const read = `query($id: ID!, $store: ID!, $input: QuoteInput!) {
      customer(id: $id) { vouchers { code reason } offers(channel: STORE, storeId: $store) { id name } }
      quote(input: $input) { appliedPromotions { promotion { id name } } } }`;
    const input = { channel: 'STORE', storeId, customerId: id, lines: basket(3), promoCodes: [code] };
    const asAgent = await gql(stack, read, { id, store: storeId, input }, { as: 'agent' });
    expect(asAgent.data.customer.vouchers).toContainEqual({ code, reason: note });
    for (const as of [
      { role: 'customer' as const, sub: id },
      { role: 'store' as const, sub: 'clerk-note', storeId },
    ]) {
      const { data, errors } = await gql(stack, read, { id, store: storeId, input }, { as });
      expect(errors).toBeUndefined();
      expect(data.customer.vouchers).toContainEqual({ code, reason: null });
      // the voucher is theirs to see and use, by a name of its own
      expect(data.customer.offers).toContainEqual({ id: `crm:${code}`, name: expect.stringContaining(code) });
      expect(data.quote.appliedPromotions).toContainEqual({ promotion: { id: `crm:${code}`, name: expect.stringContaining(code) } });
      expect(JSON.stringify(data)).not.toContain(note);
    }
  });

  describe('under an idempotency key', () => {
    const GRANT =
      'mutation($c: ID!, $a: Int!, $r: String!, $k: String) { grantGoodwill(customerId: $c, amount: $a, reason: $r, idempotencyKey: $k) { code } }';
    const inCrm = async (reason: string) => (await dump(stack, 'crm')).vouchers.filter((v: any) => v.reason === reason);

    it('grants one voucher however often the key is sent, and refuses it for another gesture', async () => {
      const c = await customerId(member);
      const gesture = { c, a: 700, r: 'parcel opened', k: 'console-goodwill-0001' };
      const answers = [await gql(stack, GRANT, gesture), await gql(stack, GRANT, gesture)];
      expect(answers[0].errors).toBeUndefined();
      expect(answers[1]).toEqual(answers[0]);
      expect(await inCrm('parcel opened')).toEqual([
        expect.objectContaining({ voucher_code: answers[0].data.grantGoodwill.code, amount_cents: 700 }),
      ]);
      const other = await gql(stack, GRANT, { ...gesture, a: 900 });
      expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
      expect(await inCrm('parcel opened')).toHaveLength(1);
    });

    it("grants no second voucher while the first is at the CRM (another replica told to retry), nor once the CRM's answer to it was lost, until an operator settles it", async () => {
      // two replicas on one database, and a CRM that makes the grant after their deadline: the answer is lost. The
      // deadline is what the other replica's request has to arrive in while the first is at the CRM: 5 s, which a
      // loaded machine's few ms of polling and one request never come near
      const env = { CRM_TIMEOUT_MS: '5000', DATABASE_URL: await stackDatabaseUrl() };
      const lossy = await startTestStack(env);
      const legacy = Object.fromEntries(SYSTEM_LIST.map((s) => [`${s.toUpperCase()}_URL`, lossy.legacyUrls[s]]));
      const replica = await startTestStack({ ...env, ...legacy });
      try {
        const found = await gql(lossy, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: member.loyaltyCard });
        const gesture = { c: found.data.findCustomers[0].id, a: 800, r: 'answer lost', k: 'console-goodwill-0002' };
        const granted = async () => (await dump(lossy, 'crm')).vouchers.filter((v: any) => v.reason === gesture.r);
        await resetStats(lossy);
        await setFaults(lossy, 'crm', { latency_ms: 5_500 });
        const [first, again] = [gql(lossy, GRANT, gesture), gql(lossy, GRANT, gesture)]; // a double click: one grant, shared
        await until('the first at the CRM', async () => (await simStats(lossy, 'crm')).byMethod?.['goodwill.grant'] === 1);
        const elsewhere = await gql(replica, GRANT, gesture);
        expect(elsewhere.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', retryable: true } });
        for (const answer of await Promise.all([first, again])) {
          expect(answer.errors?.[0]).toMatchObject({
            message: expect.stringMatching(/may have granted/),
            extensions: { code: 'CONFLICT' },
          });
        }
        await until('the late grant made', async () => (await granted()).length === 1);
        await setFaults(lossy, 'crm', {});
        const retry = await gql(replica, GRANT, gesture);
        expect(retry.errors?.[0]).toMatchObject({ message: expect.stringMatching(/may have granted/), extensions: { code: 'CONFLICT' } });
        expect(retry.errors?.[0].extensions?.retryable).toBeUndefined();
        expect(await granted()).toHaveLength(1);
        // for an operator, who checks in the CRM
        const doubtful = await gql(
          replica,
          '{ goodwillInDoubt { idempotencyKey customer { id } amount { centAmount } reason answerLost } }',
        );
        expect(doubtful.data.goodwillInDoubt).toEqual([
          { idempotencyKey: gesture.k, customer: { id: gesture.c }, amount: { centAmount: 800 }, reason: gesture.r, answerLost: true },
        ]);
        const asAgent = await gql(replica, '{ goodwillInDoubt { idempotencyKey } }', {}, { as: 'agent' });
        expect(asAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect((await simStats(lossy, 'crm')).byMethod?.['goodwill.grant']).toBe(1);
        // the operator finds the voucher in the CRM and settles the key with it: the agent's retry answers it
        const [inTheCrm] = await granted();
        const SETTLE =
          'mutation($k: String!, $v: FoundVoucherInput) { settleGoodwillInDoubt(idempotencyKey: $k, voucher: $v) { code amount { centAmount } expiresAt customer { id } } }';
        const seen = { code: inTheCrm.voucher_code, expiresAt: new Date(inTheCrm.expires_at * 1000).toISOString() };
        const byAgent = await gql(replica, SETTLE, { k: gesture.k, v: seen }, { as: 'agent' });
        expect(byAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        const settled = await gql(replica, SETTLE, { k: gesture.k, v: seen });
        expect(settled).toEqual({
          data: { settleGoodwillInDoubt: { ...seen, amount: { centAmount: 800 }, customer: { id: gesture.c } } },
        });
        expect((await gql(replica, GRANT, gesture)).data.grantGoodwill.code).toBe(inTheCrm.voucher_code);
        const vouchers = await gql(lossy, 'query($c: ID!) { customer(id: $c) { vouchers { code status } } }', { c: gesture.c });
        expect(vouchers.data.customer.vouchers).toContainEqual({ code: inTheCrm.voucher_code, status: 'AVAILABLE' });
        expect((await gql(replica, '{ goodwillInDoubt { idempotencyKey } }')).data.goodwillInDoubt).toEqual([]);
        const twice = await gql(replica, SETTLE, { k: gesture.k, v: null });
        expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
        expect((await simStats(lossy, 'crm')).byMethod?.['goodwill.grant']).toBe(1);
      } finally {
        await replica.close();
        await lossy.close();
      }
    });
  });

  it('refuses a bad amount', async () => {
    const id = await customerId(member);
    for (const amount of [0, -5, 1_000_000]) {
      const { errors } = await gql(
        stack,
        'mutation($c: ID!, $a: Int!) { grantGoodwill(customerId: $c, amount: $a, reason: "x") { code } }',
        { c: id, a: amount },
      );
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('drift', () => {
  it('lists shelf prices that differ from the list price, and syncs them', async () => {
    const { prices } = await dump(stack, 'pos');
    const listOf = new Map(world.eshop.products.map((p) => [p.ean, Math.round(Number(p.price) * 100)]));
    const drifting = prices.filter((p: any) => listOf.get(p.ean) !== p.cents);
    const store = drifting[0].store;
    const expected = drifting.filter((p: any) => p.store === store).length;
    const q =
      'query($s: ID) { priceDiscrepancies(storeId: $s, first: 100) { totalCount edges { node { product { sku ean } system store { id } systemPrice { centAmount } listPrice { centAmount } } } } }';
    const before = await gql(stack, q, { s: store });
    expect(before.errors).toBeUndefined();
    expect(before.data.priceDiscrepancies.totalCount).toBe(expected);
    for (const { node } of before.data.priceDiscrepancies.edges) {
      expect(node.system).toBe('POS');
      expect(node.listPrice.centAmount).toBe(listOf.get(node.product.ean));
      expect(node.systemPrice.centAmount).not.toBe(node.listPrice.centAmount);
    }
    const all = await gql(stack, 'query { priceDiscrepancies(first: 1) { totalCount } }');
    expect(all.data.priceDiscrepancies.totalCount).toBe(drifting.length);

    const dry = await gql(stack, 'mutation($s: ID!) { syncShelfPrices(storeId: $s) { product { sku } } }', { s: store });
    expect(dry.data.syncShelfPrices).toHaveLength(expected);
    expect((await gql(stack, q, { s: store })).data.priceDiscrepancies.totalCount).toBe(expected);

    const wet = await gql(stack, 'mutation($s: ID!) { syncShelfPrices(storeId: $s, dryRun: false) { product { sku } } }', { s: store });
    expect(wet.data.syncShelfPrices).toHaveLength(expected);
    expect((await gql(stack, q, { s: store })).data.priceDiscrepancies.totalCount).toBe(0);
    const after = (await dump(stack, 'pos')).prices.filter((p: any) => p.store === store);
    expect(after.every((p: any) => listOf.get(p.ean) === p.cents)).toBe(true);
  });

  it('reports loyalty offers whose channel flags disagree with the policy', async () => {
    const { data, errors } = await gql(stack, '{ promotionChannelConflicts { promotion { id source } legacyChannels policyChannels } }');
    expect(errors).toBeUndefined();
    const flaggedOneWay = world.loyalty.offers.filter((o) => o.channels.length === 1);
    expect(data.promotionChannelConflicts.length).toBe(flaggedOneWay.length);
    for (const c of data.promotionChannelConflicts) {
      expect(c.promotion.source).toBe('loyalty');
      expect([...c.legacyChannels].sort()).not.toEqual([...c.policyChannels].sort());
    }
  });
});

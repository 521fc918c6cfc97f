// What the call center console asks of the graph beyond the contract (issue 14), end to end
// against the simulators, each answer compared with the simulators' own records.
import type { Stack } from '../../platform/tools/stack';
import { dump, gql, inEverySilo, resetStats, seeded, setFaults, simStats, startTestStack, until } from './harness';

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
});

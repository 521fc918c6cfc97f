// One customer's path across channels, and agents fixing links by hand, through the gateway.
import type { Person } from '../../legacy/seed';
import type { Stack } from '../../platform/tools/stack';
import { dump, gql, seeded, setFaults, startTestStack, inEverySilo } from './harness';
import { receiptsOfCard } from './seeded-orders';

const { world, truth } = seeded();

const person = truth.find(
  (p) =>
    inEverySilo(p) &&
    world.eshop.events.some((e) => e.account_id === p.eshopAccountId) &&
    world.crm.calls.some((c) => c.contact_id === p.crmContactId),
)!;

/** How many events each silo holds for the person: what the journey must show. */
function expectedCounts(p: Person) {
  const cases = world.crm.cases.filter((c) => c.contact_id === p.crmContactId);
  return {
    browsing: world.eshop.events.filter((e) => e.account_id === p.eshopAccountId).length,
    webOrders: world.eshop.orders.filter((o) => o.account_id === p.eshopAccountId).length,
    receipts: world.pos.receipts.filter((r) => r.card?.replace(/\s/g, '') === p.loyaltyCard).length,
    cases: cases.length + cases.filter((c) => c.closed_at !== null).length,
    calls: world.crm.calls.filter((c) => c.contact_id === p.crmContactId).length,
    ledger: world.loyalty.transactions.filter((t) => t.card_number === p.loyaltyCard).length,
  };
}

const JOURNEY = `query($id: ID!, $first: Int, $after: String) { customer(id: $id) {
  journey(first: $first, after: $after) { edges { cursor node { at channel kind product { sku } store { id } order { id } detail } } pageInfo { hasNextPage endCursor } }
} }`;

let stack: Stack;
const idOf = async (card: string) =>
  (await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: card })).data.findCustomers[0].id as string;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

describe('Customer.journey', () => {
  it('holds every channel event of the person, newest first, and pages through them', async () => {
    const id = await idOf(person.loyaltyCard!);
    const all: any[] = [];
    let after: string | null = null;
    do {
      const { data, errors }: any = await gql(stack, JOURNEY, { id, first: 100, after });
      expect(errors).toBeUndefined();
      all.push(...data.customer.journey.edges.map((e: any) => e.node));
      after = data.customer.journey.pageInfo.hasNextPage ? data.customer.journey.pageInfo.endCursor : null;
    } while (after);
    const n = expectedCounts(person);
    const count = (kinds: string[]) => all.filter((e) => kinds.includes(e.kind)).length;
    expect(count(['PRODUCT_VIEW', 'ADD_TO_CART', 'AVAILABILITY_CHECK', 'STORE_LOCATOR_VIEW'])).toBe(n.browsing);
    expect(count(['WEB_ORDER', 'PHONE_ORDER'])).toBe(n.webOrders);
    expect(count(['STORE_PURCHASE'])).toBe(n.receipts);
    expect(count(['CASE_OPENED', 'CASE_CLOSED'])).toBe(n.cases);
    expect(count(['CALL'])).toBe(n.calls);
    expect(count(['LOYALTY_EARN', 'LOYALTY_BURN', 'LOYALTY_ADJUST'])).toBe(n.ledger);
    expect(all.every((e, i) => i === 0 || all[i - 1].at >= e.at)).toBe(true);
    expect(
      all.filter((e) => e.kind === 'STORE_PURCHASE').every((e) => e.channel === 'STORE' && /^ST\d{3}$/.test(e.store.id) && e.order.id),
    ).toBe(true);
    expect(all.filter((e) => e.kind === 'PRODUCT_VIEW').every((e) => e.channel === 'WEB' && e.product.sku)).toBe(true);
  });

  it('sums up each channel and names the preferred one', async () => {
    const id = await idOf(person.loyaltyCard!);
    const { data } = await gql(
      stack,
      'query($id: ID!) { customer(id: $id) { preferredChannel channelSummary { channel orders spend { centAmount } lastActivityAt } } }',
      { id },
    );
    const web = world.eshop.orders.filter((o) => o.account_id === person.eshopAccountId && o.status !== 'cancelled');
    const store = receiptsOfCard(person.loyaltyCard);
    const byChannel = Object.fromEntries(data.customer.channelSummary.map((s: any) => [s.channel, s]));
    expect(byChannel.WEB.orders).toBe(web.filter((o) => o.origin === 'web').length);
    expect(byChannel.CALL_CENTER.orders).toBe(web.filter((o) => o.origin === 'phone').length);
    expect(byChannel.STORE.orders).toBe(store.length);
    expect(byChannel.STORE.spend.centAmount).toBe(store.reduce((s, r) => s + r.total_cents, 0));
    const most = [...data.customer.channelSummary].sort((a: any, b: any) => b.orders - a.orders)[0];
    expect(data.customer.preferredChannel).toBe(most.orders > 0 ? most.channel : null);
  });

  it('is null with BAD_USER_INPUT for a cursor that is not its own, and the rest of the customer stands', async () => {
    const id = await idOf(person.loyaltyCard!);
    const q = `query($id: ID!) { customer(id: $id) { id lastName journey(first: 2, after: "zzz") { edges { cursor } } } }`;
    const { data, errors } = await gql(stack, q, { id });
    expect(errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['customer.journey', 'BAD_USER_INPUT']]);
    expect(data.customer).toEqual({ id, lastName: expect.any(String), journey: null });
  });

  it('still answers with the POS down, with one SYSTEM_UNAVAILABLE error for its part', async () => {
    const id = await idOf(person.loyaltyCard!);
    await setFaults(stack, 'pos', { down: true });
    try {
      const { data, errors } = await gql(stack, JOURNEY, { id, first: 100 });
      expect(data.customer.journey.edges.length).toBeGreaterThan(0);
      expect(data.customer.journey.edges.some((e: any) => e.node.kind === 'STORE_PURCHASE')).toBe(false);
      expect(errors).toHaveLength(1);
      expect(errors![0].extensions).toMatchObject({ code: 'SYSTEM_UNAVAILABLE', system: 'pos' });
    } finally {
      await setFaults(stack, 'pos', {});
    }
  });
});

describe('linkIdentity / unlinkIdentity', () => {
  const IDS =
    'identities { system externalId } identityDecisions { action actor identity { system externalId } fromCustomer { id } toCustomer { id } }';

  it('detaches a record into a customer of its own, and the journey follows at once', async () => {
    const id = await idOf(person.loyaltyCard!);
    const before = await gql(stack, `query($id: ID!) { customer(id: $id) { journey(first: 100) { edges { node { kind } } } } }`, { id });
    const unlinked = await gql(
      stack,
      `mutation($id: ID!, $x: ID!) { unlinkIdentity(customerId: $id, system: CRM, externalId: $x) { id ${IDS} } }`,
      { id, x: person.crmContactId },
      { as: { role: 'agent', sub: 'agent-7' } },
    );
    expect(unlinked.errors).toBeUndefined();
    const c = unlinked.data.unlinkIdentity;
    expect(c.identities).not.toContainEqual({ system: 'CRM', externalId: person.crmContactId });
    expect(c.identityDecisions.filter((d: any) => d.actor !== 'matching rules')).toEqual([
      expect.objectContaining({
        action: 'UNLINK',
        actor: 'agent:agent-7',
        identity: { system: 'CRM', externalId: person.crmContactId },
        fromCustomer: { id },
      }),
    ]);
    const after = await gql(stack, `query($id: ID!) { customer(id: $id) { journey(first: 100) { edges { node { kind } } } } }`, { id });
    const calls = (r: any) => r.data.customer.journey.edges.filter((e: any) => e.node.kind === 'CALL').length;
    expect(calls(before)).toBeGreaterThan(0);
    expect(calls(after)).toBe(0);

    // and back again, by hand: the calls return to the journey
    const relinked = await gql(
      stack,
      `mutation($id: ID!, $x: ID!) { linkIdentity(customerId: $id, system: CRM, externalId: $x) { id identities { system externalId } } }`,
      {
        id,
        x: person.crmContactId,
      },
    );
    expect(relinked.data.linkIdentity.identities).toContainEqual({ system: 'CRM', externalId: person.crmContactId });
    const again = await gql(stack, `query($id: ID!) { customer(id: $id) { journey(first: 100) { edges { node { kind } } } } }`, { id });
    expect(calls(again)).toBe(calls(before));
  });

  it('links a record the matching could not, reading it from its silo first', async () => {
    const id = await idOf(person.loyaltyCard!);
    const stranger = truth.find((p) => p.crmContactId && !p.eshopAccountId && !p.loyaltyCard && p.householdId === null)!;
    const { data, errors } = await gql(
      stack,
      `mutation($id: ID!, $x: ID!) { linkIdentity(customerId: $id, system: CRM, externalId: $x) { identities { system externalId } } }`,
      {
        id,
        x: stranger.crmContactId,
      },
    );
    expect(errors).toBeUndefined();
    expect(data.linkIdentity.identities).toContainEqual({ system: 'CRM', externalId: stranger.crmContactId });
  });

  it('refuses unknown customers and records', async () => {
    const id = await idOf(person.loyaltyCard!);
    const unknown = await gql(
      stack,
      'mutation { linkIdentity(customerId: "cus_0000000000000000", system: CRM, externalId: "C-000101") { id } }',
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const missing = await gql(stack, `mutation($id: ID!) { linkIdentity(customerId: $id, system: ESHOP, externalId: "A-99999") { id } }`, {
      id,
    });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const pos = await gql(stack, `mutation($id: ID!) { linkIdentity(customerId: $id, system: POS, externalId: "x") { id } }`, { id });
    expect(pos.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('ropoReport', () => {
  it('counts store and web purchase lines of the period through the gateway, and rejects a reversed period', async () => {
    const q = `query($from: DateTime!, $to: DateTime!) { ropoReport(from: $from, to: $to, lookbackDays: 20) {
      from to lookbackDays storePurchases ropoPurchases ropoRate showroomingPurchases
      byCategory { category storePurchases ropoPurchases ropoRate showroomingPurchases } } }`;
    const { data, errors } = await gql(stack, q, { from: '2026-08-20T00:00:00Z', to: '2026-11-20T00:00:00Z' });
    expect(errors).toBeUndefined();
    const r = data.ropoReport;
    expect(r).toMatchObject({ from: '2026-08-20T00:00:00.000Z', to: '2026-11-20T00:00:00.000Z', lookbackDays: 20 });
    expect(r.storePurchases).toBeGreaterThan(0);
    expect(r.ropoPurchases).toBeGreaterThan(0);
    expect(r.ropoRate).toBeCloseTo(r.ropoPurchases / r.storePurchases, 10);
    const sum = (k: string) => r.byCategory.reduce((s: number, c: any) => s + c[k], 0);
    expect(sum('storePurchases')).toBe(r.storePurchases);
    expect(sum('ropoPurchases')).toBe(r.ropoPurchases);
    expect(sum('showroomingPurchases')).toBe(r.showroomingPurchases);
    // store receipt lines of the period, counted from the POS's own data
    const from = '2026-08-20',
      to = '2026-11-20';
    const lines = world.pos.receipts
      .filter((x) => x.at.slice(0, 10) > from && x.at.slice(0, 10) < to)
      .reduce((s, x) => s + x.lines.length, 0);
    expect(r.storePurchases).toBeGreaterThanOrEqual(lines);

    const bad = await gql(stack, q, { from: '2026-11-20T00:00:00Z', to: '2026-08-20T00:00:00Z' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('openCase', () => {
  const OPEN = 'mutation($i: OpenCaseInput!) { openCase(input: $i) { id subject status channel } }';

  it('opens a CRM case for the customer, which their cases and journey then show', async () => {
    const id = await idOf(person.loyaltyCard!);
    const { data, errors } = await gql(
      stack,
      OPEN,
      { i: { customerId: id, subject: 'Broken lamp', body: 'Arrived broken', channel: 'PHONE' } },
      { as: 'agent' },
    );
    expect(errors).toBeUndefined();
    expect(data.openCase).toMatchObject({ subject: 'Broken lamp', status: 'OPEN', channel: 'PHONE' });
    const crm = await dump(stack, 'crm');
    expect(crm.cases.find((c: any) => c.id === data.openCase.id)).toMatchObject({
      contact_id: person.crmContactId,
      subject: 'Broken lamp',
    });
    const cases = await gql(stack, 'query($id: ID!) { customer(id: $id) { cases { id } } }', { id });
    expect(cases.data.customer.cases[0].id).toBe(data.openCase.id);
  });

  it('is refused to a customer and to empty input, and writes nothing then', async () => {
    const id = await idOf(person.loyaltyCard!);
    const before = (await dump(stack, 'crm')).cases.length;
    const asCustomer = await gql(
      stack,
      OPEN,
      { i: { customerId: id, subject: 's', body: 'b', channel: 'EMAIL' } },
      { as: { role: 'customer', sub: id } },
    );
    expect(asCustomer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const empty = await gql(stack, OPEN, { i: { customerId: id, subject: '  ', body: 'b', channel: 'EMAIL' } }, { as: 'agent' });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await dump(stack, 'crm')).cases.length).toBe(before);
  });
});

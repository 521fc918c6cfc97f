// A legacy answer of the wrong shape stays in its place: an e-shop whose orders route answers each
// order's total as a number instead of a decimal string (a legacy double in front of the simulator)
// fails the customer's web orders alone, with SYSTEM_UNAVAILABLE naming the e-shop; their store
// receipts, loyalty account and cases are answered in full. Expected figures come from the
// simulators' dumps.
import { startSimulator, type SimHandle } from '../../legacy';
import type { Stack } from '../../platform/tools/stack';
import { dump, gql, inEverySilo, seeded, startTestStack } from './harness';
import type { LocalServer } from '../adapters/servers';
import { startLegacyDouble } from './legacy-double';
import { receiptsOfCard } from './seeded-orders';

const { world, truth } = seeded();

/** Someone with web orders, store receipts and cases. */
const person = truth.find(
  (p) =>
    inEverySilo(p) &&
    world.eshop.orders.some((o) => o.account_id === p.eshopAccountId) &&
    receiptsOfCard(p.loyaltyCard).length > 0 &&
    world.crm.cases.some((c) => c.contact_id === p.crmContactId),
)!;

const ORDERS_ROUTE = /^\/api\/v2\/customers\/[^/]+\/orders$/;

let eshop: SimHandle;
let double: LocalServer;
let stack: Stack;
beforeAll(async () => {
  eshop = await startSimulator('eshop', { world });
  double = await startLegacyDouble(eshop.url, (method, path) =>
    method === 'GET' && ORDERS_ROUTE.test(path)
      ? (page: { data: { total: string }[] }) => ({ ...page, data: page.data.map((o) => ({ ...o, total: Number(o.total) })) })
      : undefined,
  );
  stack = await startTestStack({ ESHOP_URL: double.url });
});
afterAll(async () => {
  await stack.close();
  await double.close();
  await eshop.close();
});

it("answers the e-shop's fields with SYSTEM_UNAVAILABLE and the rest of the customer in full", async () => {
  const found = await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c: person.loyaltyCard });
  const answer = await gql(
    stack,
    `query($id: ID!) { customer(id: $id) {
      loyalty { cardNumber tier pointsBalance }
      cases { id }
      orders(first: 50) { edges { node { id } } }
    } }`,
    { id: found.data.findCustomers[0].id },
  );

  const [pos, loyalty, crm] = await Promise.all([dump(stack, 'pos'), dump(stack, 'loyalty'), dump(stack, 'crm')]);
  const member = loyalty.members.find((m: { card_number: string }) => m.card_number === person.loyaltyCard);
  const receipts = receiptsOfCard(person.loyaltyCard, pos.receipts as { card: string | null; id: string }[]);
  const cases = crm.cases.filter((c: { contact_id: string }) => c.contact_id === person.crmContactId);
  expect(receipts.length).toBeLessThan(50);

  const { customer } = answer.data;
  expect(customer.loyalty).toEqual({ cardNumber: person.loyaltyCard, tier: member.tier, pointsBalance: member.points_balance });
  expect(customer.cases.map((c: { id: string }) => c.id).sort()).toEqual(cases.map((c: { id: string }) => c.id).sort());
  expect(customer.orders.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(
    receipts.map((r: { id: string }) => r.id).sort(),
  );
  expect(answer.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.system])).toEqual([
    ['customer.orders', 'SYSTEM_UNAVAILABLE', 'eshop'],
  ]);
});

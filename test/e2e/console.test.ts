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

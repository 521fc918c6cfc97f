// A cancel whose e-shop call was in doubt is run again later, by its key's next request or the
// recovery pass: by then the order may have been handed over or partly returned, which the e-shop
// cannot see (it still says "paid"). Run again, the cancel checks what the project knows first.
import { GraphQLError } from 'graphql';
import { cancelOrderSaga } from '../../../domain/orders/cancelOrder';
import type { CommerceDeps } from '../../../domain/orders/deps';
import type { OrderFacts } from '../../../domain/orders/saga/store';

function cancelStep(facts: Partial<OrderFacts>, heldBy: 'operator' | 'recovery' | null = null) {
  const cancelled: string[] = [];
  const deps = {
    sagas: { orderFacts: async () => ({ collectedAt: null, returnedUnits: 0, ...facts }), heldBy: async () => heldBy },
    eshop: { cancelOrder: async (id: string) => void cancelled.push(id) },
  } as unknown as CommerceDeps;
  const [step] = cancelOrderSaga(deps).steps;
  const state = { orderId: 'W-2026-000123', channel: 'WEB' as const, card: null, reservationId: 'RSV-1' };
  return { run: () => step.run(state), cancelled };
}

it.each([
  ['handed over meanwhile', { collectedAt: '2026-12-02T08:00:00Z' }, /was collected/],
  ['partly returned meanwhile', { returnedUnits: 1 }, /partly returned/],
])('refuses, %s: CONFLICT, and the e-shop is not asked', async (_, facts, message) => {
  const { run, cancelled } = cancelStep(facts);
  const refused = await run().catch((e: GraphQLError) => e);
  expect(refused).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(message) });
  expect(cancelled).toEqual([]);
});

it('refuses when a hand-over or return on the order was left in doubt meanwhile: CONFLICT, for an operator', async () => {
  const { run, cancelled } = cancelStep({}, 'operator');
  await expect(run()).rejects.toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/waits for an operator/) });
  expect(cancelled).toEqual([]);
});

it('cancels an order nothing has happened to since (its own operation, still unfinished, holds nothing back)', async () => {
  const { run, cancelled } = cancelStep({}, 'recovery');
  await run();
  expect(cancelled).toEqual(['W-2026-000123']);
});

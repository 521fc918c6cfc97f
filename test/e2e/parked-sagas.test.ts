// A saga parked because a legacy system refused one of its steps for good: the service role sees
// it (the query names the order, the step and the refusal) and so does /metrics; nobody else does.
import { openDatabase } from '../../platform/db';
import { SagaStore } from '../../domain/orders/saga/store';
import type { Stack } from '../../platform/tools/stack';
import { gql, seeded, startTestStack, tokenFor, stackDatabaseUrl } from './harness';

const PARKED = `{ sagasNeedingAttention { id kind order { id } step reason { code message } refusals parkedAt } }`;
const orderId = seeded().world.eshop.orders[0].id;
let stack: Stack;

beforeAll(async () => {
  const url = await stackDatabaseUrl();
  // what an earlier run left: a cancel whose reservation release the POS refused, ten times
  const db = openDatabase(url);
  const sagas = await SagaStore.open(db);
  await sagas.begin(
    'client:cancel-1234',
    'cancelOrder',
    'h',
    { orderId: orderId, reservationId: 'RSV-1' },
    { owner: 'earlier run', ms: 0 },
  );
  const refusal = { code: 'INTERNAL', message: 'The pos system refused the request', extensions: { code: 'INTERNAL', system: 'pos' } };
  for (let i = 0; i < 10; i++) await sagas.refused('client:cancel-1234', 'releaseReservation', refusal);
  await sagas.finish('client:cancel-1234', 'parked', { result: { orderId: orderId } });
  await db.close();
  stack = await startTestStack({ DATABASE_URL: url });
});
afterAll(() => stack?.close());

it('lists a parked saga to the service role, with its order, step and reason', async () => {
  const { data, errors } = await gql(stack, PARKED);
  expect(errors).toBeUndefined();
  expect(data.sagasNeedingAttention).toEqual([
    {
      id: 'client:cancel-1234',
      kind: 'cancelOrder',
      order: { id: orderId },
      step: 'releaseReservation',
      reason: { code: 'INTERNAL', message: 'The pos system refused the request' },
      refusals: 10,
      parkedAt: expect.any(String),
    },
  ]);
});

it.each(['agent', { role: 'store', sub: 'clerk', storeId: 'ST001' }, { role: 'customer', sub: 'cus_x' }] as const)(
  'refuses it to %p: FORBIDDEN',
  async (as) => {
    const { errors } = await gql(stack, PARKED, {}, { as });
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  },
);

it('counts it in /metrics', async () => {
  const res = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/metrics'), {
    headers: { authorization: `Bearer ${await tokenFor('service')}` },
  });
  const metrics = await res.text();
  expect(metrics).toMatch(/^omnigraph_sagas_parked 1$/m);
  expect(metrics).toMatch(/^omnigraph_sagas_step_in_doubt 0$/m);
});

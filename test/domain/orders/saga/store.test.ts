import { SagaStore } from '../../../../domain/orders/saga/store';
import { freshDb } from '../../../databases';

const lease = { owner: 'replica-a', ms: 30_000 };
const refusal = { code: 'CONFLICT', message: 'refused', extensions: {} };

it('a restarted operation counts its refusals afresh: the attempt before cannot park it early', async () => {
  const sagas = await SagaStore.open(await freshDb());
  await sagas.begin('key-1', 'placeOrder', 'hash', {}, lease);
  expect(await sagas.refused('key-1', 'earn points', refusal)).toBe(1);
  expect(await sagas.refused('key-1', 'earn points', refusal)).toBe(2);
  await sagas.finish('key-1', 'failed', { error: refusal });

  expect(await sagas.restart('key-1', {}, lease)).toBe(true);
  expect(await sagas.refused('key-1', 'earn points', refusal)).toBe(1);
});

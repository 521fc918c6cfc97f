// A voucher claim whose call to the offers subgraph got no answer may still be committed there
// after the order gave up on it: the claim's undo (its release, by the order's ref) waits until it
// can have landed, so that a late claim does not keep the voucher from its customer for an order
// that never was.
import type { GraphQLError } from 'graphql';
import type { CommerceDeps } from '../../../domain/orders/deps';
import { placeOrderSaga } from '../../../domain/orders/placeOrder';
import type { PlaceOrderState } from '../../../domain/orders/plan';
import { SagaRunner } from '../../../domain/orders/saga/runner';
import { SagaStore } from '../../../domain/orders/saga/store';
import { openDatabase } from '../../../platform/db';
import { SubgraphUnansweredError } from '../../../platform/errors';
import { createLogger } from '../../../platform/logging';
import { freshDatabaseUrl } from '../../databases';
import { webPlan } from './plans';

const plan = { ...webPlan, voucherCodes: ['GW-LATE'], ref: 'OG-late-claim' };

it('releases a voucher whose claim landed after its call timed out', async () => {
  const url = await freshDatabaseUrl();
  const db = openDatabase(url);
  try {
    const sagas = await SagaStore.open(db);
    /** the offers subgraph's vouchers table: who holds each code */
    const heldBy = new Map<string, string>();
    let land = () => undefined as void;
    const vouchers = {
      claim: async (codes: string[], ref: string) => {
        // still at work there when the call's deadline ran out
        land = () => codes.forEach((code) => heldBy.set(code, ref));
        throw new SubgraphUnansweredError('offers', 'no answer within 5000 ms');
      },
      release: async (codes: string[], ref: string) => codes.forEach((code) => heldBy.get(code) === ref && heldBy.delete(code)),
    };
    const saga = placeOrderSaga({ vouchers, sagas } as unknown as CommerceDeps, createLogger('silent'));
    const runner = new SagaRunner(sagas, { placeOrder: saga }, createLogger('silent'), { lateWriteMs: 60_000 });

    const place = () =>
      runner.execute(saga, 'key-1', { any: 'input' }, async () => ({ plan }) as PlaceOrderState).catch((e: GraphQLError) => e.extensions);
    expect(await place()).toEqual({ code: 'INTERNAL' });
    land();
    // not released yet: its claim may still land; the same key is told to come back
    expect(await runner.recover()).toBe(0);
    expect(await place()).toMatchObject({ code: 'CONFLICT', retryable: true });
    expect(await sagas.inDoubtCount()).toBe(1);
    expect(heldBy.get('GW-LATE')).toBe(plan.ref);
    // the time a late claim may take gone by: the recovery pass undoes it
    await db.run(`UPDATE operations SET lease_until = now() - interval '1 second'`);
    expect(await runner.recover()).toBe(1);
    expect(heldBy.has('GW-LATE')).toBe(false);
    expect((await sagas.get('key-1'))!.status).toBe('failed');
  } finally {
    await db.close();
  }
});

// The order workflows and the runner that carries them, with its recovery pass.
import type { Logger } from '../../platform/logging';
import { SagaRunner } from './saga/runner';
import { cancelOrderSaga } from './cancelOrder';
import { collectOrderSaga } from './collectOrder';
import type { CommerceDeps } from './deps';
import { placeOrderSaga } from './placeOrder';
import { returnSagas } from './returnOrder';

export type Commerce = ReturnType<typeof createCommerce>;

export function createCommerce(deps: CommerceDeps, logger: Logger, options: { leaseMs?: number; lateWriteMs?: number } = {}) {
  const returns = returnSagas(deps);
  const sagas = {
    place: placeOrderSaga(deps, logger),
    cancel: cancelOrderSaga(deps),
    collect: collectOrderSaga(deps),
    returnWeb: returns.web,
    returnStore: returns.store,
  };
  /** what follows an order's sale (cancel, hand-over, return) runs one at a time per order, across replicas */
  const perOrder = { run: <T>(orderId: string, task: () => Promise<T>) => deps.sagas.oneAtATime(orderId, task) };
  const runner = new SagaRunner(deps.sagas, Object.fromEntries(Object.values(sagas).map((s) => [s.kind, s])), logger, {
    ...options,
    aloneOnOrder: (state, work) => (typeof state.orderId === 'string' ? deps.sagas.aloneOnOrder(state.orderId, work) : work()),
  });
  return { deps, sagas, runner, perOrder };
}

/** Recovery at start-up and then on a timer, until the process stops. */
export function startRecovery(commerce: Commerce, everyMs: number, logger: Logger): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const pass = () => {
    running = running.then(() => commerce.runner.recover()).catch((err) => logger.error({ err }, 'saga recovery pass failed'));
  };
  pass();
  const timer = setInterval(pass, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

// Order sagas that need a look: read from the saga store at each scrape, so that the counts
// survive a restart and drop as soon as an operator settles one, or its system answers.
import { Gauge } from 'prom-client';
import { registry } from './registry';

export interface SagaCounts {
  parked(): Promise<number>;
  inDoubt(): Promise<number>;
}

let counts: SagaCounts = { parked: async () => 0, inDoubt: async () => 0 };

function countGauge(name: string, help: string, read: () => Promise<number>): void {
  let last = 0;
  new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      // with the database unreachable, the last count stands (the scrape still answers)
      last = await read().catch(() => last);
      this.set(last);
    },
  });
}

countGauge(
  'omnigraph_sagas_parked',
  'Order operations parked: a step (or its undo) refused for good too often, or in doubt; see the sagasNeedingAttention query',
  () => counts.parked(),
);
countGauge(
  'omnigraph_sagas_step_in_doubt',
  'Order operations whose step may have been done: a cancel whose answer was lost, run again until its system answers; an order, sale or voucher claim whose call got no answer, looked for once it can have been made',
  () => counts.inDoubt(),
);

/** The process's saga store (the last one wired, as a test stack opens a new one). */
export function countSagas(store: SagaCounts): void {
  counts = store;
}

// Order sagas parked for an operator: read from the saga store at each scrape, so that the count
// survives a restart and drops as soon as an operator settles one.
import { Gauge } from 'prom-client';
import { registry } from './registry';

let parked: () => number = () => 0;

new Gauge({
  name: 'omnigraph_sagas_parked',
  help: 'Order operations parked: a step (or its undo) refused for good too often; see the sagasNeedingAttention query',
  registers: [registry],
  collect() {
    this.set(parked());
  },
});

/** The process's saga store (the last one wired, as a test stack opens a new one). */
export function countParkedSagas(count: () => number): void {
  parked = count;
}

// Order sagas parked for an operator: read from the saga store at each scrape, so that the count
// survives a restart and drops as soon as an operator settles one.
import { Gauge } from 'prom-client';
import { registry } from './registry';

let parked: () => Promise<number> = async () => 0;
let lastCount = 0;

new Gauge({
  name: 'omnigraph_sagas_parked',
  help: 'Order operations parked: a step (or its undo) refused for good too often; see the sagasNeedingAttention query',
  registers: [registry],
  async collect() {
    // with the database unreachable, the last count stands (the scrape still answers)
    lastCount = await parked().catch(() => lastCount);
    this.set(lastCount);
  },
});

/** The process's saga store (the last one wired, as a test stack opens a new one). */
export function countParkedSagas(count: () => Promise<number>): void {
  parked = count;
}

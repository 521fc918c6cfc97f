// npm run bench:chaos — the fault-injection proof of the order workflows at a larger size: every
// legacy system fails ERROR_RATE of its calls (0.2) while ORDERS orders (600) and what follows
// them run CONCURRENCY at a time (6); prints the operations by kind and outcome, the retries, the
// legacy records reconciled and the violations found (there must be none). REPLICAS=N (1): N
// replicas over one database and the same simulators, each request (and each retry) to the next.
import { formatReport, runOrderChaos, startChaosStack } from '../../../test/e2e/order-chaos';
import { withDatabaseServer } from '../../../test/database-server';

async function main() {
  const options = {
    orders: Number(process.env.ORDERS ?? 600),
    concurrency: Number(process.env.CONCURRENCY ?? 6),
    attempts: Number(process.env.ATTEMPTS ?? 6),
    errorRate: Number(process.env.ERROR_RATE ?? 0.2),
    seed: Number(process.env.SEED ?? 1),
  };
  const chaos = await startChaosStack({}, Number(process.env.REPLICAS ?? 1));
  try {
    const started = performance.now();
    const report = await runOrderChaos(chaos.stack, chaos.databaseUrl, options, chaos.replicas);
    console.log(formatReport(options, report, performance.now() - started));
    if (report.reconciliation.violations.length > 0) process.exitCode = 1;
  } finally {
    await chaos.close();
  }
}

withDatabaseServer(main).catch((err) => {
  console.error(err);
  process.exit(1);
});

// npm run bench:faults — how long the customer-and-catalogue query of test/e2e/faults.test.ts takes
// with each legacy system failing (down, hanging, slow, flaky), alone and all four together, with a
// 400 ms legacy timeout. Each cell is the median of RUNS answers, in ms, and the errors it carried.
import { FAULTS, SCENARIOS, startFaultBench, TIMEOUT_MS } from '../../../test/e2e/fault-scenarios';
import { withDatabaseServer } from '../../../test/database-server';

const RUNS = Number(process.env.RUNS ?? 5);

async function main() {
  const bench = await startFaultBench();
  try {
    console.log(`legacy timeout ${TIMEOUT_MS} ms; median of ${RUNS} answers (errors in the median answer)\n`);
    console.log(['failing'.padEnd(10), ...Object.keys(FAULTS).map((k) => k.padStart(28))].join(''));
    for (const [name, systems] of SCENARIOS) {
      const cells: string[] = [];
      for (const faults of Object.values(FAULTS)) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await bench.underFaults(systems, faults));
        const median = runs.sort((a, b) => a.elapsedMs - b.elapsedMs)[Math.floor(RUNS / 2)];
        cells.push(`${Math.round(median.elapsedMs)} ms, ${median.response.errors?.length ?? 0} errors`.padStart(28));
      }
      console.log(name.padEnd(10) + cells.join(''));
    }
  } finally {
    await bench.stack.close();
  }
}

withDatabaseServer(main).catch((err) => {
  console.error(err);
  process.exit(1);
});

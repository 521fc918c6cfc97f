// npm run bench:startup — wall time from launching `npm start` to its first GraphQL answer (with
// DATABASE_URL unset, its own PostgreSQL server starts first, on the data kept in data/postgres).
import { spawn } from 'node:child_process';

const PORT = 4900;
const env = {
  ...process.env,
  GATEWAY_PORT: String(PORT),
  ...Object.fromEntries(
    [
      'IDENTITY_PORT',
      'OFFERS_PORT',
      'INSIGHTS_PORT',
      'ORDERS_PORT',
      'POS_SUBGRAPH_PORT',
      'ESHOP_SUBGRAPH_PORT',
      'CRM_SUBGRAPH_PORT',
      'LOYALTY_SUBGRAPH_PORT',
      'POS_SIM_PORT',
      'ESHOP_SIM_PORT',
      'CRM_SIM_PORT',
      'LOYALTY_SIM_PORT',
    ].map((k, i) => [k, String(PORT + 1 + i)]),
  ),
  LOG_LEVEL: 'warn',
};

async function main() {
  const started = performance.now();
  const child = spawn('npm', ['start'], { env, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ stores { id } }' }),
        });
        if (res.ok && ((await res.json()) as { data?: unknown }).data) break;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 120_000) throw new Error('no answer after 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    console.log(`npm start -> first answer: ${Math.round(performance.now() - started)} ms (SIM_SCALE=${process.env.SIM_SCALE ?? 1})`);
  } finally {
    process.kill(-child.pid!, 'SIGINT');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

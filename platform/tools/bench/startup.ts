// npm run bench:startup — wall time from launching `npm start` to its first GraphQL answer (with
// DATABASE_URL unset, its own PostgreSQL server starts first, on the data kept in data/postgres).
import { spawn } from 'node:child_process';
import { listeningPorts, loadConfig } from '../../config';

const PORT = 4900;
const env = {
  ...process.env,
  // every port the service listens on, from PORT up: clear of a running `npm start`
  ...Object.fromEntries(Object.keys(listeningPorts(loadConfig({}).env)).map((name, i) => [name, String(PORT + 1 + i)])),
  GATEWAY_PORT: String(PORT),
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

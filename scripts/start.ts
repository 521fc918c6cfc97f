// npm start: the whole stack on embedded defaults, until Ctrl-C.
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logging';
import { startStack } from '../stack';

const FIRST_QUERY = `{ stores { id name isOpen } products(first: 3) { edges { node { sku name price { centAmount } availability(storeId: "ST001") { available } } } } }`;

async function main() {
  const startedAt = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.env.LOG_LEVEL);
  const stack = await startStack(config, logger);
  const lines = [
    '',
    `Omnigraph gateway ready in ${Math.round(performance.now() - startedAt)} ms: ${stack.gatewayUrl}`,
    '',
    'Subgraphs:',
    ...Object.entries(stack.subgraphs).map(([name, s]) => `  ${name.padEnd(9)} ${s.url}`),
    'Legacy systems:',
    ...Object.entries(stack.legacyUrls).map(
      ([system, url]) => `  ${system.padEnd(9)} ${url}${stack.simulators[system as keyof typeof stack.simulators] ? ' (simulator)' : ''}`,
    ),
    '',
    'A first query:',
    `  curl -s ${stack.gatewayUrl} -H 'content-type: application/json' \\`,
    `    -d '${JSON.stringify({ query: FIRST_QUERY })}'`,
    '',
    'Ctrl-C stops everything.',
  ];
  console.log(lines.join('\n'));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stack.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});

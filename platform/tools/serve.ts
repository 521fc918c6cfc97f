// npm run serve -- <subgraph>: one subgraph alone, with only the legacy clients, stores and
// migrations it needs (platform/tools/pieces.ts), reaching the other subgraphs it asks at their
// <NAME>_SUBGRAPH_URL. npm run serve -- gateway: the gateway alone, routing to every subgraph's
// <NAME>_SUBGRAPH_URL; each answers /health and /ready. They share SUBGRAPH_SECRET (the gateway signs, the subgraphs verify).
// What they run on, for a try on one machine: npm run serve -- simulators (the four simulated
// systems on their *_SIM_PORT, seeded as npm start seeds them) and npm run serve -- database (a
// PostgreSQL server of its own, its data kept under DATA_DIR).
import fs from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS, type SubgraphName } from '../../gateway/supergraph';
import { readiness, readinessRoutes } from '../../gateway/health';
import { startGateway } from '../../gateway/server';
import { startSimulators } from '../../legacy';
import { generateWorld } from '../../legacy/seed';
import { HttpSubgraphClient } from '../../subgraphs/kit/graph-client';
import { startSubgraph } from '../../subgraphs/kit/server';
import { sharedSubgraphKey } from '../auth/gateway-assertion';
import {
  ConfigError,
  LEGACY_URL,
  loadConfig,
  refuseSimulatorsInProduction,
  SIM_PORT,
  SUBGRAPH_PORT,
  subgraphUrls,
  type Config,
} from '../config';
import { startEmbeddedPostgres } from '../db/embedded';
import { SYSTEMS } from '../errors';
import { startConfiguredTracing } from '../tracing';
import { createLogger, type Logger } from '../logging';
import { stopOnSignals } from './shutdown';
import { CALLS, gatewayOptions, PIECES, Resources, subgraphEndpoints } from './pieces';

/** What one `npm run serve` runs: where it answers, what else to tell whoever started it, how it stops. */
interface Served {
  url: string;
  notes?: string[];
  close(): Promise<void>;
}

const BACKENDS = ['simulators', 'database'];
const USAGE = `usage: npm run serve -- <${[...SUBGRAPHS, 'gateway', ...BACKENDS].join('|')}>`;

async function serveGateway(config: Config, logger: Logger): Promise<Served> {
  const urls = subgraphUrls(config, SUBGRAPHS);
  const server = await startGateway(
    // the subgraphs call the legacy systems and the database: each reports its own at its /ready, which this /ready asks
    gatewayOptions(config, logger, {
      subgraphs: subgraphEndpoints((name) => ({ url: urls[name] })),
      legacy: [],
      subgraphKey: sharedSubgraphKey(config),
    }),
  );
  return { url: server.url, close: () => server.close() };
}

async function serveSubgraph(name: SubgraphName, config: Config, logger: Logger): Promise<Served> {
  const gatewayKey = sharedSubgraphKey(config);
  const others = subgraphUrls(config, CALLS[name]);
  let ownUrl: string | null = null;
  const resources = new Resources({
    config,
    logger,
    legacyUrls: Object.fromEntries(SYSTEMS.flatMap((s) => (config.legacy[s].url ? [[s, config.legacy[s].url]] : []))),
    // the go-live exports come from their files (CRM_VOUCHERS_FILE, GO_LIVE_RESERVATIONS_FILE) alone
    simulated: null,
    graph: new HttpSubgraphClient({
      // its own API too, where it listens: the promotion book reads the vouchers through the offers API, in the offers subgraph as well
      url: (other) => (other === name ? ownUrl : (others as Partial<Record<SubgraphName, string>>)[other])!,
      gatewayKey,
      from: name,
      timeoutMs: config.env.SUBGRAPH_TIMEOUT_MS,
    }),
  });
  try {
    const piece = await PIECES[name](resources);
    const server = await startSubgraph(piece.definition, {
      logger,
      listen: {
        port: Number(config.env[SUBGRAPH_PORT[name]]),
        host: config.env.HOST,
        gatewayKey,
        // the silos and the database this subgraph uses, which the gateway's /ready asks here
        routes: readinessRoutes(() => readiness(resources.usedGuards(), resources.databaseProbe())),
      },
    });
    ownUrl = server.url;
    const background = piece.background?.();
    return {
      url: server.url!, // given `listen`, it listens
      close: async () => {
        await background?.();
        await server.close();
        await resources.close();
      },
    };
  } catch (err) {
    await resources.close();
    throw err;
  }
}

/**
 * The simulated systems, as `npm start` runs them: only on loopback (their /__sim API takes systems
 * down and dumps every record). Beside them, the go-live exports of their seeded records (the CRM's
 * vouchers, the POS's held pickups), which `npm start` imports from the world itself and the
 * subgraphs served apart read from their files.
 */
async function serveSimulators(config: Config): Promise<Served> {
  const { env } = config;
  const seed = { seed: env.SIM_SEED, scale: env.SIM_SCALE, now: new Date(env.SIM_NOW) };
  const { world } = generateWorld(seed);
  const exports = path.resolve(env.DATA_DIR, 'go-live');
  const files = {
    CRM_VOUCHERS_FILE: path.join(exports, 'crm-vouchers.json'),
    GO_LIVE_RESERVATIONS_FILE: path.join(exports, 'pos-reservations.json'),
  };
  fs.mkdirSync(exports, { recursive: true });
  fs.writeFileSync(files.CRM_VOUCHERS_FILE, JSON.stringify({ vouchers: world.crm.vouchers }));
  fs.writeFileSync(files.GO_LIVE_RESERVATIONS_FILE, JSON.stringify(world.pos.reservations));
  const handles = await startSimulators({
    seed,
    world,
    ports: Object.fromEntries(SYSTEMS.map((s) => [s, Number(env[SIM_PORT[s]])])),
    host: '127.0.0.1',
  });
  const urls = SYSTEMS.map((s) => handles[s]!.url);
  return {
    url: urls[0],
    notes: [
      `export ${SYSTEMS.map((s, i) => `${LEGACY_URL[s]}=${urls[i]}`).join(' ')}`,
      `export ${Object.entries(files)
        .map(([name, file]) => `${name}=${file}`)
        .join(' ')}`,
    ],
    close: async () => {
      await Promise.all(SYSTEMS.map((s) => handles[s]?.close()));
    },
  };
}

/** A PostgreSQL server of its own, kept under DATA_DIR (apart from the ones `npm start` runs): its URL is the DATABASE_URL to give the others. */
async function serveDatabase(config: Config, logger: Logger): Promise<Served> {
  const dir = path.resolve(config.env.DATA_DIR, 'postgres-served');
  const server = await startEmbeddedPostgres({ dir, persistent: true, onLog: (line) => logger.debug({ postgres: line.trim() }) });
  return { url: server.url, notes: [`export DATABASE_URL=${server.url}`, `its data: ${dir}`], close: () => server.stop() };
}

function serve(what: string, config: Config, logger: Logger): Promise<Served> {
  if (what === 'gateway') return serveGateway(config, logger);
  if (what === 'simulators') {
    refuseSimulatorsInProduction(config);
    return serveSimulators(config);
  }
  if (what === 'database') return serveDatabase(config, logger);
  return serveSubgraph(what as SubgraphName, config, logger);
}

async function main() {
  const startedAt = performance.now();
  const what = process.argv[2];
  if (![...SUBGRAPHS, 'gateway', ...BACKENDS].includes(what)) throw new ConfigError(USAGE);
  const config = loadConfig();
  const logger = createLogger(config.env.LOG_LEVEL).child({ process: what });
  const stopTracing = startConfiguredTracing(config.env);
  const served = await serve(what, config, logger);
  const close = async () => {
    await served.close();
    await stopTracing(); // last: the spans of the shutdown sent
  };
  console.log(
    [
      `Omnigraph ${what} ready in ${Math.round(performance.now() - startedAt)} ms: ${served.url}`,
      ...(served.notes ?? []),
      'Ctrl-C stops it.',
    ].join('\n'),
  );
  stopOnSignals(close);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});

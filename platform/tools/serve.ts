// npm run serve -- <subgraph>: one subgraph alone, with only the legacy clients, stores and
// migrations it needs (platform/tools/pieces.ts), reaching the other subgraphs it asks at their
// <NAME>_SUBGRAPH_URL. npm run serve -- gateway: the gateway alone, routing to every subgraph's
// <NAME>_SUBGRAPH_URL; each answers /health and /ready. They share SUBGRAPH_SECRET (the gateway signs, the subgraphs verify).
import { SUBGRAPHS, type SubgraphName } from '../../gateway/supergraph';
import { readiness, readinessRoutes } from '../../gateway/health';
import { startGateway } from '../../gateway/server';
import { HttpSubgraphClient } from '../../subgraphs/kit/graph-client';
import { startSubgraph } from '../../subgraphs/kit/server';
import { sharedSubgraphKey } from '../auth/gateway-assertion';
import { ConfigError, loadConfig, SUBGRAPH_PORT, subgraphUrls, type Config } from '../config';
import { SYSTEMS } from '../errors';
import type { RunningServer } from '../http/serve';
import { startConfiguredTracing } from '../tracing';
import { createLogger, type Logger } from '../logging';
import { stopOnSignals } from './shutdown';
import { CALLS, gatewayOptions, PIECES, Resources, subgraphEndpoints } from './pieces';

const USAGE = `usage: npm run serve -- <${[...SUBGRAPHS, 'gateway'].join('|')}>`;

async function serveGateway(config: Config, logger: Logger): Promise<{ server: RunningServer; close: () => Promise<void> }> {
  const urls = subgraphUrls(config, SUBGRAPHS);
  const server = await startGateway(
    // the subgraphs call the legacy systems and the database: each reports its own at its /ready, which this /ready asks
    gatewayOptions(config, logger, {
      subgraphs: subgraphEndpoints((name) => ({ url: urls[name] })),
      legacy: [],
      subgraphKey: sharedSubgraphKey(config),
    }),
  );
  return { server, close: () => server.close() };
}

async function serveSubgraph(name: SubgraphName, config: Config, logger: Logger) {
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
      server,
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

async function main() {
  const startedAt = performance.now();
  const what = process.argv[2];
  if (what !== 'gateway' && !SUBGRAPHS.includes(what as SubgraphName)) throw new ConfigError(USAGE);
  const config = loadConfig();
  const logger = createLogger(config.env.LOG_LEVEL).child({ process: what });
  const stopTracing = startConfiguredTracing(config.env);
  const served = what === 'gateway' ? await serveGateway(config, logger) : await serveSubgraph(what as SubgraphName, config, logger);
  const { server } = served;
  const close = async () => {
    await served.close();
    await stopTracing(); // last: the spans of the shutdown sent
  };
  console.log(`Omnigraph ${what} ready in ${Math.round(performance.now() - startedAt)} ms: ${server.url}\nCtrl-C stops it.`);
  stopOnSignals(close);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});

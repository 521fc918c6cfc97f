// Starts the whole thing in one process: a simulator for every legacy system that has no real
// URL configured, every subgraph as it is built to run alone (pieces.ts), and the gateway. `npm start` and the
// end-to-end tests both go through here, so what is tested is what runs.
import { randomBytes } from 'node:crypto';
import { subgraphKey } from '../auth/gateway-assertion';
import { SIM_PORT, SUBGRAPH_PORT, type Config } from '../config';
import { SYSTEMS, type System } from '../errors';
import { readiness, readinessRoutes } from '../../gateway/health';
import { startGateway } from '../../gateway/server';
import { SUBGRAPHS, type SubgraphName } from '../../gateway/supergraph';
import { startSimulators, type SimHandle } from '../../legacy';
import { generateWorld } from '../../legacy/seed';
import type { Logger } from '../logging';
import { HttpSubgraphClient, LocalSubgraphClient, type SubgraphClient } from '../../subgraphs/kit/graph-client';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/server';
import { startConfiguredTracing } from '../tracing';
import { gatewayOptions, PIECES, Resources, subgraphEndpoints, type Piece } from './pieces';

export interface Stack {
  gatewayUrl: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** the simulators this stack started (systems with a configured URL have none) */
  simulators: Partial<Record<System, SimHandle>>;
  legacyUrls: Record<System, string>;
  /** settles when the identity index's first pass has ended (the gateway does not wait for it; look-ups do) */
  identityIndexed: Promise<void>;
  close(): Promise<void>;
}

export async function startStack(config: Config, logger: Logger): Promise<Stack> {
  const { env } = config;
  const closers: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const c of closers.splice(0).reverse()) await c();
  };
  try {
    closers.push(startConfiguredTracing(env)); // stopped last: the spans of everything else's shutdown sent
    const simulated = SYSTEMS.filter((s) => !config.legacy[s].url);
    const seed = { seed: env.SIM_SEED, scale: env.SIM_SCALE, now: new Date(env.SIM_NOW) };
    const world = simulated.length ? generateWorld(seed).world : null;
    const sims: Partial<Record<System, SimHandle>> = world
      ? await startSimulators({
          seed,
          world,
          ports: Object.fromEntries(simulated.map((s) => [s, Number(env[SIM_PORT[s]])])),
          // their /__sim API takes systems down and dumps every record: never reachable from another host
          host: '127.0.0.1',
          only: simulated,
        })
      : {};
    if (config.production && simulated.length) {
      logger.warn({ simulated }, 'SIMULATORS_IN_PRODUCTION: these legacy systems are simulated, with made-up customers and orders');
    }
    for (const sim of Object.values(sims)) if (sim) closers.push(() => sim.close());
    const url = (s: System) => config.legacy[s].url ?? sims[s]!.url;
    const legacyUrls = Object.fromEntries(SYSTEMS.map((s) => [s, url(s)])) as Record<System, string>;

    const gatewayKey = subgraphKey(env.SUBGRAPH_SECRET ?? randomBytes(32).toString('hex'));
    const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
    const overHttp = env.SUBGRAPH_TRANSPORT === 'http';
    // the subgraphs of this process ask each other as the gateway asks them: in-process, or over loopback as they would apart
    const graph: SubgraphClient = overHttp
      ? new HttpSubgraphClient({ url: (name) => subgraphs[name].url!, gatewayKey, from: 'stack', timeoutMs: env.SUBGRAPH_TIMEOUT_MS })
      : new LocalSubgraphClient((name) => subgraphs[name], env.SUBGRAPH_TIMEOUT_MS);
    const resources = new Resources({
      config,
      logger,
      legacyUrls,
      simulated: world && { world, crm: !!sims.crm, pos: !!sims.pos },
      graph,
    });
    closers.push(() => resources.close());
    const pieces = {} as Record<SubgraphName, Piece>;
    for (const name of SUBGRAPHS) pieces[name] = await PIECES[name](resources);
    for (const name of SUBGRAPHS) {
      subgraphs[name] = await startSubgraph(pieces[name].definition, {
        logger,
        listen: overHttp
          ? {
              port: Number(env[SUBGRAPH_PORT[name]]),
              host: env.HOST,
              gatewayKey,
              // the silos and the database they share are probed once, by the gateway's /ready in this process
              routes: readinessRoutes(() => readiness([])),
            }
          : undefined,
      });
      closers.push(() => subgraphs[name].close());
    }
    const gateway = await startGateway(
      gatewayOptions(config, logger, {
        subgraphs: subgraphEndpoints((n) => (overHttp ? { url: subgraphs[n].url! } : { execute: subgraphs[n].execute })),
        legacy: resources.usedGuards(),
        database: resources.databaseProbe(),
        subgraphKey: gatewayKey,
      }),
    );
    closers.push(() => gateway.close());
    // Once the gateway is up, not before (starting servers would slow its calls into failures), and
    // not awaited: look-ups wait for the identity index's first pass, nothing else does.
    for (const piece of Object.values(pieces)) if (piece.background) closers.push(piece.background());
    return { gatewayUrl: gateway.url, subgraphs, simulators: sims, legacyUrls, identityIndexed: pieces.identity.caughtUp!, close };
  } catch (err) {
    await close();
    throw err;
  }
}

// Starts the whole thing in one process: a simulator for every legacy system that has no real
// URL configured, the clients, the six subgraphs and the gateway. `npm start` and the
// end-to-end tests both go through here, so what is tested is what runs.
import { randomBytes } from 'node:crypto';
import { subgraphKey } from '../auth/gateway-assertion';
import { tokenSettings, tokenVerifier } from '../auth/tokens';
import { createCatalog } from '../../domain/reference/catalog';
import { CrmClient } from '../../adapters/crm/client';
import { systemClock } from '../../adapters/transport/clock';
import { createGuards } from '../../adapters/transport/guards';
import { EshopClient } from '../../adapters/eshop/client';
import { LoyaltyClient } from '../../adapters/loyalty/client';
import { PosClient } from '../../adapters/pos/client';
import type { Config } from '../config';
import { SYSTEMS, type System } from '../errors';
import { startGateway } from '../../gateway/server';
import { devTokenRoute } from '../../gateway/dev-token';
import { SUBGRAPHS, type SubgraphName } from '../../gateway/supergraph';
import { Discovery } from '../../domain/identity/discovery';
import { IndexCursors } from '../../domain/identity/index-cursors';
import { IdentityIndex, startIndexing } from '../../domain/identity/indexer';
import { IdentityStore } from '../../domain/identity/store';
import { createCommerce, startRecovery } from '../../domain/orders';
import { SagaStore } from '../../domain/orders/saga/store';
import { countParkedSagas } from '../metrics/sagas';
import { RopoService } from '../../domain/journey/ropo';
import { memberBatcher } from '../../subgraphs/kit/loaders/loyalty';
import { loadPolicy } from '../../domain/pricing/policy';
import { PromotionBook } from '../../domain/pricing/promotions/book';
import { VoucherStore } from '../../domain/pricing/promotions/vouchers';
import { ClosedCases } from '../../domain/cases/closed-cases';
import { importGoLive } from './go-live';
import { openDatabase } from '../db';
import { startSimulators, type SimHandle } from '../../legacy';
import { generateWorld } from '../../legacy/seed';
import type { Logger } from '../logging';
import { subgraphDefinitions } from '../../subgraphs';
import { startSubgraph } from '../../subgraphs/kit/server';
import type { RunningServer } from '../http/serve';
import { createStoreDirectory } from '../../domain/reference/store-directory';

export interface Stack {
  gatewayUrl: string;
  subgraphs: Record<SubgraphName, RunningServer>;
  /** the simulators this stack started (systems with a configured URL have none) */
  simulators: Partial<Record<System, SimHandle>>;
  legacyUrls: Record<System, string>;
  /** settles when the identity index's first pass has ended (the gateway does not wait for it; look-ups do) */
  identityIndexed: Promise<void>;
  close(): Promise<void>;
}

const SUBGRAPH_PORT: Record<SubgraphName, keyof Config['env']> = {
  identity: 'IDENTITY_PORT',
  orders: 'ORDERS_PORT',
  pos: 'POS_SUBGRAPH_PORT',
  eshop: 'ESHOP_SUBGRAPH_PORT',
  crm: 'CRM_SUBGRAPH_PORT',
  loyalty: 'LOYALTY_SUBGRAPH_PORT',
  offers: 'OFFERS_PORT',
  insights: 'INSIGHTS_PORT',
};

const SIM_PORT: Record<System, keyof Config['env']> = {
  pos: 'POS_SIM_PORT',
  eshop: 'ESHOP_SIM_PORT',
  crm: 'CRM_SIM_PORT',
  loyalty: 'LOYALTY_SIM_PORT',
};

export async function startStack(config: Config, logger: Logger): Promise<Stack> {
  const { env } = config;
  const closers: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const c of closers.splice(0).reverse()) await c();
  };
  try {
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

    const guards = createGuards(config, legacyUrls, logger);
    closers.push(() => Object.values(guards).forEach((g) => g.close()));
    const eshop = new EshopClient(url('eshop'), env.ESHOP_API_KEY, config.legacy.eshop.timeoutMs, guards.eshop);
    const pos = new PosClient(url('pos'), config.legacy.pos.timeoutMs, guards.pos);
    const crm = new CrmClient(url('crm'), config.legacy.crm.timeoutMs, guards.crm);
    const loyalty = new LoyaltyClient(
      url('loyalty'),
      env.LOYALTY_CLIENT_ID,
      env.LOYALTY_CLIENT_SECRET,
      config.legacy.loyalty.timeoutMs,
      systemClock,
      guards.loyalty,
    );

    if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set: npm start runs a database of its own when it is not');
    // a connection lost while idle needs no alarm: the next query that needs the database reports it
    const db = openDatabase(env.DATABASE_URL, {
      onIdleError: (err) => logger.debug({ reason: err.message }, 'an idle database connection closed'),
    });
    closers.push(() => db.close());
    const store = await IdentityStore.open(db);
    const identityIndex = new IdentityIndex({ eshop, crm, loyalty }, store, await IndexCursors.open(db));
    const referenceTtl = env.REFERENCE_DATA_TTL_S * 1000;
    const catalog = createCatalog(eshop, referenceTtl);
    const vouchers = await VoucherStore.open(db);
    const closedCases = await ClosedCases.open(db);
    const sagas = await SagaStore.open(db);
    countParkedSagas(() => sagas.parkedCount());
    const goLiveVouchers = await importGoLive(
      { vouchers, sagas },
      {
        crmVouchersFile: env.CRM_VOUCHERS_FILE,
        posReservationsFile: env.GO_LIVE_RESERVATIONS_FILE,
        simulated: world && { world, crm: !!sims.crm, pos: !!sims.pos },
      },
    );
    logger.info({ vouchers: goLiveVouchers }, 'vouchers and pickups of before go-live imported');
    const commerce = createCommerce({ eshop, pos, loyalty, catalog, store, vouchers, sagas }, logger, {
      leaseMs: env.SAGA_LEASE_S * 1000,
    });
    const stores = createStoreDirectory(pos, referenceTtl);
    closers.push(startRecovery(commerce, env.SAGA_RECOVERY_INTERVAL_S * 1000, logger));
    const definitions = subgraphDefinitions({
      eshop,
      pos,
      crm,
      loyalty,
      store,
      vouchers,
      closedCases,
      catalog,
      commerce,
      sagas,
      members: memberBatcher(loyalty),
      stores,
      discovery: new Discovery({ eshop, crm, loyalty }, store, env.IDENTITY_FRESH_S * 1000),
      identityIndex,
      ropo: await RopoService.open(
        { pos, eshop, loyalty, stores, identity: store, catalog, db, logger },
        { ingestTtlMs: env.ROPO_INGEST_TTL_S * 1000 },
      ),
      book: new PromotionBook({ eshop, pos, loyalty, catalog, vouchers }, env.PROMOTIONS_TTL_S * 1000),
      policy: loadPolicy(env.POLICY_FILE),
    });

    const gatewayKey = subgraphKey(env.SUBGRAPH_SECRET ?? randomBytes(32).toString('hex'));
    const subgraphs = {} as Record<SubgraphName, RunningServer>;
    for (const name of SUBGRAPHS) {
      subgraphs[name] = await startSubgraph(definitions[name], {
        port: Number(env[SUBGRAPH_PORT[name]]),
        host: env.HOST,
        logger,
        gatewayKey,
      });
      closers.push(() => subgraphs[name].close());
    }
    const gateway = await startGateway({
      port: env.GATEWAY_PORT,
      host: env.HOST,
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((n) => [n, subgraphs[n].url])) as Record<SubgraphName, string>,
      legacy: Object.values(guards),
      logger,
      verifyToken: tokenVerifier(tokenSettings(env)),
      subgraphKey: gatewayKey,
      production: config.production,
      developmentRoutes: devTokenRoute(config),
      apolloTelemetry: env.APOLLO_TELEMETRY_DISABLED === 'false',
      limits: {
        maxBodyBytes: env.MAX_BODY_BYTES,
        maxBatch: env.MAX_BATCH,
        maxTokens: env.MAX_TOKENS,
        maxDepth: env.MAX_DEPTH,
        maxAliases: env.MAX_ALIASES,
        maxRootFields: env.MAX_ROOT_FIELDS,
        maxDirectives: env.MAX_DIRECTIVES,
        maxCost: env.MAX_COST,
        listSizeGuess: env.LIST_SIZE_GUESS,
      },
    });
    closers.push(() => gateway.close());
    // Once the gateway is up, not before (starting servers would slow its calls into failures), and
    // not awaited: look-ups wait for the first pass, nothing else does.
    closers.push(startIndexing(identityIndex, env.IDENTITY_INDEX_INTERVAL_S * 1000, logger));
    return { gatewayUrl: gateway.url, subgraphs, simulators: sims, legacyUrls, identityIndexed: identityIndex.caughtUp(), close };
  } catch (err) {
    await close();
    throw err;
  }
}

// What each subgraph is built from, and only that: the legacy clients it calls, its own stores
// (their migrations applied as it opens them), and the other subgraphs it asks through their API.
// `npm run serve -- <name>` builds one; the one-process stack (stack.ts) builds them all over
// one set of resources, each made once, when the first subgraph that needs it asks.
import { devTokenRoute } from '../../gateway/dev-token';
import { CrmClient } from '../../adapters/crm/client';
import { EshopClient } from '../../adapters/eshop/client';
import { LoyaltyClient } from '../../adapters/loyalty/client';
import { PosClient } from '../../adapters/pos/client';
import { systemClock } from '../../adapters/transport/clock';
import { createGuards } from '../../adapters/transport/guards';
import type { LegacyGuard } from '../../adapters/transport/resilience';
import { ClosedCases } from '../../domain/cases/closed-cases';
import { Discovery } from '../../domain/identity/discovery';
import { IndexCursors } from '../../domain/identity/index-cursors';
import { IdentityIndex, startIndexing } from '../../domain/identity/indexer';
import { IdentityStore } from '../../domain/identity/store';
import { RopoService } from '../../domain/journey/ropo';
import { createCommerce, startRecovery } from '../../domain/orders';
import { SagaStore } from '../../domain/orders/saga/store';
import { loadPolicy } from '../../domain/pricing/policy';
import { PromotionBook } from '../../domain/pricing/promotions/book';
import { VoucherStore } from '../../domain/pricing/promotions/voucher-store';
import { createCatalog } from '../../domain/reference/catalog';
import { createStoreDirectory } from '../../domain/reference/store-directory';
import type { GatewayOptions } from '../../gateway/server';
import type { SubgraphEndpoint } from '../../gateway/in-process';
import { SUBGRAPHS, type SubgraphName } from '../../gateway/supergraph';
import { tokenSettings, tokenVerifier } from '../auth/tokens';
import { subgraphDefinitions } from '../../subgraphs';
import { afterSalesOf } from '../../subgraphs/kit/after-sales';
import type { SubgraphClient } from '../../subgraphs/kit/graph-client';
import { GraphCustomerDirectory } from '../../subgraphs/kit/identity-directory';
import { GraphVoucherBook } from '../../subgraphs/kit/voucher-client';
import { memberBatcher } from '../../subgraphs/kit/loaders/loyalty';
import type { SubgraphDefinition } from '../../subgraphs/kit/server';
import { ConfigError, LEGACY_URL, type Config } from '../config';
import { listenerLog } from '../db/listener-log';
import { goodwillUnderWay } from '../../domain/pricing/promotions/goodwill';
import { openDatabase, type Db, type OpenOptions } from '../db';
import type { System } from '../errors';
import { randomUUID } from 'node:crypto';
import type { CustomerDirectory } from '../../domain/identity/directory';
import type { Logger } from '../logging';
import { countSagas } from '../metrics/sagas';
import { importGoLiveReservations, importGoLiveVouchers, type GoLiveSources } from './go-live';

/** the database channel on which refreshPricing tells every process holding a catalogue or promotions */
const PRICING_REFRESHED = 'omnigraph_pricing_refreshed';

/** The other subgraphs whose API each one calls (served apart: at their <NAME>_SUBGRAPH_URL, or the supergraph's default). */
export const CALLS: Record<SubgraphName, readonly SubgraphName[]> = {
  identity: [],
  orders: ['identity', 'offers'],
  pos: [],
  eshop: [],
  crm: ['identity'],
  loyalty: [],
  offers: ['identity'],
  insights: ['identity', 'orders'],
};

/** Where the gateway reaches every subgraph: over HTTP or in-process, as `endpoint` says of each. */
export const subgraphEndpoints = (endpoint: (name: SubgraphName) => SubgraphEndpoint) =>
  Object.fromEntries(SUBGRAPHS.map((name) => [name, endpoint(name)])) as Record<SubgraphName, SubgraphEndpoint>;

/** The gateway's settings, wherever it runs: with every subgraph (stack.ts) or alone (serve.ts). */
export function gatewayOptions(
  config: Config,
  logger: Logger,
  where: Pick<GatewayOptions, 'subgraphs' | 'legacy' | 'subgraphKey' | 'database'>,
): GatewayOptions {
  const { env } = config;
  return {
    ...where,
    port: env.GATEWAY_PORT,
    host: env.HOST,
    logger,
    verifyToken: tokenVerifier(tokenSettings(env)),
    production: config.production,
    developmentRoutes: devTokenRoute(config),
    subgraphTimeoutMs: env.GATEWAY_FETCH_TIMEOUT_MS,
    apolloTelemetry: !env.APOLLO_TELEMETRY_DISABLED,
    corsOrigins: env.CORS_ORIGINS,
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
  };
}

export interface PieceEnvironment {
  config: Config;
  logger: Logger;
  /** where each legacy system is; one a subgraph calls and that is missing stops its start */
  legacyUrls: Partial<Record<System, string>>;
  /** the simulated systems' seeded world, standing for their go-live exports */
  simulated: GoLiveSources['simulated'];
  /** how a subgraph reaches the others' APIs */
  graph: SubgraphClient;
}

type Closer = () => Promise<void> | void;

/** Made once, on first use: a process serving three subgraphs opens one pool and one client per silo. */
export class Resources {
  private readonly made = new Map<string, unknown>();
  private readonly closers: Closer[] = [];

  constructor(readonly env: PieceEnvironment) {}

  private once<T>(key: string, make: () => T): T {
    if (!this.made.has(key)) this.made.set(key, make());
    return this.made.get(key) as T;
  }

  onClose(closer: Closer): void {
    this.closers.push(closer);
  }

  async close(): Promise<void> {
    for (const c of this.closers.splice(0).reverse()) await c();
  }

  /** `SELECT 1` on the database, when this process uses one (/ready asks it) */
  databaseProbe(): (() => Promise<unknown>) | undefined {
    const db = this.made.get('db') as Db | undefined;
    return db && (() => db.run('SELECT 1'));
  }

  /** the guards of the silos this process calls (/ready reports them) */
  usedGuards(): LegacyGuard[] {
    return [...this.made].flatMap(([key, made]) => (key.startsWith('guard:') ? [made as LegacyGuard] : []));
  }

  private guard(system: System): LegacyGuard {
    return this.once(`guard:${system}`, () => {
      const guard = createGuards(this.env.config, { [system]: this.legacyUrl(system) } as Record<System, string>, this.env.logger)[system];
      this.onClose(() => guard.close());
      return guard;
    });
  }

  private get settings() {
    return this.env.config.env;
  }

  eshop = () =>
    this.once(
      'eshop',
      () => new EshopClient(this.legacyUrl('eshop'), this.settings.ESHOP_API_KEY, this.timeout('eshop'), this.guard('eshop')),
    );
  pos = () => this.once('pos', () => new PosClient(this.legacyUrl('pos'), this.timeout('pos'), this.guard('pos')));
  crm = () => this.once('crm', () => new CrmClient(this.legacyUrl('crm'), this.timeout('crm'), this.guard('crm')));
  loyalty = () =>
    this.once(
      'loyalty',
      () =>
        new LoyaltyClient(
          this.legacyUrl('loyalty'),
          this.settings.LOYALTY_CLIENT_ID,
          this.settings.LOYALTY_CLIENT_SECRET,
          this.timeout('loyalty'),
          systemClock,
          this.guard('loyalty'),
        ),
    );

  private legacyUrl(system: System): string {
    const url = this.env.legacyUrls[system];
    if (!url) throw new ConfigError(`Invalid configuration: set ${LEGACY_URL[system]} (this subgraph calls ${system})`);
    return url;
  }

  private timeout(system: System): number {
    return this.env.config.legacy[system].timeoutMs;
  }

  db = (): Db =>
    this.once('db', () => {
      const url = this.settings.DATABASE_URL;
      if (!url) {
        throw new ConfigError(
          'Invalid configuration: set DATABASE_URL (this subgraph keeps its state in PostgreSQL; npm start runs a database of its own)',
        );
      }
      return this.connect(url);
    });

  private connect(url: string, options: OpenOptions = {}): Db {
    // a connection lost while idle needs no alarm: the next query that needs the database reports it
    const db = openDatabase(url, {
      onIdleError: (err) => this.env.logger.debug({ reason: err.message }, 'an idle database connection closed'),
      ...options,
    });
    this.onClose(() => db.close());
    return db;
  }

  /** what refreshPricing drops in this process: the catalogue and the promotions, whichever it holds */
  private readonly pricingCaches: (() => void)[] = [];

  private dropPricing = () => this.pricingCaches.forEach((drop) => drop());

  /**
   * `drop` is called when refreshPricing reaches this process or another on its database. The
   * notices are heard on a connection apart from the tables' (db()): a subgraph that owns no table
   * (the e-shop's, the POS's) hears them too when given DATABASE_URL, and its /ready does not answer
   * for a database it only listens on. Without DATABASE_URL, it reads again on its TTL alone.
   */
  private onPricingRefreshed(drop: () => void): void {
    this.pricingCaches.push(drop);
    this.once('pricing-notices', () => {
      const url = this.settings.DATABASE_URL;
      if (!url) {
        const ttl = { REFERENCE_DATA_TTL_S: this.settings.REFERENCE_DATA_TTL_S, PROMOTIONS_TTL_S: this.settings.PROMOTIONS_TTL_S };
        this.env.logger.warn(
          ttl,
          'DATABASE_URL is not set: refreshPricing does not reach this process, whose prices are read again on their TTL',
        );
        return;
      }
      // the other processes' notices go by while it does not listen: each is caught up on once listening again
      this.connect(url, listenerLog(this.env.logger)).listen(PRICING_REFRESHED, (from) => from !== this.processId && this.dropPricing());
    });
  }

  catalog = () =>
    this.once('catalog', () => {
      const catalog = createCatalog(this.eshop(), this.settings.REFERENCE_DATA_TTL_S * 1000);
      this.onPricingRefreshed(() => catalog.invalidate());
      return catalog;
    });
  stores = () => this.once('stores', () => createStoreDirectory(this.pos(), this.settings.REFERENCE_DATA_TTL_S * 1000));
  members = () => this.once('members', () => memberBatcher(this.loyalty(), { reuseMs: this.settings.LOYALTY_MEMBER_REUSE_MS }));
  policy = () => this.once('policy', () => loadPolicy(this.settings.POLICY_FILE));
  /**
   * A directory of its own for one request: a subgraph's context() makes one per request, so that
   * one request's look-ups are batched and kept together and never with another's (whose request id
   * and trace the call would carry, whose failure would fail this one's fields).
   */
  identityDirectory = (): CustomerDirectory => new GraphCustomerDirectory(this.env.graph, { forOneRequest: true });

  /** For work outside any request (the sagas' recovery, the ROPO ingestion), as long as it runs: it keeps nothing. */
  lastingIdentityDirectory = (): CustomerDirectory => new GraphCustomerDirectory(this.env.graph);

  vouchers = () =>
    this.once('vouchers', async () => {
      const vouchers = await VoucherStore.open(this.db());
      const imported = await importGoLiveVouchers(vouchers, { file: this.settings.CRM_VOUCHERS_FILE, simulated: this.env.simulated });
      this.env.logger.info({ vouchers: imported }, 'vouchers of before go-live imported');
      return vouchers;
    });

  /**
   * One promotion book per process: a quote warms the cache an order placed next is priced from.
   * Its vouchers are the offers subgraph's, read through its API even when this process serves it
   * (in-process, LocalSubgraphClient, that costs little): served together or apart, pricing runs the same code.
   */
  book = () =>
    this.once('book', async () => {
      const book = new PromotionBook(
        {
          eshop: this.eshop(),
          pos: this.pos(),
          loyalty: this.loyalty(),
          catalog: this.catalog(),
          vouchers: new GraphVoucherBook(this.env.graph),
        },
        this.settings.PROMOTIONS_TTL_S * 1000,
      );
      // refreshPricing on any replica, or on the subgraph of another process, drops this one's too
      this.onPricingRefreshed(() => book.refresh());
      return book;
    });

  /** Every process's catalogue and promotions read again: this one's at once, the others' once the database tells them. */
  refreshPricing = async () => {
    this.dropPricing();
    await this.db().notify(PRICING_REFRESHED, this.processId);
  };

  /** this process among those on the database: its own notices are not news to it */
  private readonly processId = randomUUID();

  pricing = async () => ({
    catalog: this.catalog(),
    stores: this.stores(),
    book: await this.book(),
    policy: this.policy(),
    identityDirectory: this.identityDirectory,
    members: this.members(),
  });
}

export interface Piece {
  definition: SubgraphDefinition;
  /** work of its own it runs in the background, started once the servers serve (its calls would fail or time out while they start) */
  background?: () => Closer;
  /** settles when what look-ups wait for is done (the identity index's first pass) */
  caughtUp?: Promise<void>;
}

/** The identity store and its index over the silos, as the identity subgraph runs them (and test/indexed-template.ts). */
export async function identityIndexOf(r: Resources) {
  const clients = { eshop: r.eshop(), crm: r.crm(), loyalty: r.loyalty() };
  const store = await IdentityStore.open(r.db());
  return { clients, store, identityIndex: new IdentityIndex(clients, store, await IndexCursors.open(r.db())) };
}

export const PIECES: Record<SubgraphName, (r: Resources) => Promise<Piece>> = {
  identity: async (r) => {
    const { env } = r.env.config;
    const { clients, store, identityIndex } = await identityIndexOf(r);
    return {
      definition: subgraphDefinitions.identity({
        store,
        discovery: new Discovery(clients, store, env.IDENTITY_FRESH_S * 1000),
        identityIndex,
        indexWaitMs: env.IDENTITY_INDEX_WAIT_MS,
      }),
      background: () => startIndexing(identityIndex, env.IDENTITY_INDEX_INTERVAL_S * 1000, r.env.logger),
      caughtUp: identityIndex.caughtUp(),
    };
  },
  orders: async (r) => {
    const { env } = r.env.config;
    const sagas = await SagaStore.open(r.db());
    countSagas({ parked: () => sagas.parkedCount(), inDoubt: () => sagas.inDoubtCount() });
    await importGoLiveReservations(sagas, { file: env.GO_LIVE_RESERVATIONS_FILE, simulated: r.env.simulated });
    // the vouchers table is the offers subgraph's: claimed and released through its API, wherever it runs
    const vouchers = new GraphVoucherBook(r.env.graph);
    const commerce = createCommerce(
      {
        eshop: r.eshop(),
        pos: r.pos(),
        loyalty: r.loyalty(),
        // for saga work outside a request (recovery passes): a request's plans read its own (ordersContext's `planning`)
        identity: r.lastingIdentityDirectory(),
        vouchers,
        sagas,
      },
      r.env.logger,
      { leaseMs: env.SAGA_LEASE_S * 1000, lateWriteMs: env.LEGACY_LATE_WRITE_S * 1000 },
    );
    return {
      definition: subgraphDefinitions.orders({ ...(await r.pricing()), eshop: r.eshop(), pos: r.pos(), commerce }),
      // once the subgraphs serve: undoing an order may give its vouchers back through the offers subgraph
      background: () => startRecovery(commerce, env.SAGA_RECOVERY_INTERVAL_S * 1000, r.env.logger),
    };
  },
  pos: async (r) => ({ definition: subgraphDefinitions.pos({ pos: r.pos(), catalog: r.catalog(), stores: r.stores() }) }),
  eshop: async (r) => ({ definition: subgraphDefinitions.eshop({ eshop: r.eshop(), catalog: r.catalog() }) }),
  crm: async (r) => ({
    definition: subgraphDefinitions.crm({
      crm: r.crm(),
      identityDirectory: r.identityDirectory,
      closedCases: await ClosedCases.open(r.db(), r.env.config.env.CRM_TIMEOUT_MS),
    }),
  }),
  loyalty: async (r) => ({ definition: subgraphDefinitions.loyalty({ loyalty: r.loyalty(), members: r.members() }) }),
  offers: async (r) => {
    const deps = {
      ...(await r.pricing()),
      vouchers: await r.vouchers(),
      pos: r.pos(),
      crm: r.crm(),
      crmTimeoutMs: r.env.config.env.CRM_TIMEOUT_MS,
      logger: r.env.logger,
      goodwillUnderWay: goodwillUnderWay(),
      refreshPricing: r.refreshPricing,
    };
    return { definition: subgraphDefinitions.offers(deps) };
  },
  insights: async (r) => {
    const { env } = r.env.config;
    const ropo = await RopoService.open(
      {
        pos: r.pos(),
        eshop: r.eshop(),
        loyalty: r.loyalty(),
        stores: r.stores(),
        // the ingestion runs outside any request: one directory as long as the process
        identity: r.lastingIdentityDirectory(),
        catalog: r.catalog(),
        db: r.db(),
        logger: r.env.logger,
      },
      { ingestTtlMs: env.ROPO_INGEST_TTL_S * 1000 },
    );
    return {
      definition: subgraphDefinitions.insights({
        eshop: r.eshop(),
        pos: r.pos(),
        crm: r.crm(),
        loyalty: r.loyalty(),
        afterSalesOf: afterSalesOf(r.env.graph),
        identityDirectory: r.identityDirectory,
        ropo,
      }),
    };
  },
};

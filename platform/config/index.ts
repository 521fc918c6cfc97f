// Configuration is read and validated once, at start-up; everything else receives a Config.
import { z } from 'zod';
import { SYSTEMS, type System } from '../errors';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const optionalUrl = z.string().url().optional();
/** `https://shop.example.fr`: a scheme, a host and maybe a port, as a browser sends it in Origin */
const ORIGIN = /^https?:\/\/[^/\s?#]+$/;
const origins = z
  .string()
  .default('')
  .transform((list) =>
    list
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .refine((list) => list.every((o) => ORIGIN.test(o)), 'origins such as https://shop.example.fr, separated by commas, no path');
const timeout = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const limit = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Signs and verifies tokens outside production only; `npm start` prints how to mint them. */
export const DEV_JWT_SECRET = 'omnigraph-development-secret-not-for-production';
const MIN_SECRET_LENGTH = 32;

/** the variable that points each legacy system at the real one */
export const LEGACY_URL = { pos: 'POS_URL', eshop: 'ESHOP_URL', crm: 'CRM_URL', loyalty: 'LOYALTY_URL' } as const satisfies Record<
  System,
  string
>;

/** the variable that says where each subgraph is served apart */
export const SUBGRAPH_URL = {
  identity: 'IDENTITY_SUBGRAPH_URL',
  orders: 'ORDERS_SUBGRAPH_URL',
  pos: 'POS_SUBGRAPH_URL',
  eshop: 'ESHOP_SUBGRAPH_URL',
  crm: 'CRM_SUBGRAPH_URL',
  loyalty: 'LOYALTY_SUBGRAPH_URL',
  offers: 'OFFERS_SUBGRAPH_URL',
  insights: 'INSIGHTS_SUBGRAPH_URL',
} as const;

const schema = z.object({
  GATEWAY_PORT: port(4000),
  IDENTITY_PORT: port(4001),
  OFFERS_PORT: port(4007),
  INSIGHTS_PORT: port(4008),
  ORDERS_PORT: port(4002),
  POS_SUBGRAPH_PORT: port(4003),
  ESHOP_SUBGRAPH_PORT: port(4004),
  CRM_SUBGRAPH_PORT: port(4005),
  LOYALTY_SUBGRAPH_PORT: port(4006),
  POS_SIM_PORT: port(4101),
  ESHOP_SIM_PORT: port(4102),
  CRM_SIM_PORT: port(4103),
  LOYALTY_SIM_PORT: port(4104),
  HOST: z.string().default('127.0.0.1'),
  /** the web origins whose pages may call the gateway's /graphql from a browser (CORS); none: same origin only */
  CORS_ORIGINS: origins,
  POS_URL: optionalUrl,
  ESHOP_URL: optionalUrl,
  ESHOP_API_KEY: z.string().min(1).default('sim-eshop-key'),
  CRM_URL: optionalUrl,
  LOYALTY_URL: optionalUrl,
  /** @apollo/gateway's hourly anonymous usage report to Apollo: off unless `false` (or `0`) says otherwise; `true` and `1` as Apollo reads them */
  APOLLO_TELEMETRY_DISABLED: z
    .enum(['true', '1', 'false', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** an OTLP/HTTP collector (`http://collector:4318`): every request's trace is sent to its /v1/traces; unset, no trace leaves the process */
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .url()
    .refine((url) => /^https?:\/\//.test(url), 'an http:// or https:// URL')
    .optional(),
  /** `none`: traces are made and their context passed on (subgraphs, legacy systems) but sent nowhere, even with an endpoint */
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none']).default('otlp'),
  /** the traces' service.name */
  OTEL_SERVICE_NAME: z.string().min(1).default('omnigraph'),
  /** where `npm start` keeps what it runs itself (the database server's data when DATABASE_URL is unset) */
  DATA_DIR: z.string().min(1).default('data'),
  /** production only: start the simulators for the systems without a URL (a demo), instead of refusing to start */
  SIMULATORS_IN_PRODUCTION: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOYALTY_CLIENT_ID: z.string().min(1).default('omnigraph'),
  LOYALTY_CLIENT_SECRET: z.string().min(1).default('sim-loyalty-secret'),
  POS_TIMEOUT_MS: timeout(3000),
  ESHOP_TIMEOUT_MS: timeout(3000),
  CRM_TIMEOUT_MS: timeout(3000),
  LOYALTY_TIMEOUT_MS: timeout(3000),
  /**
   * while the loyalty platform's rate (20 calls a second) would hold a member look-up back, a member
   * this process read at most this long ago is served instead: under that load a points balance
   * (and the tier prices use) may be this old; 0: every look-up asks the platform
   */
  LOYALTY_MEMBER_REUSE_MS: z.coerce.number().int().nonnegative().max(10_000).default(1000),
  /** the *_TIMEOUT_MS bound a whole legacy call; within it a failed read is retried this many times */
  LEGACY_RETRIES: z.coerce.number().int().nonnegative().default(2),
  LEGACY_RETRY_BASE_MS: z.coerce.number().int().positive().default(50),
  /** requests in flight per legacy system; more wait for a slot, within their timeout */
  LEGACY_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(32),
  /** a system's breaker opens above 50% failures once this many calls are in its window */
  LEGACY_BREAKER_MIN_CALLS: z.coerce.number().int().positive().default(10),
  /** how long an open breaker fails fast before one call probes the system; also its window */
  LEGACY_BREAKER_RESET_MS: z.coerce.number().int().positive().default(10000),
  /** the PostgreSQL server holding all durable state; unset: `npm start` runs one of its own, its data in data/postgres */
  DATABASE_URL: z.string().url().optional(),
  /** the catalogue and the store list: read again from the legacy systems after this long */
  REFERENCE_DATA_TTL_S: z.coerce.number().int().positive().default(600),
  /** promotions of every silo: read again after this long (refreshPricing drops them at once) */
  PROMOTIONS_TTL_S: z.coerce.number().int().positive().default(300),
  /** the omnichannel promotion policy; default: domain/pricing/omnichannel.yaml */
  POLICY_FILE: z.string().min(1).optional(),
  /** the CRM's export of the vouchers it granted before go-live (it cannot list them); unset with a simulated CRM: its own */
  CRM_VOUCHERS_FILE: z.string().min(1).optional(),
  /** the POS's export of its reservations at go-live (pickups held before the project made any); unset with a simulated POS: its seed */
  GO_LIVE_RESERVATIONS_FILE: z.string().min(1).optional(),
  /** how often unfinished order sagas (interrupted, or waiting to undo or finish a step) are retried */
  SAGA_RECOVERY_INTERVAL_S: z.coerce.number().positive().default(30),
  /** a saga a replica works on is its own this long without renewal (a third of it): then, its replica dead, another takes it over */
  SAGA_LEASE_S: z.coerce.number().positive().default(30),
  /**
   * an order or sale whose call got no answer (its deadline ran out, its connection broke) may still
   * be made by its system this long after, and a voucher claim by the offers subgraph: the undo looks
   * for it only then
   */
  LEGACY_LATE_WRITE_S: z.coerce.number().nonnegative().default(30),
  /** `npm start`: how many full replicas (gateway and subgraphs) over the one database and simulators; replica i's ports are replica 0's plus 10 x i */
  REPLICAS: z.coerce.number().int().min(1).max(9).default(1),
  /** the ROPO report first catches up with the silos when its last ingestion is older than this */
  ROPO_INGEST_TTL_S: z.coerce.number().int().positive().default(900),
  /** a customer look-up key (email, phone, card, name) searched in the silos is not searched again for this long */
  IDENTITY_FRESH_S: z.coerce.number().int().nonnegative().default(600),
  /** the identity index reads the accounts and contacts numbered since its last pass this often (and once at start) */
  IDENTITY_INDEX_INTERVAL_S: z.coerce.number().positive().default(60),
  /** until the identity index has read the silos to their end once, how long a findCustomers by phone or name waits for its pass under way */
  IDENTITY_INDEX_WAIT_MS: z.coerce.number().int().nonnegative().default(5000),
  SIM_SEED: z.coerce.number().int().default(42),
  SIM_SCALE: z.coerce.number().positive().default(1),
  SIM_NOW: z.string().datetime().default('2026-11-20T00:00:00Z'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** production: no introspection, no field suggestions, and a real JWT secret (or a JWKS) required */
  NODE_ENV: z.string().default('development'),
  /** HS256 secret of the clients' tokens */
  JWT_SECRET: z.string().min(MIN_SECRET_LENGTH).default(DEV_JWT_SECRET),
  /** when set, tokens are verified with this key set instead of JWT_SECRET */
  JWT_JWKS_URL: optionalUrl,
  JWT_ISSUER: z.string().min(1).default('omnigraph'),
  JWT_AUDIENCE: z.string().min(1).default('omnigraph-api'),
  /** signs what the gateway tells the subgraphs of the caller; unset: a random one per process (gateway and subgraphs share a process) */
  SUBGRAPH_SECRET: z.string().min(MIN_SECRET_LENGTH).optional(),
  /**
   * how the gateway reaches the subgraphs of its process: `local` calls them in-process (they do
   * not listen), `http` serves each on its port and fetches over loopback as from another host
   */
  SUBGRAPH_TRANSPORT: z.enum(['local', 'http']).default('local'),
  /** a subgraph's call to another subgraph's API (who is who, an order's after-sale facts): unavailable after this long */
  SUBGRAPH_TIMEOUT_MS: timeout(30000),
  /**
   * the gateway's fetch from a subgraph over HTTP (one stopped or hung): given up after this long.
   * Longer than SUBGRAPH_TIMEOUT_MS, so that a subgraph waiting for another answers its own error first
   */
  GATEWAY_FETCH_TIMEOUT_MS: timeout(60000),
  /** where each subgraph is served when it runs apart (`npm run serve -- <name>`): the gateway's routes and the subgraphs' calls to each other */
  IDENTITY_SUBGRAPH_URL: optionalUrl,
  ORDERS_SUBGRAPH_URL: optionalUrl,
  POS_SUBGRAPH_URL: optionalUrl,
  ESHOP_SUBGRAPH_URL: optionalUrl,
  CRM_SUBGRAPH_URL: optionalUrl,
  LOYALTY_SUBGRAPH_URL: optionalUrl,
  OFFERS_SUBGRAPH_URL: optionalUrl,
  INSIGHTS_SUBGRAPH_URL: optionalUrl,
  /** operation limits at the gateway; beyond any, OPERATION_TOO_COMPLEX */
  MAX_BODY_BYTES: limit(100_000),
  MAX_BATCH: limit(5),
  MAX_TOKENS: limit(2000),
  MAX_DEPTH: limit(12),
  MAX_ALIASES: limit(30),
  MAX_ROOT_FIELDS: limit(15),
  MAX_DIRECTIVES: limit(20),
  /** every field costs 1, times the size of each list above it (its @listSize in the schema, else LIST_SIZE_GUESS) */
  MAX_COST: limit(20_000),
  LIST_SIZE_GUESS: limit(10),
});

export type Env = z.infer<typeof schema>;

export interface LegacyEndpoint {
  /** undefined: no real system configured, the simulator is started in its place */
  url: string | undefined;
  timeoutMs: number;
}

export interface Config {
  env: Env;
  legacy: Record<System, LegacyEndpoint>;
  production: boolean;
}

export class ConfigError extends Error {}

/** Every port the service listens on, by its variable: the one list of them, a port added later included. */
export const listeningPorts = (env: Env): Record<string, number> =>
  Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, number] => entry[0].endsWith('_PORT') && typeof entry[1] === 'number'),
  );

type Subgraph = keyof typeof SUBGRAPH_URL;

/** the variable of each simulated system's port */
export const SIM_PORT = {
  pos: 'POS_SIM_PORT',
  eshop: 'ESHOP_SIM_PORT',
  crm: 'CRM_SIM_PORT',
  loyalty: 'LOYALTY_SIM_PORT',
} as const satisfies Record<System, keyof Env>;

/** the variable of each subgraph's port */
export const SUBGRAPH_PORT = {
  identity: 'IDENTITY_PORT',
  orders: 'ORDERS_PORT',
  pos: 'POS_SUBGRAPH_PORT',
  eshop: 'ESHOP_SUBGRAPH_PORT',
  crm: 'CRM_SUBGRAPH_PORT',
  loyalty: 'LOYALTY_SUBGRAPH_PORT',
  offers: 'OFFERS_PORT',
  insights: 'INSIGHTS_PORT',
} as const satisfies Record<Subgraph, keyof Env>;

/** Where a subgraph is served on this host by this configuration (a server listening on every address is reached on loopback; an IPv6 address in brackets). */
function localSubgraphUrl(env: Env, name: Subgraph): string {
  const host = ['0.0.0.0', '::'].includes(env.HOST) ? '127.0.0.1' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  return `http://${host}:${env[SUBGRAPH_PORT[name]]}/graphql`;
}

/** Where a subgraph is served by default (npm start's host and port): the URL the committed supergraph names (@join__graph). */
export const defaultSubgraphUrl = (name: Subgraph): string => localSubgraphUrl(schema.parse({}), name);

/** Where these subgraphs are served apart: <NAME>_SUBGRAPH_URL, or where this configuration serves them on this host (its *_PORT). */
export function subgraphUrls<Name extends Subgraph>(config: Config, names: readonly Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, config.env[SUBGRAPH_URL[name]] ?? localSubgraphUrl(config.env, name)])) as Record<
    Name,
    string
  >;
}

/**
 * `npm start` runs a simulator for each system without a URL. The simulators hold every seeded
 * customer and answer /__sim to anyone: in production, only when asked for (a demo). A process
 * served alone (`npm run serve`) starts none, and asks only for the systems it calls.
 */
export function refuseSimulatorsInProduction(config: Config): void {
  const unconfigured = SYSTEMS.filter((system) => !config.legacy[system].url).map((system) => LEGACY_URL[system]);
  if (config.production && unconfigured.length && !config.env.SIMULATORS_IN_PRODUCTION) {
    throw new ConfigError(
      `Invalid configuration: in production, set ${unconfigured.join(', ')} to the real systems ` +
        '(or SIMULATORS_IN_PRODUCTION=true for a demo on simulated systems)',
    );
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  if (production && !env.JWT_JWKS_URL && (source.JWT_SECRET === undefined || env.JWT_SECRET === DEV_JWT_SECRET)) {
    throw new ConfigError(
      `Invalid configuration: JWT_SECRET: in production, set a secret of your own (at least ${MIN_SECRET_LENGTH} characters) or JWT_JWKS_URL`,
    );
  }
  if (env.GATEWAY_FETCH_TIMEOUT_MS <= env.SUBGRAPH_TIMEOUT_MS) {
    throw new ConfigError(
      'Invalid configuration: GATEWAY_FETCH_TIMEOUT_MS: longer than SUBGRAPH_TIMEOUT_MS (a subgraph waiting for another answers its own error first)',
    );
  }
  return {
    production,
    env,
    legacy: {
      pos: { url: env.POS_URL, timeoutMs: env.POS_TIMEOUT_MS },
      eshop: { url: env.ESHOP_URL, timeoutMs: env.ESHOP_TIMEOUT_MS },
      crm: { url: env.CRM_URL, timeoutMs: env.CRM_TIMEOUT_MS },
      loyalty: { url: env.LOYALTY_URL, timeoutMs: env.LOYALTY_TIMEOUT_MS },
    },
  };
}

// Configuration is read and validated once, at start-up; everything else receives a Config.
import { z } from 'zod';
import type { System } from '../errors';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const optionalUrl = z.string().url().optional();
const timeout = (fallback: number) => z.coerce.number().int().positive().default(fallback);

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
  POS_URL: optionalUrl,
  ESHOP_URL: optionalUrl,
  ESHOP_API_KEY: z.string().min(1).default('sim-eshop-key'),
  CRM_URL: optionalUrl,
  LOYALTY_URL: optionalUrl,
  LOYALTY_CLIENT_ID: z.string().min(1).default('omnigraph'),
  LOYALTY_CLIENT_SECRET: z.string().min(1).default('sim-loyalty-secret'),
  POS_TIMEOUT_MS: timeout(3000),
  ESHOP_TIMEOUT_MS: timeout(3000),
  CRM_TIMEOUT_MS: timeout(3000),
  LOYALTY_TIMEOUT_MS: timeout(3000),
  /** the *_TIMEOUT_MS bound a whole legacy call; within it a failed read is retried this many times */
  LEGACY_RETRIES: z.coerce.number().int().nonnegative().default(2),
  LEGACY_RETRY_BASE_MS: z.coerce.number().int().positive().default(50),
  /** requests in flight per legacy system; more wait for a slot, within their timeout */
  LEGACY_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(32),
  /** a system's breaker opens above 50% failures once this many calls are in its window */
  LEGACY_BREAKER_MIN_CALLS: z.coerce.number().int().positive().default(10),
  /** how long an open breaker fails fast before one call probes the system; also its window */
  LEGACY_BREAKER_RESET_MS: z.coerce.number().int().positive().default(10000),
  DB_FILE: z.string().min(1).default('data/omnigraph.sqlite'),
  /** the catalogue and the store list: read again from the legacy systems after this long */
  REFERENCE_DATA_TTL_S: z.coerce.number().int().positive().default(600),
  /** a customer look-up key (email, phone, card, name) searched in the silos is not searched again for this long */
  /** promotions of every silo: read again after this long (refreshPricing drops them at once) */
  PROMOTIONS_TTL_S: z.coerce.number().int().positive().default(300),
  /** the omnichannel promotion policy; default: policy/omnichannel.yaml */
  POLICY_FILE: z.string().min(1).optional(),
  /** how often unfinished order sagas (interrupted, or waiting to undo or finish a step) are retried */
  SAGA_RECOVERY_INTERVAL_S: z.coerce.number().positive().default(30),
  /** the ROPO report first catches up with the silos when its last ingestion is older than this */
  ROPO_INGEST_TTL_S: z.coerce.number().int().positive().default(900),
  IDENTITY_FRESH_S: z.coerce.number().int().nonnegative().default(600),
  SIM_SEED: z.coerce.number().int().default(42),
  SIM_SCALE: z.coerce.number().positive().default(1),
  SIM_NOW: z.string().datetime().default('2026-11-20T00:00:00Z'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const env = parsed.data;
  return {
    env,
    legacy: {
      pos: { url: env.POS_URL, timeoutMs: env.POS_TIMEOUT_MS },
      eshop: { url: env.ESHOP_URL, timeoutMs: env.ESHOP_TIMEOUT_MS },
      crm: { url: env.CRM_URL, timeoutMs: env.CRM_TIMEOUT_MS },
      loyalty: { url: env.LOYALTY_URL, timeoutMs: env.LOYALTY_TIMEOUT_MS },
    },
  };
}

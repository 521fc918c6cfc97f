// Starts the real stack (simulators, subgraphs, gateway) on free loopback ports and talks to it
// over HTTP, as a frontend would.
import { until } from '../until';
import type { Caller } from '../../platform/auth/caller';
import { signToken, tokenSettings } from '../../platform/auth/tokens';
import { listeningPorts, loadConfig } from '../../platform/config';
import type { System } from '../../platform/errors';
import { generateWorld, type Person } from '../../legacy/seed';
import { createLogger, type Logger } from '../../platform/logging';
import { startStack, type Stack } from '../../platform/tools/stack';
import { freshDatabaseUrl } from '../databases';
import { indexedTemplateFor } from '../indexed-template';

export const SEED = { SIM_SEED: '7', SIM_SCALE: '1', SIM_NOW: '2026-11-20T00:00:00Z' };

let seededWorld: ReturnType<typeof generateWorld> | undefined;
/** The simulators' data of a test stack, and whose records are whose: what the tests check answers against. */
export function seeded(): ReturnType<typeof generateWorld> {
  seededWorld ??= generateWorld({ seed: Number(SEED.SIM_SEED), scale: Number(SEED.SIM_SCALE), now: new Date(SEED.SIM_NOW) });
  return seededWorld;
}

/** Someone in the e-shop, the CRM and loyalty, alone on their phone: their answers are exact. */
export const inEverySilo = (p: Person): p is Person & { eshopAccountId: string; loyaltyCard: string; crmContactId: string } =>
  Boolean(p.eshopAccountId && p.loyaltyCard && p.crmContactId && p.householdId === null);

/** every listening port free: whatever the configuration names (a subgraph added later included) */
export const FREE_PORTS = Object.fromEntries(Object.keys(listeningPorts(loadConfig({}).env)).map((name) => [name, '0']));

/**
 * Deadlines long enough that a loaded test machine (or the loyalty platform's 20 requests a second,
 * which the client waits out within the deadline) never turns a slow answer into a failure. The
 * tests of timeouts set their own.
 */
const PATIENT = { POS_TIMEOUT_MS: '10000', ESHOP_TIMEOUT_MS: '10000', CRM_TIMEOUT_MS: '10000', LOYALTY_TIMEOUT_MS: '10000' };

/** The identity index reads the silos once at start, and not again during a test unless it asks. */
const QUIET_INDEX = { IDENTITY_INDEX_INTERVAL_S: '86400' };

/**
 * Every member look-up asks the loyalty platform: tests count those calls, and whether one would be
 * served from a read of the last second depends on how busy that second was
 * (test/subgraphs/kit/loaders/member-batcher.test.ts checks the reuse on a fake clock).
 */
export const MEMBERS_ASKED = { LOYALTY_MEMBER_REUSE_MS: '0' };

/** How the gateway reaches the subgraphs of its process (SUBGRAPH_TRANSPORT); a stack runs `npm start`'s (local) unless told. */
export const TRANSPORTS = ['local', 'http'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/**
 * A new database for a stack on the default seed's silos, `env` its settings over the defaults
 * above: a copy of the run's first identity index pass where they leave what the index reads as it
 * was (../indexed-template.ts), empty otherwise. Stacks on copies hand out the same customer ids.
 */
export const stackDatabaseUrl = (env: Record<string, string> = {}) => freshDatabaseUrl(indexedTemplateFor(env));

/** A test stack's configuration: `env` over the defaults above, on a database of its own unless it names one. */
export async function testConfig(env: Record<string, string> = {}) {
  return loadConfig({
    ...FREE_PORTS,
    ...SEED,
    ...PATIENT,
    ...QUIET_INDEX,
    ...MEMBERS_ASKED,
    LOG_LEVEL: 'silent',
    ...env,
    DATABASE_URL: env.DATABASE_URL ?? (await stackDatabaseUrl(env)),
  });
}

export async function startTestStack(
  env: Record<string, string> = {},
  logger: Logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
): Promise<Stack> {
  const stack = await startStack(await testConfig(env), logger);
  // the silos are quiet once the identity index has read them: legacy call counts start from there
  await stack.identityIndexed;
  return stack;
}

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** Who a test speaks as: a role with a made-up subject, a caller of its own, or null for no token. */
export type As = 'service' | 'agent' | Caller | null;

/** A token as `npm run token` mints them, with the development settings every test stack runs on. */
export function tokenFor(as: Exclude<As, null>): Promise<string> {
  return signToken(typeof as === 'string' ? { role: as, sub: `test-${as}` } : as, tokenSettings(loadConfig({}).env));
}

export interface GqlOptions {
  /** default: the service role, which may do everything */
  as?: As;
  /** sent as the Authorization header instead of a token for `as` */
  authorization?: string;
  headers?: Record<string, string>;
}

export async function gqlResponse(
  stack: Stack,
  query: string,
  variables: Record<string, unknown> = {},
  options: GqlOptions = {},
): Promise<Response> {
  const as = options.as === undefined ? 'service' : options.as;
  const authorization = options.authorization ?? (as === null ? undefined : `Bearer ${await tokenFor(as)}`);
  return fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...options.headers },
    body: JSON.stringify({ query, variables }),
  });
}

export async function gql<T = any>(
  stack: Stack,
  query: string,
  variables: Record<string, unknown> = {},
  options: GqlOptions = {},
): Promise<GraphQLResponse<T>> {
  return (await (await gqlResponse(stack, query, variables, options)).json()) as GraphQLResponse<T>;
}

async function sim(stack: Stack, system: System, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${stack.legacyUrls[system]}/__sim/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

export const SYSTEM_LIST: System[] = ['pos', 'eshop', 'crm', 'loyalty'];

export async function resetStats(stack: Stack): Promise<void> {
  await Promise.all(SYSTEM_LIST.map((s) => sim(stack, s, 'reset', {})));
}

/** Legacy HTTP requests served per system since the last reset. */
export async function legacyCalls(stack: Stack): Promise<Record<System, number>> {
  const stats = await Promise.all(SYSTEM_LIST.map((s) => sim(stack, s, 'stats')));
  return Object.fromEntries(SYSTEM_LIST.map((s, i) => [s, stats[i].total])) as Record<System, number>;
}

/** One query as the service role, timed end to end, and the legacy calls it cost: what the benchmarks of calls and round trips read. */
export async function timedQuery(
  stack: Stack,
  query: string,
  variables: Record<string, unknown> = {},
  options: GqlOptions = {},
): Promise<{ data: any; ms: number; calls: Record<System, number> }> {
  await resetStats(stack);
  const started = performance.now();
  const { data, errors } = await gql(stack, query, variables, options);
  const ms = performance.now() - started;
  if (errors) throw new Error(`${query}: ${JSON.stringify(errors)}`);
  return { data, ms, calls: await legacyCalls(stack) };
}

/** The full stats of one simulator: total and byRoute. */
export const simStats = (stack: Stack, system: System) => sim(stack, system, 'stats');

/**
 * `ask` is answered from a cache (a second time, no more legacy `reads`) until refreshPricing is
 * sent to `via`, after which it reads the legacy system again: waited for, as a notice may reach
 * another process later.
 */
export async function expectReadAgainAfterRefresh(what: string, via: Stack, ask: () => Promise<void>, reads: () => Promise<number>) {
  await ask();
  const before = await reads();
  await ask();
  expect(await reads()).toBe(before);
  expect(await gql(via, 'mutation { refreshPricing }')).toEqual({ data: { refreshPricing: true } });
  await until(what, async () => {
    await ask();
    return (await reads()) > before;
  });
}
export const dump = (stack: Stack, system: System) => sim(stack, system, 'dump');
export const setFaults = (stack: Stack, system: System, faults: Record<string, unknown>) => sim(stack, system, 'faults', faults);

export { until };

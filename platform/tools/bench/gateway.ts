// npm run bench:gateway — what the gateway costs, in one run over the same supergraph, subgraphs and
// simulators, with the same query mix (a product page; 20 products with availability and offer; a
// warm customer 360; a quote of 5 lines): (a) a bare @apollo/gateway in @apollo/server, no plugins,
// over HTTP to the subgraphs of (b); (b) Omnigraph with SUBGRAPH_TRANSPORT=http; (c) Omnigraph
// in-process (`npm start`'s default). Then `{ __typename }` against the cached store list in the
// default mode, and the legacy round trips of the customer 360 and the product list with every
// legacy call slowed by 100 ms, timed untraced (as `npm start` runs), then traced for the critical
// path of each (./critical-path.ts: the chain of legacy calls that waited for one another, from the
// request's trace; the spans cost a traced request a few ms of their own). BENCH_SECONDS (20) per
// target, after 2 s unmeasured, 0 for the round trips alone; BENCH_CONNECTIONS (10). Beside each
// rate, the main thread's CPU time per request (./thread-cpu.ts), which the machine's own load
// moves far less, and the share of a core each part of the machine took meanwhile.
//
// What is measured (gateways and subgraphs) runs on this process's event loop, the same for all
// three; the simulators and autocannon run on threads of their own, so that neither the legacy
// systems' work nor the client's runs on the servers' thread. They, V8's GC helpers and the
// database still share the machine's second core: the faster a target, the more of it they take,
// and a main thread busy less than all the time was waiting for them.
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readFileSync } from 'node:fs';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import autocannon from 'autocannon';
import { SUPERGRAPH_FILE, type SubgraphName } from '../../../gateway/supergraph';
import { assertCaller, CALLER_HEADER, subgraphKey } from '../../auth/gateway-assertion';
import { createLogger } from '../../logging';
import { loadConfig } from '../../config';
import type { System } from '../../errors';
import type { Stack } from '../stack';
import { startTracing } from '../../tracing';
import { dump, gql, SEED, setFaults, startTestStack, SYSTEM_LIST, timedQuery, tokenFor, until } from '../../../test/e2e/harness';
import { withDatabaseServer } from '../../../test/database-server';
import { simulatorsOnThread } from './simulators-thread';
import { criticalPath, describePath, legacyCallsOf } from './critical-path';
import { descendantsCpuMs, descendantsCpuMsSince, mainThreadCpuMs } from './thread-cpu';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const LEGACY_LATENCY_MS = 100;
const SUBGRAPH_SECRET = 'bench-gateway-subgraph-secret-of-32-chars';

const PRODUCT_PAGE = `query ProductPage($sku: ID!, $store: ID!) { product(sku: $sku) {
  sku name category price { centAmount currencyCode } onlineStock
  availability(storeId: $store) { available store { name isOpen } }
  offer(channel: WEB) { price { centAmount } appliedPromotions { amount { centAmount } } } } }`;
const PRODUCT_LIST = `query ProductList($store: ID!) { products(first: 20) { edges { node {
  sku name price { centAmount } availability(storeId: $store) { available }
  offer(channel: STORE, storeId: $store) { price { centAmount } } } } } }`;
const CUSTOMER_360 = `query Customer360($id: ID!) { customer(id: $id) {
  id firstName lastName email phone identities { system externalId }
  loyalty { cardNumber tier pointsBalance } cases { id subject status openedAt }
  orders(first: 5) { edges { node { id channel status placedAt total { centAmount } } } } } }`;
const QUOTE = `query Quote($i: QuoteInput!) { quote(input: $i) {
  subtotal { centAmount } discount { centAmount } total { centAmount }
  appliedPromotions { promotion { id } amount { centAmount } } rejectedPromoCodes { code reason } } }`;

interface World {
  skus: string[];
  stores: string[];
  cards: string[];
}

/** The mix for one Omnigraph (its own customer ids): five of each query, interleaved. */
async function mixFor(stack: Stack, world: World): Promise<string[]> {
  const customers: string[] = [];
  for (const c of world.cards) {
    const found = await gql(stack, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', { c });
    customers.push(found.data.findCustomers[0].id);
  }
  const bodies: string[] = [];
  for (let i = 0; i < 5; i++) {
    const store = world.stores[i % world.stores.length];
    bodies.push(
      JSON.stringify({ query: PRODUCT_PAGE, variables: { sku: world.skus[i * 7], store } }),
      JSON.stringify({ query: PRODUCT_LIST, variables: { store } }),
      JSON.stringify({ query: CUSTOMER_360, variables: { id: customers[i] } }),
      JSON.stringify({
        query: QUOTE,
        variables: {
          i: {
            channel: 'STORE',
            storeId: store,
            promoCodes: ['WELCOME10'],
            lines: world.skus.slice(i * 5, i * 5 + 5).map((sku) => ({ sku, quantity: 2 })),
          },
        },
      }),
    );
  }
  return bodies;
}

/** (a): Apollo's gateway as its documentation sets it up, with only what the subgraphs require (a caller, the service's, re-signed every 30 s). */
async function bareGateway(subgraphs: Record<SubgraphName, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const key = subgraphKey(SUBGRAPH_SECRET);
  let assertion = await assertCaller({ role: 'service', sub: 'bench' }, key);
  const renew = setInterval(() => void assertCaller({ role: 'service', sub: 'bench' }, key).then((a) => (assertion = a)), 30_000);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource({
        url: subgraphs[name as SubgraphName],
        willSendRequest: ({ request }) => void request.http?.headers.set(CALLER_HEADER, assertion),
      }),
  });
  const apollo = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(apollo, { listen: { port: 0, host: '127.0.0.1' } });
  return {
    url,
    close: async () => {
      clearInterval(renew);
      await apollo.stop();
    },
  };
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** the main thread's CPU time per request, in µs (NaN where it cannot be read) */
  cpu: number;
  /**
   * Shares of a core over the load (NaN where they cannot be read): the main thread's (the servers
   * measured), this process's other threads' (the simulators, the load generator, V8's GC helpers),
   * the database server's. On two cores, what the others take is what the main thread waits for.
   */
  busy: { main: number; others: number; database: number };
}

/** Each request once (it must answer without errors, and caches are warm), then the load. */
async function load(url: string, bodies: string[], token: string | undefined, seconds: number): Promise<Figures> {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  for (const body of bodies) {
    const answer = (await (await fetch(url, { method: 'POST', headers, body })).json()) as { errors?: unknown };
    if (answer.errors) throw new Error(`${url}: ${body.slice(0, 60)}: ${JSON.stringify(answer.errors)}`);
  }
  // the /proc scan first: its own time is then in neither reading
  const databaseBefore = descendantsCpuMs();
  const cpuBefore = mainThreadCpuMs();
  const [processBefore, started] = [process.cpuUsage(), performance.now()];
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    workers: 1,
    headers,
    requests: bodies.map((body) => ({ method: 'POST', body })),
  });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const cpuAfter = mainThreadCpuMs();
  const [processMs, wallMs] = [process.cpuUsage(processBefore), performance.now() - started];
  const databaseAfter = descendantsCpuMs();
  const mainMs = cpuBefore === null || cpuAfter === null ? NaN : cpuAfter - cpuBefore;
  const busy = {
    main: mainMs / wallMs,
    others: ((processMs.user + processMs.system) / 1000 - mainMs) / wallMs,
    // none: a DATABASE_URL server, not this process's, whose time it cannot read
    database: !databaseBefore?.size || !databaseAfter?.size ? NaN : descendantsCpuMsSince(databaseBefore, databaseAfter) / wallMs,
  };
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpu: (mainMs * 1000) / result.requests.total,
    busy,
  };
}

interface Target {
  url: string;
  bodies: string[];
  token?: string;
}

/**
 * Each target for BENCH_SECONDS, in four quarters run in mirror order (a b c, c b a, a b c, c b a):
 * on a shared machine the load of the others drifts, and whichever ran first would pay for it
 * alone; the shorter the turns, the less a slow minute falls on one target. Each figure is the
 * mean of its quarters.
 */
const TURNS = 4;
/** each target's load first runs this long unmeasured: compiled code and caches as in a server that has been up a while */
const WARM_UP_S = 2;
async function sideBySide(targets: Target[]): Promise<Figures[]> {
  for (const t of targets) await load(t.url, t.bodies, t.token, WARM_UP_S);
  const turns: Figures[][] = targets.map(() => []);
  const forward = [...targets.keys()];
  for (let turn = 0; turn < TURNS; turn++) {
    for (const i of turn % 2 === 0 ? forward : [...forward].reverse()) {
      turns[i].push(await load(targets[i].url, targets[i].bodies, targets[i].token, SECONDS / TURNS));
    }
  }
  const mean = (runs: Figures[], of: (r: Figures) => number) => runs.reduce((sum, r) => sum + of(r), 0) / runs.length;
  return turns.map((runs) => ({
    rps: mean(runs, (r) => r.rps),
    p50: mean(runs, (r) => r.p50),
    p99: mean(runs, (r) => r.p99),
    cpu: mean(runs, (r) => r.cpu),
    busy: { main: mean(runs, (r) => r.busy.main), others: mean(runs, (r) => r.busy.others), database: mean(runs, (r) => r.busy.database) },
  }));
}

const percent = (share: number) => `${(share * 100).toFixed(0).padStart(3)} %`;
const row = (label: string, r: Figures, extra = '') =>
  `${label.padEnd(40)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms  ` +
  `CPU ${r.cpu.toFixed(0).padStart(5)} µs/req  busy: main ${percent(r.busy.main)}, others ${percent(r.busy.others)}, database ${percent(r.busy.database)}  ${extra}`;

/** One request's spans, once its gateway's server span has ended (the last to): the exporter holds nothing else. */
async function requestSpans(exporter: InMemorySpanExporter) {
  return until("the request's trace", async () => {
    const spans = exporter.getFinishedSpans();
    const ids = new Set(spans.map((s) => s.spanContext().spanId));
    const root = spans.some((s) => s.kind === SpanKind.SERVER && (!s.parentSpanContext || !ids.has(s.parentSpanContext.spanId)));
    return root && spans.every((s) => !s.parentSpanContext || ids.has(s.parentSpanContext.spanId)) && spans;
  });
}

/** Requests per round-trip figure: one alone moves by several ms on this machine, its median far less. */
const ROUND_TRIP_RUNS = 31;

interface RoundTrip {
  stack: Stack;
  label: string;
  query: string;
  variables: Record<string, unknown>;
}

/** The median of ROUND_TRIP_RUNS requests (warm), and the runs themselves. */
async function timedRuns(trip: RoundTrip, token: string, traced?: InMemorySpanExporter) {
  // one token, as a client holds one for its session: one signed for each request would time the
  // signing, and the gateway's check of a token it has not seen
  const as = { authorization: `Bearer ${token}` };
  for (let i = 0; i < 5; i++) await timedQuery(trip.stack, trip.query, trip.variables, as); // warm
  const runs = [];
  for (let i = 0; i < ROUND_TRIP_RUNS; i++) {
    traced?.reset();
    const run = await timedQuery(trip.stack, trip.query, trip.variables, as);
    runs.push({ ...run, path: traced ? criticalPath(legacyCallsOf(await requestSpans(traced))) : [] });
  }
  const sorted = [...runs].sort((x, y) => x.ms - y.ms);
  return { runs, sorted, median: sorted[Math.floor(runs.length / 2)] };
}

const roundTripsOf = (ms: number) => (ms / LEGACY_LATENCY_MS).toFixed(2);

/** Untraced, as `npm start` runs without OTEL_EXPORTER_OTLP_ENDPOINT: the figure. */
async function roundTrips(trip: RoundTrip, token: string) {
  const { sorted, median } = await timedRuns(trip, token);
  const calls = SYSTEM_LIST.filter((s) => median.calls[s])
    .map((s) => `${s}=${median.calls[s]}`)
    .join(' ');
  console.log(
    `${trip.label.padEnd(40)} ${median.ms.toFixed(0).padStart(5)} ms = ${roundTripsOf(median.ms)} round trips ` +
      `(${roundTripsOf(sorted[0].ms)} to ${roundTripsOf(sorted[sorted.length - 1].ms)})  (${calls})`,
  );
}

/** Traced (the spans cost the request a few ms of their own): which legacy calls waited for which. */
async function criticalPathOf(trip: RoundTrip, token: string, exporter: InMemorySpanExporter) {
  const { runs, median } = await timedRuns(trip, token, exporter);
  const inCalls = median.path.reduce((sum, c) => sum + c.end - c.start, 0);
  console.log(
    `${trip.label.padEnd(40)} traced ${median.ms.toFixed(0)} ms: critical path ${median.path.length} ` +
      `(the ${runs.length} runs: ${runs.map((r) => r.path.length).join(' ')}), ${inCalls.toFixed(0)} ms in its calls, ` +
      `${(median.ms - inCalls).toFixed(0)} ms outside them: ${describePath(median.path)}`,
  );
}

async function main() {
  // what `npm start` logs, written nowhere: the access log's cost is in the figures
  const logger = () => createLogger('info', { write: () => undefined });
  const simulators = await simulatorsOnThread({ seed: Number(SEED.SIM_SEED), scale: Number(SEED.SIM_SCALE), now: SEED.SIM_NOW });
  const legacyUrls = Object.fromEntries(SYSTEM_LIST.map((s) => [`${s.toUpperCase()}_URL`, simulators.urls[s]]));
  // test stacks ask the loyalty platform for every member (their tests count the calls); `npm start` does not under load
  const reuse = loadConfig({ LOYALTY_MEMBER_REUSE_MS: process.env.LOYALTY_MEMBER_REUSE_MS }).env.LOYALTY_MEMBER_REUSE_MS;
  const settings = { ...legacyUrls, LOYALTY_MEMBER_REUSE_MS: String(reuse) };
  const http = await startTestStack({ SUBGRAPH_TRANSPORT: 'http', SUBGRAPH_SECRET, ...settings }, logger());
  const local = await startTestStack({ SUBGRAPH_TRANSPORT: 'local', ...settings }, logger());
  const bare = await bareGateway(
    Object.fromEntries(Object.entries(http.subgraphs).map(([n, s]) => [n, s.url!])) as Record<SubgraphName, string>,
  );
  try {
    const [eshop, pos] = await Promise.all([dump(http, 'eshop'), dump(http, 'pos')]);
    const world: World = {
      skus: eshop.products.map((p: { sku: string }) => p.sku),
      stores: pos.stores.map((s: { code: string }) => s.code),
      cards: eshop.accounts
        .map((a: { loyalty_card: string | null }) => a.loyalty_card)
        .filter(Boolean)
        .slice(0, 5),
    };
    const token = await tokenFor('service');
    const [httpMix, localMix] = [await mixFor(http, world), await mixFor(local, world)];
    // the customer 360 reads loyalty, which allows 20 requests a second per client (look-ups batched,
    // and a member read in the last second reused while the rate would hold one back): the same mix
    // without it shows what the gateways themselves cost
    const withoutCustomers = (mix: string[]) => mix.filter((body) => !body.includes('Customer360'));
    for (const [title, pick] of SECONDS === 0
      ? []
      : ([
          ['the mix: product page, 20 products, customer 360, quote of 5 lines', (mix: string[]) => mix],
          ['the mix without the customer 360', withoutCustomers],
        ] as const)) {
      console.log(`${title}; ${SECONDS} s per target, ${CONNECTIONS} connections`);
      const [a, b, c] = await sideBySide([
        { url: bare.url, bodies: pick(httpMix), token },
        { url: http.gatewayUrl, bodies: pick(httpMix), token },
        { url: local.gatewayUrl, bodies: pick(localMix), token },
      ]);
      console.log(row('(a) bare @apollo/gateway, HTTP', a));
      // the CPU ratio: how many of this target's requests the main thread serves in the CPU time of one of (a)'s
      const versus = (r: Figures, of: Figures) => `${(r.rps / of.rps).toFixed(2)} x (CPU ${(of.cpu / r.cpu).toFixed(2)} x)`;
      console.log(row('(b) Omnigraph, SUBGRAPH_TRANSPORT=http', b, `${versus(b, a)} (a)`));
      console.log(row('(c) Omnigraph, in-process (default)', c, `${versus(c, a)} (a), ${versus(c, b)} (b)`));
      console.log();
    }

    if (SECONDS > 0) {
      console.log('The default `npm start` (in-process), no token:');
      const [typename, stores] = await sideBySide(
        ['{ __typename }', '{ stores { id name isOpen } }'].map((query) => ({
          url: local.gatewayUrl,
          bodies: [JSON.stringify({ query })],
        })),
      );
      console.log(row('{ __typename }', typename));
      console.log(row('{ stores { id name isOpen } } (cached)', stores, `${(stores.rps / typename.rps).toFixed(2)} x __typename`));
    }

    console.log(
      `\nEvery legacy call slowed by ${LEGACY_LATENCY_MS} ms, warm, median of ${ROUND_TRIP_RUNS} (end to end / ${LEGACY_LATENCY_MS} ms), untraced:`,
    );
    await Promise.all(SYSTEM_LIST.map((s: System) => setFaults(http, s, { latency_ms: LEGACY_LATENCY_MS })));
    const trips: RoundTrip[] = (
      [
        [local, localMix, 'in-process'],
        [http, httpMix, 'http'],
      ] as const
    ).flatMap(([stack, mix, mode]) => [
      { stack, label: `customer 360 (${mode})`, query: CUSTOMER_360, variables: JSON.parse(mix[2]).variables as Record<string, unknown> },
      { stack, label: `20 products with availability (${mode})`, query: PRODUCT_LIST, variables: { store: world.stores[0] } },
    ]);
    for (const trip of trips) await roundTrips(trip, token);
    // traced from here only, so that the spans cost the figures above nothing
    console.log('\nThe same, traced, for the chain of legacy calls that waited for one another:');
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing('bench-gateway', [new SimpleSpanProcessor({ exporter })]);
    for (const trip of trips) await criticalPathOf(trip, token, exporter);
    await tracing.shutdown();
  } finally {
    await bare.close();
    await local.close();
    await http.close();
    await simulators.close();
  }
}

withDatabaseServer(main).catch((err) => {
  console.error(err);
  process.exit(1);
});

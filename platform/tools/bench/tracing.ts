// npm run bench:tracing — what tracing costs the gateway: `{ stores { id name isOpen } }` (one
// subgraph, cached data) for BENCH_SECONDS (10) at BENCH_CONNECTIONS (10) against the service as
// `npm start` runs it, with tracing off (no variable), on without exporter (OTEL_TRACES_EXPORTER=none)
// and on with an exporter (OTEL_EXPORTER_OTLP_ENDPOINT, a collector in this process that keeps
// nothing), BENCH_ROUNDS (2) times in turn. Prints requests per second, p50/p99 latency and the
// service's CPU time per request (user + system, from /proc: on a machine shared with other work,
// the steadier of the figures) of each run and each mode's mean; then what one span costs in this
// process (CPU time per span started and ended, no provider / a provider / a provider exporting over
// OTLP) and how many spans a request makes. Loopback only.
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { trace, type ProxyTracerProvider } from '@opentelemetry/api';
import autocannon from 'autocannon';
import { startSimulators } from '../../../legacy';
import { loadConfig } from '../../config';
import { startEmbeddedPostgres } from '../../db/embedded';
import { startConfiguredTracing } from '../../tracing';
import { startChildService } from '../../../test/e2e/child-service';
import { cpuMsOf } from './thread-cpu';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SEED = { seed: 42, scale: 1, now: new Date('2026-11-20T00:00:00Z') };
const QUERY = '{ stores { id name isOpen } }';

interface Run {
  rps: number;
  p50: number;
  p99: number;
  /** the service's CPU time per request, in microseconds */
  cpuUs: number;
}

/** CPU time a process has used, in microseconds. */
const cpuUsOf = (pid: number) => cpuMsOf(`/proc/${pid}/stat`) * 1000;

async function main() {
  // what an OTLP collector is sent, counted and dropped
  let exported = { requests: 0, bytes: 0, spans: 0 };
  const collector = http.createServer((req, res) => {
    exported.requests += 1;
    let body = '';
    req.on('data', (chunk: Buffer) => {
      exported.bytes += chunk.length;
      body += chunk.toString();
    });
    req.on('end', () => {
      // one "traceId" per span in OTLP/JSON
      exported.spans += body.split('"traceId"').length - 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  const modes: Record<string, Record<string, string>> = {
    off: {},
    'on, no exporter': { OTEL_TRACES_EXPORTER: 'none' },
    'on, OTLP exporter': { OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl },
  };

  const sims = await startSimulators({ seed: SEED });
  const urls = Object.fromEntries(Object.entries(sims).map(([s, h]) => [`${s.toUpperCase()}_URL`, h!.url]));
  const database = await startEmbeddedPostgres({ dir: mkdtempSync(path.join(tmpdir(), 'bench-tracing-')), persistent: false });
  const runs = new Map<string, Run[]>(Object.keys(modes).map((mode) => [mode, []]));
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [mode, env] of Object.entries(modes)) {
        const service = await startChildService({ ...urls, ...env, DATABASE_URL: database.url, NODE_ENV: 'development' });
        try {
          const load = (duration: number) =>
            autocannon({
              url: service.gatewayUrl,
              connections: CONNECTIONS,
              duration,
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: QUERY }),
            });
          await load(2); // warm-up: the store list cached, the JIT warm
          exported = { requests: 0, bytes: 0, spans: 0 };
          const cpuBefore = cpuUsOf(service.pid);
          const result = await load(SECONDS);
          const cpuUs = (cpuUsOf(service.pid) - cpuBefore) / result.requests.total;
          if (result.non2xx || result.errors) throw new Error(`${mode}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
          const run = { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuUs };
          runs.get(mode)!.push(run);
          await service.stop(); // its last spans sent
          const perRequest = (exported.spans / result.requests.total).toFixed(1);
          const sent = mode.includes('OTLP') ? `, ${perRequest} spans a request exported (${(exported.bytes / 1e6).toFixed(1)} MB)` : '';
          console.log(
            `round ${round}, tracing ${mode}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, CPU ${cpuUs.toFixed(0)} µs/request${sent}`,
          );
        } finally {
          await service.stop();
        }
      }
    }
    console.log(`\n${QUERY}, ${CONNECTIONS} connections, ${SECONDS} s a run, mean of ${ROUNDS}:`);
    const mean = (list: Run[], of: (r: Run) => number) => list.reduce((n, r) => n + of(r), 0) / list.length;
    console.log(await spanCosts(collectorUrl));
    const baseline = mean(runs.get('off')!, (r) => r.rps);
    const baselineCpu = mean(runs.get('off')!, (r) => r.cpuUs);
    for (const [mode, list] of runs) {
      const rps = mean(list, (r) => r.rps);
      const cpu = mean(list, (r) => r.cpuUs);
      console.log(
        `  tracing ${mode}: ${rps.toFixed(0)} req/s (${((rps / baseline) * 100).toFixed(0)} % of off), p50 ${mean(list, (r) => r.p50).toFixed(1)} ms, ` +
          `p99 ${mean(list, (r) => r.p99).toFixed(1)} ms, CPU ${cpu.toFixed(0)} µs/request (${((cpu / baselineCpu) * 100).toFixed(0)} % of off)`,
      );
    }
  } finally {
    await database.stop();
    for (const sim of Object.values(sims)) await sim?.close();
    collector.close();
  }
}

/**
 * CPU time of one span started (active, as the code starts them) and ended, in this process, for
 * each set-up; with the exporter, its batches flushed every 1,000 spans and sent to the collector
 * (whose reading, in this process too, is counted with them).
 */
async function spanCosts(collectorUrl: string): Promise<string> {
  const CHUNKS = 100;
  const CHUNK = 1000;
  const perSpan = async () => {
    const tracer = trace.getTracer('bench');
    const provider = trace.getTracerProvider() as ProxyTracerProvider;
    const before = process.cpuUsage();
    for (let c = 0; c < CHUNKS; c++) {
      for (let i = 0; i < CHUNK; i++) tracer.startActiveSpan('span', (span) => span.end());
      await (provider.getDelegate() as { forceFlush?: () => Promise<void> }).forceFlush?.();
    }
    const used = process.cpuUsage(before);
    return `${((used.user + used.system) / (CHUNKS * CHUNK)).toFixed(2)} µs`;
  };
  const setups: [string, Record<string, string>][] = [
    ['on, no exporter', { OTEL_TRACES_EXPORTER: 'none' }],
    ['on, OTLP exporter', { OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl }],
  ];
  const costs = [`off ${await perSpan()}`];
  for (const [name, env] of setups) {
    const stop = startConfiguredTracing(loadConfig(env).env);
    costs.push(`${name} ${await perSpan()}`);
    await stop();
  }
  return `CPU time per span (${CHUNKS * CHUNK} spans, this process): ${costs.join(', ')}`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

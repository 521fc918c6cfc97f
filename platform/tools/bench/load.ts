// npm run bench:load — the contract's queries mixed for BENCH_SECONDS (60) at BENCH_CONNECTIONS
// (20) against the service running as `npm start` runs it (a child process), with one legacy
// system flaky (BENCH_FLAKY=loyalty at 20 % errors). Prints requests per second, p50/p99 latency,
// GraphQL errors by code, and the service's memory at start and end. Loopback only. REPLICAS=N
// (1): N replicas over one database, the connections spread evenly over their gateways.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startSimulators } from '../../../legacy';
import type { System } from '../../errors';
import { signToken, tokenSettings } from '../../auth/tokens';
import { loadConfig } from '../../config';
import { startEmbeddedPostgres } from '../../db/embedded';
import { startChildService } from '../../../test/e2e/child-service';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const FLAKY = (process.env.BENCH_FLAKY ?? 'loyalty') as System;
const REPLICAS = Number(process.env.REPLICAS ?? 1);
const SEED = { seed: 42, scale: Number(process.env.SIM_SCALE ?? 1), now: new Date('2026-11-20T00:00:00Z') };

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function post(url: string, token: string, query: string, variables: object) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
}

async function main() {
  const sims = await startSimulators({ seed: SEED });
  const urls = Object.fromEntries(Object.entries(sims).map(([s, h]) => [`${s.toUpperCase()}_URL`, h!.url]));
  // a throw-away database: the child is killed, and a server of its own would be left running
  const database = await startEmbeddedPostgres({ dir: mkdtempSync(path.join(tmpdir(), 'bench-load-')), persistent: false });
  const service = await startChildService({
    ...urls,
    DATABASE_URL: database.url,
    SIM_SCALE: String(SEED.scale),
    NODE_ENV: 'development',
    REPLICAS: String(REPLICAS),
  });
  const token = await signToken({ role: 'service', sub: 'bench' }, tokenSettings(loadConfig({}).env));
  try {
    const dump = async (system: System): Promise<any> => (await fetch(`${sims[system]!.url}/__sim/dump`)).json();
    const [world, pos, loyalty] = await Promise.all([dump('eshop'), dump('pos'), dump('loyalty')]);
    const skus: string[] = world.products.map((p: { sku: string }) => p.sku);
    const stores: string[] = pos.stores.map((s: { code: string }) => s.code);
    const customers: string[] = [];
    for (const m of loyalty.members.slice(0, 30)) {
      const found = await post(service.gatewayUrl, token, 'query($c: String) { findCustomers(loyaltyCard: $c) { id } }', {
        c: m.card_number,
      });
      if (found.data?.findCustomers[0]) customers.push(found.data.findCustomers[0].id);
    }
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
    const mix: (() => { query: string; variables: object })[] = [
      () => ({
        query:
          'query($sku: ID!, $s: ID!) { product(sku: $sku) { name price { centAmount } availability(storeId: $s) { available } offer(channel: WEB) { price { centAmount } } } }',
        variables: { sku: pick(skus), s: pick(stores) },
      }),
      () => ({
        query: 'query($q: String) { products(search: $q, first: 20) { totalCount edges { node { sku name price { centAmount } } } } }',
        variables: { q: pick(['lampe', 'table', 'the', 'a']) },
      }),
      () => ({ query: '{ stores { id name isOpen openingHours { day opens closes } } }', variables: {} }),
      () => ({
        query:
          'query($id: ID!) { customer(id: $id) { firstName loyalty { tier pointsBalance } cases { id } orders(first: 5) { edges { node { id total { centAmount } } } } } }',
        variables: { id: pick(customers) },
      }),
      () => ({
        query: 'query($i: QuoteInput!) { quote(input: $i) { total { centAmount } appliedPromotions { amount { centAmount } } } }',
        variables: {
          i: {
            channel: pick(['WEB', 'STORE', 'CALL_CENTER']),
            storeId: pick(stores),
            lines: [
              { sku: pick(skus), quantity: 2 },
              { sku: pick(skus), quantity: 1 },
            ],
            promoCodes: ['WELCOME10'],
          },
        },
      }),
    ];
    await fetch(`${sims[FLAKY]!.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error_rate: 0.2 }),
    });
    const errors = new Map<string, number>();
    const memStart = rssMb(service.pid);
    const run = (url: string) =>
      autocannon({
        url,
        connections: Math.ceil(CONNECTIONS / service.gatewayUrls.length),
        duration: SECONDS,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => ({ ...req, body: JSON.stringify(pick(mix)()) }),
            onResponse: (status, body) => {
              if (status !== 200) errors.set(`HTTP ${status}`, (errors.get(`HTTP ${status}`) ?? 0) + 1);
              for (const e of (JSON.parse(body) as { errors?: { extensions?: { code?: string; system?: string } }[] }).errors ?? []) {
                const code = `${e.extensions?.code ?? 'NONE'}${e.extensions?.system ? `(${e.extensions.system})` : ''}`;
                errors.set(code, (errors.get(code) ?? 0) + 1);
              }
            },
          },
        ],
      });
    const results = await Promise.all(service.gatewayUrls.map(run));
    const memEnd = rssMb(service.pid);
    const sum = (of: (r: autocannon.Result) => number) => results.reduce((n, r) => n + of(r), 0);
    console.log(
      `${SECONDS} s, ${CONNECTIONS} connections, ${REPLICAS} replica(s), ${FLAKY} failing 20 % of calls, SIM_SCALE=${SEED.scale}`,
    );
    console.log(
      `requests: ${sum((r) => r.requests.total)} (${sum((r) => r.requests.average).toFixed(0)}/s); non-2xx ${sum((r) => r.non2xx)}, timeouts ${sum((r) => r.timeouts)}`,
    );
    // autocannon keeps no histogram to merge: each gateway's own percentiles
    for (const [i, r] of results.entries())
      console.log(`  replica ${i}: ${r.requests.average.toFixed(0)}/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`);
    console.log(`GraphQL errors by code: ${errors.size ? [...errors].map(([c, n]) => `${c}=${n}`).join(' ') : 'none'}`);
    console.log(`replica 0's memory (RSS): ${memStart.toFixed(0)} MB at start, ${memEnd.toFixed(0)} MB at end`);
  } finally {
    await service.kill();
    await database.stop();
    for (const sim of Object.values(sims)) await sim?.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

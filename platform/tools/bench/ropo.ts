// npm run bench:ropo — the ROPO report over the simulated last year: time and legacy calls (from
// the simulators' /__sim/stats) of the first report, which runs the initial ingestion, and of a
// second one right after, which only catches up. SIM_SCALE=100 by default (≈ 15 s and 1 GB to seed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCatalog } from '../../../domain/reference/catalog';
import { systemClock } from '../../../adapters/transport/clock';
import { EshopClient } from '../../../adapters/eshop/client';
import { createGuards } from '../../../adapters/transport/guards';
import { LoyaltyClient } from '../../../adapters/loyalty/client';
import { PosClient } from '../../../adapters/pos/client';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db';
import { startEmbeddedPostgres } from '../../db/embedded';
import { SYSTEMS, type System } from '../../errors';
import { IdentityStore } from '../../../domain/identity/store';
import { startSimulators, type SimHandle } from '../../../legacy';
import { createLogger } from '../../logging';
import { RopoService } from '../../../domain/journey/ropo';
import { createStoreDirectory } from '../../../domain/reference/store-directory';

const LOOKBACK_DAYS = 30;

async function main() {
  const config = loadConfig({ SIM_SCALE: '100', LOG_LEVEL: 'warn', ...process.env });
  const { env } = config;
  let started = performance.now();
  const seed = { seed: env.SIM_SEED, scale: env.SIM_SCALE, now: new Date(env.SIM_NOW) };
  const sims = (await startSimulators({ seed, host: env.HOST })) as Record<System, SimHandle>;
  console.log(`SIM_SCALE=${env.SIM_SCALE}: simulators seeded and started in ${Math.round(performance.now() - started)} ms`);
  const urls = Object.fromEntries(SYSTEMS.map((s) => [s, sims[s].url])) as Record<System, string>;
  const sim = async (system: System, path: string, method = 'GET') => {
    const text = await (await fetch(`${urls[system]}/__sim/${path}`, { method })).text();
    return text ? JSON.parse(text) : undefined;
  };
  const logger = createLogger(env.LOG_LEVEL);
  const guards = createGuards(config, urls, logger);
  const eshop = new EshopClient(urls.eshop, env.ESHOP_API_KEY, config.legacy.eshop.timeoutMs, guards.eshop);
  const pos = new PosClient(urls.pos, config.legacy.pos.timeoutMs, guards.pos);
  const loyalty = new LoyaltyClient(
    urls.loyalty,
    env.LOYALTY_CLIENT_ID,
    env.LOYALTY_CLIENT_SECRET,
    config.legacy.loyalty.timeoutMs,
    systemClock,
    guards.loyalty,
  );
  const server = env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ropo-')), persistent: false });
  const db = openDatabase(env.DATABASE_URL ?? server!.url);
  const ttl = env.REFERENCE_DATA_TTL_S * 1000;
  const deps = {
    pos,
    eshop,
    loyalty,
    catalog: createCatalog(eshop, ttl),
    stores: createStoreDirectory(pos, ttl),
    identity: await IdentityStore.open(db),
    db,
    logger,
  };
  // A TTL of 0 so that the second report catches up, as one does once the TTL has passed.
  const service = await RopoService.open(deps, { ingestTtlMs: 0 });
  const to = new Date(env.SIM_NOW);
  const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate()));
  try {
    for (const label of ['first report (initial ingestion)', 'second report (catch-up)']) {
      await Promise.all(SYSTEMS.map((s) => sim(s, 'reset', 'POST')));
      started = performance.now();
      const report = await service.report(from, to, LOOKBACK_DAYS);
      const ms = Math.round(performance.now() - started);
      const stats = await Promise.all(SYSTEMS.map((s) => sim(s, 'stats')));
      const calls = SYSTEMS.map((s, i) => `${s}=${stats[i].total}`).join(' ');
      console.log(`${label.padEnd(34)} ${String(ms).padStart(7)} ms  ${calls}`);
      const byRoute = SYSTEMS.flatMap((s, i) => Object.entries(stats[i].byRoute ?? {}).map(([route, n]) => `${s} ${route}: ${n}`));
      console.log(`  ${byRoute.join('\n  ')}`);
      console.log(
        `  store purchases ${report.storePurchases}, ROPO ${report.ropoPurchases} (${(report.ropoRate * 100).toFixed(1)} %), ` +
          `web purchases ${report.webPurchases}, showrooming ${report.showroomingPurchases} (${(report.showroomingRate * 100).toFixed(1)} %); ` +
          `${report.byStore.length} stores, ${report.byWeek.length} weeks`,
      );
    }
  } finally {
    Object.values(guards).forEach((g) => g.close());
    await db.close();
    await server?.stop();
    await Promise.all(SYSTEMS.map((s) => sims[s].close()));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

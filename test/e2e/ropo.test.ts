// The ROPO report, ingested from the simulators through the legacy clients, against a plain
// computation over everything the simulators hold (/__sim/dump, ./ropo-reference.ts).
import { createCatalog } from '../../domain/reference/catalog';
import { parisLocalToIso } from '../../domain/canonical/time';
import { EshopClient } from '../../adapters/eshop/client';
import { LoyaltyClient } from '../../adapters/loyalty/client';
import { PosClient } from '../../adapters/pos/client';
import { freshDb } from '../databases';
import { IdentityStore } from '../../domain/identity/store';
import type { World } from '../../legacy/model';
import { createLogger } from '../../platform/logging';
import { RopoService, type RopoReport } from '../../domain/journey/ropo';
import { startSimulators, type SimHandle } from '../../legacy';
import { createStoreDirectory } from '../../domain/reference/store-directory';
import { SEED } from './harness';
import { expectedRopo } from './ropo-reference';

const TO = new Date(SEED.SIM_NOW);
const FROM = new Date(Date.UTC(TO.getUTCFullYear() - 1, TO.getUTCMonth(), TO.getUTCDate()));
const LOOKBACK_DAYS = 30;

/** The systems the report reads. */
const SILOS = ['pos', 'eshop', 'loyalty'] as const;
type Silo = (typeof SILOS)[number];

let sims: Record<Silo, SimHandle>;
let service: RopoService;
let pos: PosClient;

const sim = async <T>(system: Silo, path: string) => (await (await fetch(`${sims[system].url}/__sim/${path}`)).json()) as T;
const dump = <K extends Silo>(system: K) => sim<World[K]>(system, 'dump');
const resetStats = () => Promise.all(SILOS.map((s) => fetch(`${sims[s].url}/__sim/reset`, { method: 'POST' })));
const legacyCalls = async () =>
  Object.fromEntries(await Promise.all(SILOS.map(async (s) => [s, (await sim<{ total: number }>(s, 'stats')).total]))) as Record<
    Silo,
    number
  >;

// The simulators alone: the report reads the legacy systems through its own clients, as the stack wires it.
beforeAll(async () => {
  const seed = { seed: Number(SEED.SIM_SEED), scale: Number(SEED.SIM_SCALE), now: new Date(SEED.SIM_NOW) };
  sims = (await startSimulators({ seed, only: [...SILOS] })) as Record<Silo, SimHandle>;
  const urls = { pos: sims.pos.url, eshop: sims.eshop.url, loyalty: sims.loyalty.url };
  const eshop = new EshopClient(urls.eshop, 'sim-eshop-key', 3000);
  pos = new PosClient(urls.pos, 3000);
  const loyalty = new LoyaltyClient(urls.loyalty, 'omnigraph', 'sim-loyalty-secret', 3000);
  const db = await freshDb();
  const deps = {
    pos,
    eshop,
    loyalty,
    catalog: createCatalog(eshop, 600_000),
    stores: createStoreDirectory(pos, 600_000),
    identity: await IdentityStore.open(db),
    db,
    logger: createLogger('silent'),
  };
  // A TTL of 0: every report catches up first.
  service = await RopoService.open(deps, { ingestTtlMs: 0 });
});
afterAll(() => Promise.all(SILOS.map((s) => sims[s]?.close())));

/** Everything the simulators hold, counted the slow way, exactly as the README ("ROPO and showrooming") defines it. */
async function reference(from: Date, to: Date, lookbackDays: number): Promise<RopoReport> {
  const [eshop, pos, loyalty] = await Promise.all([dump('eshop'), dump('pos'), dump('loyalty')]);
  return expectedRopo({ eshop, pos, loyalty }, from, to, lookbackDays);
}

describe("ropoReport over the seed's last year", () => {
  it('equals the plain computation over every record the simulators hold, and a second report only catches up', async () => {
    await resetStats();
    const first = await service.report(FROM, TO, LOOKBACK_DAYS);
    const initial = await legacyCalls();
    const expected = await reference(FROM, TO, LOOKBACK_DAYS);
    expect(first).toEqual(expected);
    // The seed makes people research about half of what they buy in store with a card.
    expect(first.ropoPurchases).toBeGreaterThan(0);
    expect(first.showroomingPurchases).toBeGreaterThan(0);
    expect(first.ropoRevenueCents).toBeGreaterThan(0);
    expect(first.showroomingRevenueCents).toBeGreaterThan(0);
    expect(first.webPurchases).toBeGreaterThan(first.showroomingPurchases);
    // every store of the seed, and the 53 weeks Monday 17 November 2025 to Monday 16 November 2026 start
    expect(first.byStore.length).toBe((await dump('pos')).stores.length);
    expect(first.byWeek).toHaveLength(53);
    expectBreakdownsAddUp(first);

    await resetStats();
    const second = await service.report(FROM, TO, LOOKBACK_DAYS);
    const catchUp = await legacyCalls();
    expect(second).toEqual(first);
    const { stores } = await dump('pos');
    // Each store's still-open days once (today, and yesterday within the closing grace), and
    // the id sequences' trailing misses: a fraction of the first ingestion.
    expect(catchUp.pos).toBeLessThanOrEqual(2 * stores.length);
    expect(catchUp.eshop).toBeLessThan(initial.eshop / 10);
    expect(catchUp.loyalty).toBe(0);
    // the first report reads a year from the silos
  }, 180_000);

  it('counts with a shorter lookback on the same rows', async () => {
    await resetStats();
    const report = await service.report(FROM, TO, 7);
    expect(report).toEqual(await reference(FROM, TO, 7));
    expectBreakdownsAddUp(report);
  });

  it('gives zeros, no category or store, and every week, for a period without purchases', async () => {
    // after the seed's history ends (SIM_NOW): three weeks from a Sunday, so four ISO weeks
    const from = new Date('2026-11-22T00:00:00Z');
    const to = new Date('2026-12-13T00:00:00Z');
    const report = await service.report(from, to, LOOKBACK_DAYS);
    expect(report).toEqual(await reference(from, to, LOOKBACK_DAYS));
    expect(report).toMatchObject({
      storePurchases: 0,
      webPurchases: 0,
      storeRevenueCents: 0,
      webRevenueCents: 0,
      byCategory: [],
      byStore: [],
    });
    expect(report.byWeek.map((w) => w.weekStart)).toEqual([
      '2026-11-15T23:00:00.000Z',
      '2026-11-22T23:00:00.000Z',
      '2026-11-29T23:00:00.000Z',
      '2026-12-06T23:00:00.000Z',
    ]);
    expect(report.byWeek.every((w) => w.storePurchases + w.webPurchases + w.storeRevenueCents + w.webRevenueCents === 0)).toBe(true);
  });

  it('does not count the receipt the POS writes when it hands a click-and-collect order over', async () => {
    const held = (await dump('pos')).reservations.find((r) => r.status === 'held')!;
    await pos.collectReservation(held.id);
    const handOver = (await dump('pos')).receipts.find((r) => r.ref === held.ref)!;
    expect(handOver.lines.length).toBeGreaterThan(0);
    // the days around the hand-over, written now by the POS's clock
    const from = new Date(Date.now() - 86_400_000);
    const to = new Date(Date.now() + 86_400_000);
    const report = await service.report(from, to, 7);
    expect(report).toEqual(await reference(from, to, 7));
    const receiptLines = (await dump('pos')).receipts
      .filter((r) => Date.parse(parisLocalToIso(r.at)) >= from.getTime() && Date.parse(parisLocalToIso(r.at)) < to.getTime())
      .reduce((n, r) => n + r.lines.length, 0);
    expect(report.storePurchases).toBe(receiptLines - handOver.lines.length);
  });
});

/** The stores' and the weeks' figures add up to the report's. */
function expectBreakdownsAddUp(report: RopoReport): void {
  const sum = <T>(rows: T[], figure: (row: T) => number) => rows.reduce((n, row) => n + figure(row), 0);
  const storeFigures = ['storePurchases', 'ropoPurchases', 'showroomingPurchases', 'storeRevenueCents', 'ropoRevenueCents'] as const;
  for (const figure of storeFigures) expect([figure, sum(report.byStore, (s) => s[figure])]).toEqual([figure, report[figure]]);
  const weekFigures = [...storeFigures, 'webPurchases', 'webRevenueCents', 'showroomingRevenueCents'] as const;
  for (const figure of weekFigures) expect([figure, sum(report.byWeek, (w) => w[figure])]).toEqual([figure, report[figure]]);
}

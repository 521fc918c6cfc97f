// The ROPO report, ingested from the simulators through the legacy clients, against a plain
// computation over everything the simulators hold (/__sim/dump). Who is who follows the
// documented matching rules (domain/identity/match.ts cluster), not the seed's ground truth: two people
// of one household sharing a mailbox are one customer by those rules, and the report counts what
// the rules say.
import { createCatalog } from '../../domain/reference/catalog';
import { normalizeCard } from '../../domain/canonical/card';
import { parisLocalToIso, toInstant } from '../../domain/canonical/time';
import { EshopClient } from '../../adapters/eshop/client';
import { LoyaltyClient } from '../../adapters/loyalty/client';
import { PosClient } from '../../adapters/pos/client';
import { freshDb } from '../databases';
import { cluster } from '../../domain/identity/match';
import { IdentityStore } from '../../domain/identity/store';
import type { World } from '../../legacy/model';
import { createLogger } from '../../platform/logging';
import { personFromEshopAccount } from '../../adapters/eshop/mapping';
import { personFromLoyaltyMember } from '../../adapters/loyalty/mapping';
import { lookbackStartMs, RESEARCH_EVENTS, RopoService, UNKNOWN_CATEGORY, type RopoReport } from '../../domain/journey/ropo';
import { startSimulators, type SimHandle } from '../../legacy';
import { createStoreDirectory } from '../../domain/reference/store-directory';
import { SEED } from './harness';

const TO = new Date(SEED.SIM_NOW);
const FROM = new Date(Date.UTC(TO.getUTCFullYear() - 1, TO.getUTCMonth(), TO.getUTCDate()));
const LOOKBACK_DAYS = 30;

/** The systems the report reads. */
const SILOS = ['pos', 'eshop', 'loyalty'] as const;
type Silo = (typeof SILOS)[number];

let sims: Record<Silo, SimHandle>;
let service: RopoService;

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
  const pos = new PosClient(urls.pos, 3000);
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
  const { products } = eshop;
  const people = cluster([...eshop.accounts.map(personFromEshopAccount), ...loyalty.members.map(personFromLoyaltyMember)]);
  const personOfAccount = (id: string) => people.findIndex((p) => p.some((r) => r.system === 'eshop' && r.externalId === id));
  const personOfCard = (printed: string | null) => {
    const card = normalizeCard(printed);
    return card === null ? -1 : people.findIndex((p) => p.some((r) => r.card === card));
  };
  const inPeriod = (at: string) => Date.parse(at) >= from.getTime() && Date.parse(at) < to.getTime();
  const before = (at: string, candidate: string) =>
    Date.parse(candidate) >= lookbackStartMs(at, lookbackDays) && Date.parse(candidate) < Date.parse(at);

  // a hand-over receipt (with the reservation's ref) is a web purchase, not a store one
  const receipts = pos.receipts
    .filter((r) => r.ref === null)
    .map((r) => ({ ...r, at: parisLocalToIso(r.at), person: personOfCard(r.card) }));
  const events = eshop.events.map((e) => ({ ...e, at: toInstant(e.at), person: personOfAccount(e.account_id) }));
  const rows: { category: string; store: number; ropo: number; showrooming: number }[] = [];
  for (const receipt of receipts.filter((r) => inPeriod(r.at))) {
    for (const line of receipt.lines) {
      const product = products.find((p) => p.ean === line.ean);
      const ropo =
        receipt.person >= 0 &&
        product !== undefined &&
        events.some((e) => e.person === receipt.person && e.sku === product.sku && RESEARCH_EVENTS.has(e.type) && before(receipt.at, e.at));
      rows.push({ category: product?.category ?? UNKNOWN_CATEGORY, store: 1, ropo: ropo ? 1 : 0, showrooming: 0 });
    }
  }
  for (const order of eshop.orders.filter((o) => o.origin === 'web' && inPeriod(toInstant(o.created_at)))) {
    const at = toInstant(order.created_at);
    const person = personOfAccount(order.account_id);
    const showrooming = person >= 0 && receipts.some((r) => r.person === person && before(at, r.at));
    for (const line of order.lines) {
      const category = products.find((p) => p.sku === line.sku)?.category ?? UNKNOWN_CATEGORY;
      rows.push({ category, store: 0, ropo: 0, showrooming: showrooming ? 1 : 0 });
    }
  }
  const counts = (of: typeof rows) => {
    const storePurchases = of.reduce((n, r) => n + r.store, 0);
    const ropoPurchases = of.reduce((n, r) => n + r.ropo, 0);
    const showroomingPurchases = of.reduce((n, r) => n + r.showrooming, 0);
    return { storePurchases, ropoPurchases, ropoRate: storePurchases ? ropoPurchases / storePurchases : 0, showroomingPurchases };
  };
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    lookbackDays,
    ...counts(rows),
    byCategory: categories.map((category) => ({ category, ...counts(rows.filter((r) => r.category === category)) })),
  };
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
  });

  it('counts with a shorter lookback on the same rows', async () => {
    await resetStats();
    const report = await service.report(FROM, TO, 7);
    expect(report).toEqual(await reference(FROM, TO, 7));
  });
});

// The ROPO / showrooming figures, computed on plain data: the rows of a period, each already
// attached to the customer it belongs to. Pure, so the service and the tests compute exactly the
// same thing (definitions: README, "ROPO and showrooming").
import type { Cents, Instant } from '../../types';
import { parisWeekStarts } from '../../canonical/time';
import type { EshopEvent } from '../../../adapters/eshop/wire';
import type { PosReceipt } from '../../../adapters/pos/wire';
import { lookbackStartMs } from './lookback';

/** The browsing events that count as researching a product online. */
export const RESEARCH_EVENTS: ReadonlySet<EshopEvent['type']> = new Set(['product_view', 'availability_check']);

/**
 * A receipt is a store purchase unless the POS wrote it to hand a click-and-collect order over (it
 * carries the reservation's ref): those goods were bought on the web, and count there.
 */
export const isStorePurchase = (receipt: Pick<PosReceipt, 'ref'>) => receipt.ref === null;

/** The category of a purchase whose product the catalogue does not know. */
export const UNKNOWN_CATEGORY = 'unknown';

/** One product line of a store receipt. */
export interface StoreLine {
  receiptId: string;
  at: Instant;
  store: string;
  /** the customer of the loyalty card on the receipt; null without a card, or a card no one holds */
  customerId: string | null;
  /** null when the catalogue has no product with the line's EAN */
  sku: string | null;
  category: string | null;
  /** what was paid for the line (domain/orders/refunds.ts paidByLine) */
  paidCents: Cents;
}

/** One product line of an e-shop order (web, or placed by the call center). */
export interface WebLine {
  orderId: string;
  at: Instant;
  customerId: string | null;
  origin: 'web' | 'phone';
  sku: string;
  category: string | null;
  paidCents: Cents;
}

export interface BrowsingEvent {
  customerId: string;
  type: EshopEvent['type'];
  sku: string;
  at: Instant;
}

export interface RopoInput {
  from: Date;
  to: Date;
  lookbackDays: number;
  /** the period's lines and those of the lookback before it (store visits before a web order count) */
  storeLines: readonly StoreLine[];
  webLines: readonly WebLine[];
  browsing: readonly BrowsingEvent[];
}

export interface RopoCounts {
  storePurchases: number;
  ropoPurchases: number;
  /** ropoPurchases / storePurchases, 0 when there is no store purchase */
  ropoRate: number;
  /** lines of web orders (not phone ones) */
  webPurchases: number;
  showroomingPurchases: number;
  /** showroomingPurchases / webPurchases, 0 when there is no web purchase */
  showroomingRate: number;
  storeRevenueCents: Cents;
  ropoRevenueCents: Cents;
  webRevenueCents: Cents;
  showroomingRevenueCents: Cents;
}

export interface RopoCategoryCounts extends RopoCounts {
  category: string;
}

/** A store's purchases, and the showrooming purchases of the customers whose visit before was there. */
export type RopoStoreCounts = Pick<
  RopoCounts,
  'storePurchases' | 'ropoPurchases' | 'ropoRate' | 'showroomingPurchases' | 'storeRevenueCents' | 'ropoRevenueCents'
> & { storeId: string };

export interface RopoWeekCounts extends RopoCounts {
  /** Monday 00:00, Paris */
  weekStart: Instant;
}

export interface RopoReport extends RopoCounts {
  from: Instant;
  to: Instant;
  lookbackDays: number;
  /** every category with a store or web purchase in the period, by name */
  byCategory: RopoCategoryCounts[];
  /** every store with a store purchase, or a visit a showrooming purchase is counted for, in the period, by id */
  byStore: RopoStoreCounts[];
  /** every ISO week overlapping the period, oldest first, empty ones included */
  byWeek: RopoWeekCounts[];
}

type Tally = Omit<RopoCounts, 'ropoRate' | 'showroomingRate'>;

/** A carded store visit: where a showrooming purchase after it is counted. */
interface Visit {
  ms: number;
  store: string;
}

export function computeRopo(input: RopoInput): RopoReport {
  const { from, to, lookbackDays } = input;
  const inPeriod = (at: Instant) => {
    const ms = Date.parse(at);
    return ms >= from.getTime() && ms < to.getTime();
  };
  const researched = sortedBy(
    input.browsing.filter((e) => RESEARCH_EVENTS.has(e.type)),
    (e) => researchKey(e.customerId, e.sku),
    (e) => ({ ms: Date.parse(e.at) }),
  );
  const visits = sortedBy(
    input.storeLines.filter((l): l is StoreLine & { customerId: string } => l.customerId !== null),
    (l) => l.customerId,
    (l): Visit => ({ ms: Date.parse(l.at), store: l.store }),
  );
  /** The latest of `sorted` in the lookback window before `at`, if any. */
  const latestBefore = <T extends { ms: number }>(sorted: T[] | undefined, at: Instant): T | undefined =>
    sorted && latestIn(sorted, lookbackStartMs(at, lookbackDays), Date.parse(at));

  const weekStarts = parisWeekStarts(from.getTime(), to.getTime());
  const total = emptyTally();
  const byCategory = new Map<string, Tally>();
  const byStore = new Map<string, Tally>();
  const byWeek = weekStarts.map(emptyTally);
  const tallies = (line: { category: string | null; at: Instant }) => [
    total,
    tallyOf(byCategory, line.category ?? UNKNOWN_CATEGORY),
    byWeek[weekOf(weekStarts, Date.parse(line.at))],
  ];

  for (const line of input.storeLines) {
    if (!inPeriod(line.at)) continue;
    const ropo =
      line.customerId !== null &&
      line.sku !== null &&
      latestBefore(researched.get(researchKey(line.customerId, line.sku)), line.at) !== undefined;
    for (const tally of [...tallies(line), tallyOf(byStore, line.store)]) {
      tally.storePurchases += 1;
      tally.storeRevenueCents += line.paidCents;
      if (ropo) {
        tally.ropoPurchases += 1;
        tally.ropoRevenueCents += line.paidCents;
      }
    }
  }
  for (const line of input.webLines) {
    if (line.origin !== 'web' || !inPeriod(line.at)) continue;
    const visit = line.customerId === null ? undefined : latestBefore(visits.get(line.customerId), line.at);
    for (const tally of tallies(line)) {
      tally.webPurchases += 1;
      tally.webRevenueCents += line.paidCents;
      if (visit) addShowrooming(tally, line);
    }
    // counted for the store of the customer's latest visit before the order
    if (visit) addShowrooming(tallyOf(byStore, visit.store), line);
  }

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    lookbackDays,
    ...withRates(total),
    byCategory: byName(byCategory).map(([category, tally]) => ({ category, ...withRates(tally) })),
    byStore: byName(byStore).map(([storeId, tally]) => {
      const { storePurchases, ropoPurchases, ropoRate, showroomingPurchases, storeRevenueCents, ropoRevenueCents } = withRates(tally);
      return { storeId, storePurchases, ropoPurchases, ropoRate, showroomingPurchases, storeRevenueCents, ropoRevenueCents };
    }),
    byWeek: byWeek.map((tally, i) => ({ weekStart: new Date(weekStarts[i]).toISOString(), ...withRates(tally) })),
  };
}

const emptyTally = (): Tally => ({
  storePurchases: 0,
  ropoPurchases: 0,
  webPurchases: 0,
  showroomingPurchases: 0,
  storeRevenueCents: 0,
  ropoRevenueCents: 0,
  webRevenueCents: 0,
  showroomingRevenueCents: 0,
});

const tallyOf = (tallies: Map<string, Tally>, key: string) => tallies.get(key) ?? tallies.set(key, emptyTally()).get(key)!;

function addShowrooming(tally: Tally, line: WebLine): void {
  tally.showroomingPurchases += 1;
  tally.showroomingRevenueCents += line.paidCents;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byName = (tallies: Map<string, Tally>) => [...tallies].sort(([a], [b]) => compareStrings(a, b));

const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

function withRates(tally: Tally): RopoCounts {
  return {
    storePurchases: tally.storePurchases,
    ropoPurchases: tally.ropoPurchases,
    ropoRate: rate(tally.ropoPurchases, tally.storePurchases),
    webPurchases: tally.webPurchases,
    showroomingPurchases: tally.showroomingPurchases,
    showroomingRate: rate(tally.showroomingPurchases, tally.webPurchases),
    storeRevenueCents: tally.storeRevenueCents,
    ropoRevenueCents: tally.ropoRevenueCents,
    webRevenueCents: tally.webRevenueCents,
    showroomingRevenueCents: tally.showroomingRevenueCents,
  };
}

const researchKey = (customerId: string, sku: string) => `${customerId}\u0000${sku}`;

/** The items grouped by key, each group sorted by instant (then by store, so that a tie always resolves alike). */
function sortedBy<T, V extends { ms: number; store?: string }>(
  items: readonly T[],
  key: (item: T) => string,
  value: (item: T) => V,
): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k) ?? groups.set(k, []).get(k)!;
    group.push(value(item));
  }
  for (const group of groups.values()) group.sort((a, b) => a.ms - b.ms || compareStrings(a.store ?? '', b.store ?? ''));
  return groups;
}

/** The index of the last of the sorted `starts` at or before `ms` (the week `ms` falls in). */
function weekOf(starts: number[], ms: number): number {
  return firstAtOrAfter(starts.length, (i) => starts[i], ms + 1) - 1;
}

/** The latest of the `sorted` items in [startMs, endMs), if any. */
function latestIn<T extends { ms: number }>(sorted: T[], startMs: number, endMs: number): T | undefined {
  const next = firstAtOrAfter(sorted.length, (i) => sorted[i].ms, endMs);
  return next > 0 && sorted[next - 1].ms >= startMs ? sorted[next - 1] : undefined;
}

/** The index of the first of `count` values sorted ascending (the i-th is `valueAt(i)`) at or after `target`; `count` if none. */
function firstAtOrAfter(count: number, valueAt: (i: number) => number, target: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (valueAt(mid) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

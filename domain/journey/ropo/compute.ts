// The ROPO / showrooming figures, computed on plain data: the rows of a period, each already
// attached to the customer it belongs to. Pure, so the service and the tests compute exactly the
// same thing (definitions: README, "ROPO and showrooming").
import type { Instant } from '../../types';
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
  /** the customer of the loyalty card on the receipt; null without a card, or a card no one holds */
  customerId: string | null;
  /** null when the catalogue has no product with the line's EAN */
  sku: string | null;
  category: string | null;
}

/** One product line of an e-shop order (web, or placed by the call center). */
export interface WebLine {
  orderId: string;
  at: Instant;
  customerId: string | null;
  origin: 'web' | 'phone';
  sku: string;
  category: string | null;
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
  showroomingPurchases: number;
}

export interface RopoCategoryCounts extends RopoCounts {
  category: string;
}

export interface RopoReport extends RopoCounts {
  from: Instant;
  to: Instant;
  lookbackDays: number;
  /** every category with a store or web purchase in the period, by name */
  byCategory: RopoCategoryCounts[];
}

type Tally = Omit<RopoCounts, 'ropoRate'>;

export function computeRopo(input: RopoInput): RopoReport {
  const { from, to, lookbackDays } = input;
  const inPeriod = (at: Instant) => {
    const ms = Date.parse(at);
    return ms >= from.getTime() && ms < to.getTime();
  };
  const researched = instantsBy(
    input.browsing.filter((e) => RESEARCH_EVENTS.has(e.type)),
    (e) => researchKey(e.customerId, e.sku),
  );
  const visits = instantsBy(
    input.storeLines.filter((l): l is StoreLine & { customerId: string } => l.customerId !== null),
    (l) => l.customerId,
  );
  /** Whether one of `instants` (sorted) falls in the lookback window before `at`. */
  const anyBefore = (instants: number[] | undefined, at: Instant) =>
    instants !== undefined && hasInstantIn(instants, lookbackStartMs(at, lookbackDays), Date.parse(at));

  const total: Tally = emptyTally();
  const byCategory = new Map<string, Tally>();
  const tallies = (category: string | null) => {
    const name = category ?? UNKNOWN_CATEGORY;
    const tally = byCategory.get(name) ?? byCategory.set(name, emptyTally()).get(name)!;
    return [total, tally];
  };

  for (const line of input.storeLines) {
    if (!inPeriod(line.at)) continue;
    const ropo =
      line.customerId !== null && line.sku !== null && anyBefore(researched.get(researchKey(line.customerId, line.sku)), line.at);
    for (const tally of tallies(line.category)) {
      tally.storePurchases += 1;
      if (ropo) tally.ropoPurchases += 1;
    }
  }
  for (const line of input.webLines) {
    if (line.origin !== 'web' || !inPeriod(line.at)) continue;
    const showrooming = line.customerId !== null && anyBefore(visits.get(line.customerId), line.at);
    // A web line with no showrooming still names a category the period has purchases in.
    for (const tally of tallies(line.category)) if (showrooming) tally.showroomingPurchases += 1;
  }

  return {
    from: from.toISOString(),
    to: to.toISOString(),
    lookbackDays,
    ...withRate(total),
    byCategory: [...byCategory]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([category, tally]) => ({ category, ...withRate(tally) })),
  };
}

const emptyTally = (): Tally => ({ storePurchases: 0, ropoPurchases: 0, showroomingPurchases: 0 });

function withRate(tally: Tally): RopoCounts {
  const ropoRate = tally.storePurchases === 0 ? 0 : tally.ropoPurchases / tally.storePurchases;
  return {
    storePurchases: tally.storePurchases,
    ropoPurchases: tally.ropoPurchases,
    ropoRate,
    showroomingPurchases: tally.showroomingPurchases,
  };
}

const researchKey = (customerId: string, sku: string) => `${customerId}\u0000${sku}`;

/** The instants of the items, grouped by key, each group sorted. */
function instantsBy<T extends { at: Instant }>(items: readonly T[], key: (item: T) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k) ?? groups.set(k, []).get(k)!;
    group.push(Date.parse(item.at));
  }
  for (const group of groups.values()) group.sort((a, b) => a - b);
  return groups;
}

/** Whether the sorted `instants` hold one in [startMs, endMs). */
function hasInstantIn(instants: number[], startMs: number, endMs: number): boolean {
  let low = 0;
  let high = instants.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (instants[mid] < startMs) low = mid + 1;
    else high = mid;
  }
  return low < instants.length && instants[low] < endMs;
}

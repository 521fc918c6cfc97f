// The ROPO / showrooming report: catches the ledger up with the legacy systems when it is older
// than its TTL (or does not reach back far enough), then computes on the period's rows.
import type { Catalog } from '../../reference/catalog';
import type { Db } from '../../../platform/db';
import { badInput } from '../../../platform/errors';
import type { Logger } from '../../../platform/logging';
import { computeRopo, type RopoReport } from './compute';
import { customerOfCard } from './customers';
import { Ingestion, type IngestionStats, type RopoSources } from './ingest';
import { RopoLedger } from './ledger';

export interface RopoDeps extends RopoSources {
  catalog: Catalog;
  db: Db;
  logger: Logger;
}

export interface RopoOptions {
  /** a report first catches up with the legacy systems when the last ingestion is older than this */
  ingestTtlMs: number;
  /** POS and e-shop calls in flight during an ingestion; keep it under LEGACY_MAX_IN_FLIGHT */
  concurrency?: number;
  now?: () => Date;
}

const DEFAULT_CONCURRENCY = 16;
/** What ingest() reads when nothing was read before: a year, and a month of lookback before it. */
const DEFAULT_HISTORY_DAYS = 396;
const MAX_LOOKBACK_DAYS = 365;
/**
 * How far back a report may start. The silos keep about two years; every day before `from` is
 * read from them (each store-day of the POS one by one), so an unbounded `from` would be an
 * unbounded ingestion.
 */
const MAX_HISTORY_YEARS = 3;
const DAY_MS = 86_400_000;

export class RopoService {
  private readonly ledger: RopoLedger;
  private readonly ingestion: Ingestion;
  private readonly now: () => Date;
  private running: Promise<IngestionStats> | null = null;

  constructor(
    private readonly deps: RopoDeps,
    private readonly options: RopoOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.ledger = new RopoLedger(deps.db);
    this.ingestion = new Ingestion(deps, this.ledger, { concurrency: options.concurrency ?? DEFAULT_CONCURRENCY, now: this.now });
  }

  async report(from: Date, to: Date, lookbackDays: number): Promise<RopoReport> {
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) throw badInput('from must be before to');
    const earliest = new Date(this.now());
    earliest.setUTCFullYear(earliest.getUTCFullYear() - MAX_HISTORY_YEARS);
    if (from < earliest) throw badInput(`from may be ${MAX_HISTORY_YEARS} years back at most (${earliest.toISOString()})`);
    if (!Number.isInteger(lookbackDays) || lookbackDays < 0 || lookbackDays > MAX_LOOKBACK_DAYS) {
      throw badInput(`lookbackDays is a whole number of days from 0 to ${MAX_LOOKBACK_DAYS}`);
    }
    // The rows a purchase of the period may look back to: a day more than the lookback, for the
    // hour a DST change adds to a window of Paris calendar days.
    const needFrom = new Date(from.getTime() - (lookbackDays + 1) * DAY_MS);
    await this.catchUp(needFrom);

    const catalog = await this.deps.catalog.get();
    const range = { from: needFrom.toISOString(), to: to.toISOString() };
    const { identity } = this.deps;
    const ofCard = memoized((card: string) => customerOfCard(identity, card));
    const ofAccount = memoized((account: string) => identity.customerOf('eshop', account));
    return computeRopo({
      from,
      to,
      lookbackDays,
      storeLines: this.ledger.receiptLines(range).map((line) => {
        const product = catalog.byEan.get(line.ean);
        return {
          receiptId: line.receiptId,
          at: line.at,
          customerId: line.card === null ? null : ofCard(line.card),
          sku: product?.sku ?? null,
          category: product?.category ?? null,
        };
      }),
      webLines: this.ledger.orderLines({ from: from.toISOString(), to: range.to }).map((line) => ({
        orderId: line.orderId,
        at: line.at,
        customerId: ofAccount(line.accountId),
        origin: line.origin,
        sku: line.sku,
        category: catalog.bySku.get(line.sku)?.category ?? null,
      })),
      browsing: this.ledger.researchEvents(range).flatMap((event) => {
        const customerId = ofAccount(event.accountId);
        return customerId === null ? [] : [{ customerId, type: event.type, sku: event.sku, at: event.at }];
      }),
    });
  }

  /** Reads what is new in the legacy systems (from DEFAULT_HISTORY_DAYS back, the first time). */
  async ingest(): Promise<IngestionStats> {
    while (this.running) await this.running.catch(() => undefined);
    const held = this.ledger.state()?.horizon;
    return this.start(held ? new Date(held) : new Date(this.now().getTime() - DEFAULT_HISTORY_DAYS * DAY_MS));
  }

  /**
   * Ingests when the ledger does not reach back to `needFrom`, or is older than the TTL. A ledger
   * that reaches back far enough but cannot be caught up (a system down) still answers, stale.
   * One ingestion at a time: a report arriving during one waits for it, then looks again.
   */
  private async catchUp(needFrom: Date): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    const state = this.ledger.state();
    const covers = state !== null && state.horizon <= needFrom.toISOString();
    const fresh = state !== null && this.now().getTime() - Date.parse(state.finishedAt) < this.options.ingestTtlMs;
    if (covers && fresh) return;
    try {
      await this.start(needFrom);
    } catch (err) {
      if (!covers) throw err;
      this.deps.logger.warn({ err, lastIngestion: state.finishedAt }, 'ROPO ingestion failed: reporting on the data held');
    }
  }

  /** Called with no ingestion running, and without awaiting anything before: two never overlap. */
  private async start(from: Date): Promise<IngestionStats> {
    const run = this.ingestion.run(from);
    this.running = run;
    try {
      const stats = await run;
      this.deps.logger.info({ ropoIngestion: stats }, 'ROPO ingestion done');
      return stats;
    } finally {
      this.running = null;
    }
  }
}

/** One identity look-up per card or account, however many rows carry it. */
function memoized<T>(look: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (!known.has(key)) known.set(key, look(key));
    return known.get(key)!;
  };
}

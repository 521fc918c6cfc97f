// The ROPO / showrooming report: catches the ledger up with the legacy systems when it is older
// than its TTL (or does not reach back far enough), then computes on the period's rows.
import type { CustomerDirectory } from '../../identity/directory';
import type { Catalog } from '../../reference/catalog';
import type { Db } from '../../../platform/db';
import { badInput } from '../../../platform/errors';
import type { Logger } from '../../../platform/logging';
import { computeRopo, type RopoReport } from './compute';
import { Ingestion, type IngestionStats, type RopoSources } from './ingest';
import { RopoLedger, type IngestionState } from './ledger';

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
const INGESTION_LOCK = 'ropo-ingestion';

export class RopoService {
  private readonly ledger: RopoLedger;
  private readonly ingestion: Ingestion;
  private readonly now: () => Date;
  private running: Promise<IngestionStats | null> | null = null;

  private constructor(
    private readonly deps: RopoDeps,
    private readonly options: RopoOptions,
    ledger: RopoLedger,
  ) {
    this.now = options.now ?? (() => new Date());
    this.ledger = ledger;
    this.ingestion = new Ingestion(deps, this.ledger, { concurrency: options.concurrency ?? DEFAULT_CONCURRENCY, now: this.now });
  }

  static async open(deps: RopoDeps, options: RopoOptions): Promise<RopoService> {
    return new RopoService(deps, options, await RopoLedger.open(deps.db));
  }

  /** `identity`: the asking request's own directory (its look-ups batched with its own only); the service's, asked from no request */
  async report(from: Date, to: Date, lookbackDays: number, identity: CustomerDirectory = this.deps.identity): Promise<RopoReport> {
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) throw badInput('from must be before to');
    const earliest = new Date(this.now());
    earliest.setUTCFullYear(earliest.getUTCFullYear() - MAX_HISTORY_YEARS);
    if (from < earliest) throw badInput(`from may be ${MAX_HISTORY_YEARS} years back at most (${earliest.toISOString()})`);
    // a bound on the weeks of byWeek, which a far `to` would otherwise make endless
    const latest = new Date(from);
    latest.setUTCFullYear(latest.getUTCFullYear() + MAX_HISTORY_YEARS);
    if (to > latest) throw badInput(`the period may be ${MAX_HISTORY_YEARS} years long at most`);
    if (!Number.isInteger(lookbackDays) || lookbackDays < 0 || lookbackDays > MAX_LOOKBACK_DAYS) {
      throw badInput(`lookbackDays is a whole number of days from 0 to ${MAX_LOOKBACK_DAYS}`);
    }
    // The rows a purchase of the period may look back to: a day more than the lookback, for the
    // hour a DST change adds to a window of Paris calendar days.
    const needFrom = new Date(from.getTime() - (lookbackDays + 1) * DAY_MS);
    await this.catchUp(needFrom);

    const catalog = await this.deps.catalog.get();
    const range = { from: needFrom.toISOString(), to: to.toISOString() };
    const [receiptLines, orderLines, events] = await Promise.all([
      this.ledger.receiptLines(range),
      this.ledger.orderLines({ from: from.toISOString(), to: range.to }),
      this.ledger.researchEvents(range),
    ]);
    const ofCard = await lookUpEach(
      receiptLines.map((line) => line.card),
      (card) => identity.customerOfCard(card),
    );
    const ofAccount = await lookUpEach(
      [...orderLines, ...events].map((row) => row.accountId),
      (account) => identity.customerOf('eshop', account),
    );
    return computeRopo({
      from,
      to,
      lookbackDays,
      storeLines: receiptLines.map((line) => {
        const product = catalog.byEan.get(line.ean);
        return {
          receiptId: line.receiptId,
          at: line.at,
          store: line.store,
          customerId: line.card === null ? null : ofCard.get(line.card)!,
          sku: product?.sku ?? null,
          category: product?.category ?? null,
          paidCents: line.paidCents,
        };
      }),
      webLines: orderLines.map((line) => ({
        orderId: line.orderId,
        at: line.at,
        customerId: ofAccount.get(line.accountId)!,
        origin: line.origin,
        sku: line.sku,
        category: catalog.bySku.get(line.sku)?.category ?? null,
        paidCents: line.paidCents,
      })),
      browsing: events.flatMap((event) => {
        const customerId = ofAccount.get(event.accountId)!;
        return customerId === null ? [] : [{ customerId, type: event.type, sku: event.sku, at: event.at }];
      }),
    });
  }

  /** Reads what is new in the legacy systems (from DEFAULT_HISTORY_DAYS back, the first time). */
  async ingest(): Promise<IngestionStats> {
    const held = (await this.idleState())?.horizon;
    // always needed: never skipped
    return (await this.start(held ? new Date(held) : new Date(this.now().getTime() - DEFAULT_HISTORY_DAYS * DAY_MS)))!;
  }

  /**
   * Ingests when the ledger does not reach back to `needFrom`, or is older than the TTL. A ledger
   * that reaches back far enough but cannot be caught up (a system down) still answers, stale.
   * One ingestion at a time, on every replica: a report arriving during one waits for it, then
   * looks again.
   */
  private async catchUp(needFrom: Date): Promise<void> {
    const covers = (state: IngestionState | null): state is IngestionState => state !== null && state.horizon <= needFrom.toISOString();
    const fresh = (state: IngestionState) => this.now().getTime() - Date.parse(state.finishedAt) < this.options.ingestTtlMs;
    const stale = (state: IngestionState | null) => !covers(state) || !fresh(state);
    const state = await this.idleState();
    if (!stale(state)) return;
    try {
      await this.start(needFrom, stale);
    } catch (err) {
      if (!covers(state)) throw err;
      this.deps.logger.warn({ err, lastIngestion: state.finishedAt }, 'ROPO ingestion failed: reporting on the data held');
    }
  }

  /** The ledger's state once no ingestion runs in this process; a caller may start one before awaiting anything else. */
  private async idleState(): Promise<IngestionState | null> {
    for (;;) {
      while (this.running) await this.running.catch(() => undefined);
      const state = await this.ledger.state();
      // another report may have started one while the state was read
      if (!this.running) return state;
    }
  }

  /**
   * Called with no ingestion running in this process, and without awaiting anything before: two
   * never overlap. Another replica's is waited for under the database's lock; the ledger is then
   * looked at again, and not read anew when that one left it as `needed` wants it.
   */
  private async start(from: Date, needed: (state: IngestionState | null) => boolean = () => true): Promise<IngestionStats | null> {
    const run = this.deps.db.exclusively(INGESTION_LOCK, async () => (needed(await this.ledger.state()) ? this.ingestion.run(from) : null));
    this.running = run;
    try {
      const stats = await run;
      if (stats) this.deps.logger.info({ ropoIngestion: stats }, 'ROPO ingestion done');
      return stats;
    } finally {
      this.running = null;
    }
  }
}

/** One identity look-up per card or account, however many rows carry it. */
async function lookUpEach(
  keys: readonly (string | null)[],
  look: (key: string) => Promise<string | null>,
): Promise<Map<string, string | null>> {
  const distinct = [...new Set(keys)].filter((key): key is string => key !== null);
  const found = await Promise.all(distinct.map(look));
  return new Map(distinct.map((key, i) => [key, found[i]]));
}

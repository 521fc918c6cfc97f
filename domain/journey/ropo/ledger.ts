// What ingestion has copied out of the legacy systems, in the embedded SQLite: receipt lines, web
// order lines and browsing events, and the cursors that say what has been read already, so that
// the next ingestion asks only for what is new.
import { migrate, type Db } from '../../../platform/db';
import type { Instant } from '../../types';
import type { EshopEvent } from '../../../adapters/eshop/wire';
import { RESEARCH_EVENTS } from './compute';

// Applied in order, each once (platform/db migrate): append, never edit.
const MIGRATIONS = [
  `CREATE TABLE ropo_receipt_lines (
     receipt_id TEXT NOT NULL,
     line INTEGER NOT NULL,
     store TEXT NOT NULL,
     at TEXT NOT NULL, -- Instant (the POS's Paris time converted)
     card TEXT, -- 16 digits
     ean TEXT NOT NULL,
     qty INTEGER NOT NULL,
     PRIMARY KEY (receipt_id, line)
   ) WITHOUT ROWID;
   CREATE INDEX ropo_receipt_lines_at ON ropo_receipt_lines(at);
   CREATE TABLE ropo_order_lines (
     order_id TEXT NOT NULL,
     line INTEGER NOT NULL,
     account_id TEXT NOT NULL,
     at TEXT NOT NULL,
     origin TEXT NOT NULL,
     sku TEXT NOT NULL,
     qty INTEGER NOT NULL,
     PRIMARY KEY (order_id, line)
   ) WITHOUT ROWID;
   CREATE INDEX ropo_order_lines_at ON ropo_order_lines(at);
   -- product events only; the same account, instant, type and product is one event
   CREATE TABLE ropo_events (
     account_id TEXT NOT NULL,
     at TEXT NOT NULL,
     type TEXT NOT NULL,
     sku TEXT NOT NULL,
     PRIMARY KEY (account_id, at, type, sku)
   ) WITHOUT ROWID;
   CREATE INDEX ropo_events_at ON ropo_events(at);

   -- cursors: a store-day is read from receipt last_seq + 1 until it is closed (over when it was read)
   CREATE TABLE ropo_store_days (
     store TEXT NOT NULL,
     day TEXT NOT NULL, -- Paris calendar day, YYYY-MM-DD
     last_seq INTEGER NOT NULL,
     closed INTEGER NOT NULL,
     PRIMARY KEY (store, day)
   ) WITHOUT ROWID;
   CREATE TABLE ropo_order_years (
     year INTEGER PRIMARY KEY,
     last_seq INTEGER NOT NULL,
     closed INTEGER NOT NULL
   );
   CREATE TABLE ropo_accounts (
     id TEXT PRIMARY KEY,
     number INTEGER NOT NULL,
     events_from TEXT, -- the events are held from this instant on
     events_last_at TEXT, -- the newest event held
     events_polled_at TEXT -- when they were last asked for
   );
   CREATE INDEX ropo_accounts_number ON ropo_accounts(number);
   CREATE TABLE ropo_cards (
     card TEXT PRIMARY KEY,
     member_fetched INTEGER NOT NULL DEFAULT 0,
     last_receipt_at TEXT -- null: seen on an e-shop account only
   ) WITHOUT ROWID;
   CREATE TABLE ropo_ingestion (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     horizon TEXT NOT NULL, -- everything from this instant on has been read
     finished_at TEXT NOT NULL
   );`,
];

export interface ReceiptLineRow {
  receiptId: string;
  line: number;
  store: string;
  at: Instant;
  card: string | null;
  ean: string;
  qty: number;
}

export interface OrderLineRow {
  orderId: string;
  line: number;
  accountId: string;
  at: Instant;
  origin: 'web' | 'phone';
  sku: string;
  qty: number;
}

export interface EventRow {
  accountId: string;
  at: Instant;
  type: EshopEvent['type'];
  sku: string;
}

export interface StoreDayCursor {
  lastSeq: number;
  closed: boolean;
}

export interface OrderYearCursor {
  lastSeq: number;
  closed: boolean;
}

export interface AccountCursor {
  id: string;
  eventsFrom: Instant | null;
  eventsLastAt: Instant | null;
  eventsPolledAt: Instant | null;
}

export interface IngestionState {
  horizon: Instant;
  finishedAt: Instant;
}

type Range = { from: Instant; to: Instant };

function prepareStatements(db: Db) {
  return {
    insertReceiptLine: db.prepare<ReceiptLineRow>(
      `INSERT OR IGNORE INTO ropo_receipt_lines (receipt_id, line, store, at, card, ean, qty)
       VALUES (@receiptId, @line, @store, @at, @card, @ean, @qty)`,
    ),
    cardOnReceipt: db.prepare<{ card: string; at: Instant }>(
      `INSERT INTO ropo_cards (card, last_receipt_at) VALUES (@card, @at)
       ON CONFLICT (card) DO UPDATE SET last_receipt_at = max(coalesce(last_receipt_at, ''), excluded.last_receipt_at)`,
    ),
    cardOnAccount: db.prepare<[string]>('INSERT OR IGNORE INTO ropo_cards (card) VALUES (?)'),
    storeDays: db.prepare<[string], { day: string; last_seq: number; closed: number }>(
      'SELECT day, last_seq, closed FROM ropo_store_days WHERE store = ?',
    ),
    saveStoreDay: db.prepare<{ store: string; day: string; lastSeq: number; closed: number }>(
      `INSERT INTO ropo_store_days (store, day, last_seq, closed) VALUES (@store, @day, @lastSeq, @closed)
       ON CONFLICT (store, day) DO UPDATE SET last_seq = excluded.last_seq, closed = excluded.closed`,
    ),
    insertOrderLine: db.prepare<OrderLineRow>(
      `INSERT OR IGNORE INTO ropo_order_lines (order_id, line, account_id, at, origin, sku, qty)
       VALUES (@orderId, @line, @accountId, @at, @origin, @sku, @qty)`,
    ),
    orderYear: db.prepare<[number], { last_seq: number; closed: number }>('SELECT last_seq, closed FROM ropo_order_years WHERE year = ?'),
    saveOrderYear: db.prepare<{ year: number; lastSeq: number; closed: number }>(
      `INSERT INTO ropo_order_years (year, last_seq, closed) VALUES (@year, @lastSeq, @closed)
       ON CONFLICT (year) DO UPDATE SET last_seq = excluded.last_seq, closed = excluded.closed`,
    ),
    insertAccount: db.prepare<{ id: string; number: number }>('INSERT OR IGNORE INTO ropo_accounts (id, number) VALUES (@id, @number)'),
    lastAccountNumber: db.prepare<[], number | null>('SELECT max(number) FROM ropo_accounts').pluck(),
    accountCursor: db.prepare<[string], AccountCursor>(
      `SELECT id, events_from AS eventsFrom, events_last_at AS eventsLastAt, events_polled_at AS eventsPolledAt
       FROM ropo_accounts WHERE id = ?`,
    ),
    saveEventCursor: db.prepare<{ id: string; from: Instant; lastAt: Instant | null; polledAt: Instant }>(
      `UPDATE ropo_accounts SET events_from = @from, events_last_at = @lastAt, events_polled_at = @polledAt WHERE id = @id`,
    ),
    insertEvent: db.prepare<EventRow>(
      'INSERT OR IGNORE INTO ropo_events (account_id, at, type, sku) VALUES (@accountId, @at, @type, @sku)',
    ),
    cardsWithoutMember: db.prepare<[], string>('SELECT card FROM ropo_cards WHERE member_fetched = 0 ORDER BY card').pluck(),
    memberFetched: db.prepare<[string]>('UPDATE ropo_cards SET member_fetched = 1 WHERE card = ?'),
    receiptCards: db.prepare<[], { card: string; lastReceiptAt: Instant }>(
      'SELECT card, last_receipt_at AS lastReceiptAt FROM ropo_cards WHERE last_receipt_at IS NOT NULL',
    ),
    state: db.prepare<[], IngestionState>('SELECT horizon, finished_at AS finishedAt FROM ropo_ingestion WHERE id = 1'),
    saveState: db.prepare<IngestionState>(
      `INSERT INTO ropo_ingestion (id, horizon, finished_at) VALUES (1, @horizon, @finishedAt)
       ON CONFLICT (id) DO UPDATE SET horizon = excluded.horizon, finished_at = excluded.finished_at`,
    ),
    receiptLines: db.prepare<Range, ReceiptLineRow>(
      `SELECT receipt_id AS receiptId, line, store, at, card, ean, qty
       FROM ropo_receipt_lines WHERE at >= @from AND at < @to`,
    ),
    orderLines: db.prepare<Range, OrderLineRow>(
      `SELECT order_id AS orderId, line, account_id AS accountId, at, origin, sku, qty
       FROM ropo_order_lines WHERE at >= @from AND at < @to`,
    ),
    events: db.prepare<Range & { types: string }, EventRow>(
      `SELECT account_id AS accountId, at, type, sku FROM ropo_events
       WHERE at >= @from AND at < @to AND type IN (SELECT value FROM json_each(@types))`,
    ),
  };
}

export class RopoLedger {
  private readonly sql: ReturnType<typeof prepareStatements>;

  constructor(private readonly db: Db) {
    migrate(db, 'ropo', MIGRATIONS);
    this.sql = prepareStatements(db);
  }

  storeDays(store: string): Map<string, StoreDayCursor> {
    return new Map(this.sql.storeDays.all(store).map((r) => [r.day, { lastSeq: r.last_seq, closed: r.closed === 1 }]));
  }

  /** A store-day's receipts read so far, and its cursor, in one transaction. */
  saveStoreDay(store: string, day: string, lines: readonly ReceiptLineRow[], cursor: StoreDayCursor): void {
    this.db.transaction(() => {
      for (const line of lines) {
        this.sql.insertReceiptLine.run(line);
        if (line.card) this.sql.cardOnReceipt.run({ card: line.card, at: line.at });
      }
      this.sql.saveStoreDay.run({ store, day, lastSeq: cursor.lastSeq, closed: cursor.closed ? 1 : 0 });
    })();
  }

  orderYear(year: number): OrderYearCursor | null {
    const row = this.sql.orderYear.get(year);
    return row ? { lastSeq: row.last_seq, closed: row.closed === 1 } : null;
  }

  saveOrders(year: number, lines: readonly OrderLineRow[], cursor: OrderYearCursor): void {
    this.db.transaction(() => {
      for (const line of lines) this.sql.insertOrderLine.run(line);
      this.sql.saveOrderYear.run({ year, lastSeq: cursor.lastSeq, closed: cursor.closed ? 1 : 0 });
    })();
  }

  lastAccountNumber(): number | null {
    return this.sql.lastAccountNumber.get() ?? null;
  }

  saveAccounts(accounts: readonly { id: string; number: number; card: string | null }[]): void {
    this.db.transaction(() => {
      for (const { id, number, card } of accounts) {
        this.sql.insertAccount.run({ id, number });
        if (card) this.sql.cardOnAccount.run(card);
      }
    })();
  }

  accountCursor(accountId: string): AccountCursor | null {
    return this.sql.accountCursor.get(accountId) ?? null;
  }

  saveEvents(events: readonly EventRow[], cursor: { id: string; from: Instant; lastAt: Instant | null; polledAt: Instant }): void {
    this.db.transaction(() => {
      for (const event of events) this.sql.insertEvent.run(event);
      this.sql.saveEventCursor.run(cursor);
    })();
  }

  cardsWithoutMember(): string[] {
    return this.sql.cardsWithoutMember.all();
  }

  markMembersFetched(cards: readonly string[]): void {
    this.db.transaction(() => cards.forEach((card) => this.sql.memberFetched.run(card)))();
  }

  /** Cards seen on a receipt, with the time of the newest one. */
  receiptCards(): { card: string; lastReceiptAt: Instant }[] {
    return this.sql.receiptCards.all();
  }

  state(): IngestionState | null {
    return this.sql.state.get() ?? null;
  }

  saveState(state: IngestionState): void {
    this.sql.saveState.run(state);
  }

  receiptLines(range: Range): ReceiptLineRow[] {
    return this.sql.receiptLines.all(range);
  }

  orderLines(range: Range): OrderLineRow[] {
    return this.sql.orderLines.all(range);
  }

  /** The events that count as research (RESEARCH_EVENTS), in the range. */
  researchEvents(range: Range): EventRow[] {
    return this.sql.events.all({ ...range, types: JSON.stringify([...RESEARCH_EVENTS]) });
  }
}

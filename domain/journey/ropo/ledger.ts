// What ingestion has copied out of the legacy systems, in the database: receipt lines, web
// order lines and browsing events, and the cursors that say what has been read already, so that
// the next ingestion asks only for what is new.
import { migrate, type Db } from '../../../platform/db';
import type { Cents, Instant } from '../../types';
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
   );
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
   );
   CREATE INDEX ropo_order_lines_at ON ropo_order_lines(at);
   -- product events only; the same account, instant, type and product is one event
   CREATE TABLE ropo_events (
     account_id TEXT NOT NULL,
     at TEXT NOT NULL,
     type TEXT NOT NULL,
     sku TEXT NOT NULL,
     PRIMARY KEY (account_id, at, type, sku)
   );
   CREATE INDEX ropo_events_at ON ropo_events(at);

   -- cursors: a store-day is read from receipt last_seq + 1 until it is closed (over when it was read)
   CREATE TABLE ropo_store_days (
     store TEXT NOT NULL,
     day TEXT NOT NULL, -- Paris calendar day, YYYY-MM-DD
     last_seq INTEGER NOT NULL,
     closed INTEGER NOT NULL,
     PRIMARY KEY (store, day)
   );
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
   );
   CREATE TABLE ropo_ingestion (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     horizon TEXT NOT NULL, -- everything from this instant on has been read
     finished_at TEXT NOT NULL
   );`,
  // What was paid for each line (revenue): the lines read before did not keep it, so they, and the
  // cursors that say they were read, go; the next report reads them again.
  `TRUNCATE ropo_receipt_lines, ropo_order_lines, ropo_store_days, ropo_order_years, ropo_ingestion;
   ALTER TABLE ropo_receipt_lines ADD COLUMN paid_cents INTEGER NOT NULL;
   ALTER TABLE ropo_order_lines ADD COLUMN paid_cents INTEGER NOT NULL;`,
];

export interface ReceiptLineRow {
  receiptId: string;
  line: number;
  store: string;
  at: Instant;
  card: string | null;
  ean: string;
  qty: number;
  /** what was paid for the line (domain/orders/refunds.ts paidByLine) */
  paidCents: Cents;
}

export interface OrderLineRow {
  orderId: string;
  line: number;
  accountId: string;
  at: Instant;
  origin: 'web' | 'phone';
  sku: string;
  qty: number;
  paidCents: Cents;
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

// Rows go in by the batch, one statement per table (unnest: one array per column); rows already there stay.
const column = <T, K extends keyof T>(rows: readonly T[], key: K) => rows.map((row) => row[key]);
const INSERT_RECEIPT_LINES = `INSERT INTO ropo_receipt_lines (receipt_id, line, store, at, card, ean, qty, paid_cents)
  SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[]) ON CONFLICT DO NOTHING`;
// A card on several lines of the batch is written once, with its newest. Cards are written in their
// order, in every statement that writes some: store-days saved at once share cards, and two of them
// writing two cards in opposite orders would wait for each other (a deadlock).
const CARDS_ON_RECEIPTS = `INSERT INTO ropo_cards (card, last_receipt_at)
  SELECT card, max(at) FROM unnest($1::text[], $2::text[]) AS line(card, at) WHERE card IS NOT NULL GROUP BY card ORDER BY card
  ON CONFLICT (card) DO UPDATE SET last_receipt_at = greatest(ropo_cards.last_receipt_at, excluded.last_receipt_at)`;
const INSERT_ORDER_LINES = `INSERT INTO ropo_order_lines (order_id, line, account_id, at, origin, sku, qty, paid_cents)
  SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[]) ON CONFLICT DO NOTHING`;
const INSERT_EVENTS = `INSERT INTO ropo_events (account_id, at, type, sku)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`;

export class RopoLedger {
  private constructor(private readonly db: Db) {}

  static async open(db: Db): Promise<RopoLedger> {
    await migrate(db, 'ropo', MIGRATIONS);
    return new RopoLedger(db);
  }

  async storeDays(store: string): Promise<Map<string, StoreDayCursor>> {
    const rows = await this.db.rows<{ day: string; last_seq: number; closed: number }>(
      'SELECT day, last_seq, closed FROM ropo_store_days WHERE store = $1',
      [store],
    );
    return new Map(rows.map((r) => [r.day, { lastSeq: r.last_seq, closed: r.closed === 1 }]));
  }

  /** A store-day's receipts read so far, and its cursor, in one transaction. */
  saveStoreDay(store: string, day: string, lines: readonly ReceiptLineRow[], cursor: StoreDayCursor): Promise<void> {
    return this.db.transaction(async (tx) => {
      const [cards, ats] = [column(lines, 'card'), column(lines, 'at')];
      await tx.run(INSERT_RECEIPT_LINES, [
        column(lines, 'receiptId'),
        column(lines, 'line'),
        column(lines, 'store'),
        ats,
        cards,
        column(lines, 'ean'),
        column(lines, 'qty'),
        column(lines, 'paidCents'),
      ]);
      await tx.run(CARDS_ON_RECEIPTS, [cards, ats]);
      await tx.run(
        `INSERT INTO ropo_store_days (store, day, last_seq, closed) VALUES ($1, $2, $3, $4)
         ON CONFLICT (store, day) DO UPDATE SET last_seq = excluded.last_seq, closed = excluded.closed`,
        [store, day, cursor.lastSeq, cursor.closed ? 1 : 0],
      );
    });
  }

  async orderYear(year: number): Promise<OrderYearCursor | null> {
    const row = await this.db.row<{ last_seq: number; closed: number }>('SELECT last_seq, closed FROM ropo_order_years WHERE year = $1', [
      year,
    ]);
    return row ? { lastSeq: row.last_seq, closed: row.closed === 1 } : null;
  }

  saveOrders(year: number, lines: readonly OrderLineRow[], cursor: OrderYearCursor): Promise<void> {
    return this.db.transaction(async (tx) => {
      await tx.run(INSERT_ORDER_LINES, [
        column(lines, 'orderId'),
        column(lines, 'line'),
        column(lines, 'accountId'),
        column(lines, 'at'),
        column(lines, 'origin'),
        column(lines, 'sku'),
        column(lines, 'qty'),
        column(lines, 'paidCents'),
      ]);
      await tx.run(
        `INSERT INTO ropo_order_years (year, last_seq, closed) VALUES ($1, $2, $3)
         ON CONFLICT (year) DO UPDATE SET last_seq = excluded.last_seq, closed = excluded.closed`,
        [year, cursor.lastSeq, cursor.closed ? 1 : 0],
      );
    });
  }

  async lastAccountNumber(): Promise<number | null> {
    return (await this.db.row<{ last: number | null }>('SELECT max(number) AS last FROM ropo_accounts'))?.last ?? null;
  }

  saveAccounts(accounts: readonly { id: string; number: number; card: string | null }[]): Promise<void> {
    return this.db.transaction(async (tx) => {
      await tx.run('INSERT INTO ropo_accounts (id, number) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT DO NOTHING', [
        column(accounts, 'id'),
        column(accounts, 'number'),
      ]);
      await tx.run(
        'INSERT INTO ropo_cards (card) SELECT DISTINCT c FROM unnest($1::text[]) AS c WHERE c IS NOT NULL ORDER BY c ON CONFLICT DO NOTHING',
        [column(accounts, 'card')],
      );
    });
  }

  async accountCursor(accountId: string): Promise<AccountCursor | null> {
    const row = await this.db.row<AccountCursor>(
      `SELECT id, events_from AS "eventsFrom", events_last_at AS "eventsLastAt", events_polled_at AS "eventsPolledAt"
       FROM ropo_accounts WHERE id = $1`,
      [accountId],
    );
    return row ?? null;
  }

  saveEvents(events: readonly EventRow[], cursor: { id: string; from: Instant; lastAt: Instant | null; polledAt: Instant }): Promise<void> {
    return this.db.transaction(async (tx) => {
      await tx.run(INSERT_EVENTS, [column(events, 'accountId'), column(events, 'at'), column(events, 'type'), column(events, 'sku')]);
      await tx.run('UPDATE ropo_accounts SET events_from = $1, events_last_at = $2, events_polled_at = $3 WHERE id = $4', [
        cursor.from,
        cursor.lastAt,
        cursor.polledAt,
        cursor.id,
      ]);
    });
  }

  async cardsWithoutMember(): Promise<string[]> {
    const rows = await this.db.rows<{ card: string }>('SELECT card FROM ropo_cards WHERE member_fetched = 0 ORDER BY card');
    return rows.map((r) => r.card);
  }

  async markMembersFetched(cards: readonly string[]): Promise<void> {
    await this.db.run('UPDATE ropo_cards SET member_fetched = 1 WHERE card = ANY($1)', [cards]);
  }

  /** Cards seen on a receipt, with the time of the newest one. */
  receiptCards(): Promise<{ card: string; lastReceiptAt: Instant }[]> {
    return this.db.rows('SELECT card, last_receipt_at AS "lastReceiptAt" FROM ropo_cards WHERE last_receipt_at IS NOT NULL');
  }

  async state(): Promise<IngestionState | null> {
    return (await this.db.row<IngestionState>('SELECT horizon, finished_at AS "finishedAt" FROM ropo_ingestion WHERE id = 1')) ?? null;
  }

  async saveState(state: IngestionState): Promise<void> {
    await this.db.run(
      `INSERT INTO ropo_ingestion (id, horizon, finished_at) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET horizon = excluded.horizon, finished_at = excluded.finished_at`,
      [state.horizon, state.finishedAt],
    );
  }

  receiptLines(range: Range): Promise<ReceiptLineRow[]> {
    return this.db.rows(
      `SELECT receipt_id AS "receiptId", line, store, at, card, ean, qty, paid_cents AS "paidCents"
       FROM ropo_receipt_lines WHERE at >= $1 AND at < $2`,
      [range.from, range.to],
    );
  }

  orderLines(range: Range): Promise<OrderLineRow[]> {
    return this.db.rows(
      `SELECT order_id AS "orderId", line, account_id AS "accountId", at, origin, sku, qty, paid_cents AS "paidCents"
       FROM ropo_order_lines WHERE at >= $1 AND at < $2`,
      [range.from, range.to],
    );
  }

  /** The events that count as research (RESEARCH_EVENTS), in the range. */
  researchEvents(range: Range): Promise<EventRow[]> {
    return this.db.rows(
      `SELECT account_id AS "accountId", at, type, sku FROM ropo_events
       WHERE at >= $1 AND at < $2 AND type = ANY($3)`,
      [range.from, range.to, [...RESEARCH_EVENTS]],
    );
  }
}

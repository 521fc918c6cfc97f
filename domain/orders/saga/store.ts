// What the order sagas write down before and after each legacy step, so that a crash, a retry or
// a second request with the same idempotency key never does a step twice and never forgets one
// to undo. One row per operation (its idempotency key), one per step.
import { migrate, type Db } from '../../../platform/db';
import type { Address } from '../../types';

export type OperationStatus =
  | 'running' // steps in progress (or interrupted by a crash)
  | 'succeeded'
  | 'finishing' // past the point of no return: remaining steps are retried forward
  | 'compensating' // failed: done steps being undone (some undo may be waiting for a retry)
  | 'failed' // failed and fully undone (or nothing was done)
  | 'parked'; // a step (or its undo) refused for good too often: left as it is for an operator

export type StepStatus = 'started' | 'done' | 'compensated';

export interface Operation {
  key: string;
  kind: string;
  inputHash: string;
  status: OperationStatus;
  state: Record<string, unknown>;
  result: unknown;
  error: StoredError | null;
  attempts: number;
  updatedAt: string;
}

/** A parked operation: what it is, which step was refused, and why. */
export interface ParkedOperation {
  key: string;
  kind: string;
  /** the order it was working on, when it knew it */
  orderId: string | null;
  step: string;
  reason: StoredError;
  refusals: number;
  parkedAt: string;
}

export interface StoredError {
  code: string;
  message: string;
  extensions: Record<string, unknown>;
}

export interface StepRecord {
  seq: number;
  name: string;
  status: StepStatus;
  startedAt: string;
}

const MIGRATIONS = [
  `CREATE TABLE operations (
     key TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     input_hash TEXT NOT NULL,
     status TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT '{}',
     result TEXT,
     error TEXT,
     attempts INTEGER NOT NULL DEFAULT 1,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX operations_status ON operations(status);
   CREATE TABLE operation_steps (
     key TEXT NOT NULL REFERENCES operations(key),
     seq INTEGER NOT NULL,
     name TEXT NOT NULL,
     status TEXT NOT NULL,
     started_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (key, seq)
   );
   CREATE TABLE order_facts (
     order_id TEXT PRIMARY KEY,
     reservation_id TEXT,
     pickup_store TEXT,
     collected_at TEXT,
     ordered_units INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE order_returns (
     key TEXT PRIMARY KEY, -- the return's idempotency key: recorded once however often it runs
     order_id TEXT NOT NULL,
     units INTEGER NOT NULL
   );
   CREATE INDEX order_returns_order ON order_returns(order_id);`,
  `ALTER TABLE order_returns ADD COLUMN store_id TEXT;
   ALTER TABLE order_returns ADD COLUMN returned_at TEXT;`,
  `ALTER TABLE order_facts ADD COLUMN delivery_address TEXT; -- JSON: a store sale shipped home (the POS keeps no address)
   ALTER TABLE order_facts ADD COLUMN voided_at TEXT; -- a store sale its own saga undid
   ALTER TABLE order_returns ADD COLUMN lines TEXT; -- JSON [{sku, quantity}]`,
  `ALTER TABLE order_facts ADD COLUMN priced TEXT; -- JSON: a store sale's list prices, discount and codes (the POS keeps the net prices only)
   ALTER TABLE order_returns ADD COLUMN refund_cents INTEGER; -- what the return refunded`,
  `ALTER TABLE operations ADD COLUMN refusals INTEGER NOT NULL DEFAULT 0; -- times a retried step (or undo) was refused for good
   ALTER TABLE operations ADD COLUMN refused_step TEXT; -- which one
   ALTER TABLE operations ADD COLUMN refusal TEXT; -- JSON StoredError: the last refusal`,
];

interface OperationRow {
  key: string;
  kind: string;
  input_hash: string;
  status: OperationStatus;
  state: string;
  result: string | null;
  error: string | null;
  attempts: number;
  updated_at: string;
}

const fromRow = (r: OperationRow): Operation => ({
  key: r.key,
  kind: r.kind,
  inputHash: r.input_hash,
  status: r.status,
  state: JSON.parse(r.state),
  result: r.result === null ? null : JSON.parse(r.result),
  error: r.error === null ? null : JSON.parse(r.error),
  attempts: r.attempts,
  updatedAt: r.updated_at,
});

/** What the project knows of an order beyond what its legacy systems say. */
export interface OrderFacts {
  orderId: string;
  reservationId: string | null;
  pickupStore: string | null;
  collectedAt: string | null;
  returnedUnits: number;
  orderedUnits: number;
  /** where a store sale is shipped: the POS takes the order to deliver, not the address */
  deliveryAddress: Address | null;
  /** a store sale undone (returned) by the saga that made it: the customer was told it failed */
  voidedAt: string | null;
  /** a store sale's pricing, which its receipt cannot carry (a POS sale takes net unit prices only) */
  priced: PricedSale | null;
}

export interface PricedSale {
  /** at list prices */
  lines: { sku: string; quantity: number; unitCents: number }[];
  discountCents: number;
  promoCodes: string[];
}

const now = () => new Date().toISOString();

export class SagaStore {
  constructor(private readonly db: Db) {
    migrate(db, 'sagas', MIGRATIONS);
  }

  get(key: string): Operation | null {
    const row = this.db.prepare('SELECT * FROM operations WHERE key = ?').get(key) as OperationRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Creates the operation unless the key exists; answers the one stored either way. */
  begin(key: string, kind: string, inputHash: string, state: Record<string, unknown>): { operation: Operation; created: boolean } {
    const at = now();
    const inserted = this.db
      .prepare(
        `INSERT INTO operations (key, kind, input_hash, status, state, created_at, updated_at)
         VALUES (?, ?, ?, 'running', ?, ?, ?) ON CONFLICT(key) DO NOTHING`,
      )
      .run(key, kind, inputHash, JSON.stringify(state), at, at);
    return { operation: this.get(key)!, created: inserted.changes === 1 };
  }

  /** A new attempt of an operation that failed and left nothing behind. */
  restart(key: string, state: Record<string, unknown>): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM operation_steps WHERE key = ?').run(key);
      this.db
        .prepare(
          `UPDATE operations SET status = 'running', state = ?, result = NULL, error = NULL, attempts = attempts + 1, updated_at = ? WHERE key = ?`,
        )
        .run(JSON.stringify(state), now(), key);
    })();
  }

  steps(key: string): StepRecord[] {
    return (
      this.db.prepare('SELECT seq, name, status, started_at FROM operation_steps WHERE key = ? ORDER BY seq').all(key) as {
        seq: number;
        name: string;
        status: StepStatus;
        started_at: string;
      }[]
    ).map((r) => ({ seq: r.seq, name: r.name, status: r.status, startedAt: r.started_at }));
  }

  stepStarted(key: string, seq: number, name: string): void {
    const at = now();
    this.db
      .prepare(
        `INSERT INTO operation_steps (key, seq, name, status, started_at, updated_at) VALUES (?, ?, ?, 'started', ?, ?)
         ON CONFLICT(key, seq) DO UPDATE SET status = 'started', started_at = excluded.started_at, updated_at = excluded.updated_at`,
      )
      .run(key, seq, name, at, at);
  }

  /** The step's outcome and the state it produced, in one transaction. */
  stepEnded(key: string, seq: number, status: Exclude<StepStatus, 'started'>, state: Record<string, unknown>): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE operation_steps SET status = ?, updated_at = ? WHERE key = ? AND seq = ?').run(status, now(), key, seq);
      this.db.prepare('UPDATE operations SET state = ?, updated_at = ? WHERE key = ?').run(JSON.stringify(state), now(), key);
    })();
  }

  finish(key: string, status: OperationStatus, outcome: { result?: unknown; error?: StoredError }): void {
    this.db
      .prepare('UPDATE operations SET status = ?, result = ?, error = ?, updated_at = ? WHERE key = ?')
      .run(
        status,
        outcome.result === undefined ? null : JSON.stringify(outcome.result),
        outcome.error === undefined ? null : JSON.stringify(outcome.error),
        now(),
        key,
      );
  }

  /** One more refusal for good of a retried step (or undo): answers how many the operation had. */
  refused(key: string, step: string, error: StoredError): number {
    this.db
      .prepare('UPDATE operations SET refusals = refusals + 1, refused_step = ?, refusal = ?, updated_at = ? WHERE key = ?')
      .run(step, JSON.stringify(error), now(), key);
    return (this.db.prepare('SELECT refusals FROM operations WHERE key = ?').get(key) as { refusals: number }).refusals;
  }

  /** Parked operations, oldest first. */
  needingAttention(): ParkedOperation[] {
    const rows = this.db
      .prepare(
        `SELECT key, kind, state, refused_step, refusal, refusals, updated_at FROM operations WHERE status = 'parked' ORDER BY updated_at, key`,
      )
      .all() as { key: string; kind: string; state: string; refused_step: string; refusal: string; refusals: number; updated_at: string }[];
    return rows.map((r) => {
      const state = JSON.parse(r.state) as { orderId?: unknown };
      return {
        key: r.key,
        kind: r.kind,
        orderId: typeof state.orderId === 'string' ? state.orderId : null,
        step: r.refused_step,
        reason: JSON.parse(r.refusal) as StoredError,
        refusals: r.refusals,
        parkedAt: r.updated_at,
      };
    });
  }

  parkedCount(): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM operations WHERE status = 'parked'`).get() as { n: number }).n;
  }

  /** Operations a recovery pass must look at: interrupted, being undone, or finishing. */
  unfinished(): Operation[] {
    return (
      this.db
        .prepare(`SELECT * FROM operations WHERE status IN ('running', 'compensating', 'finishing') ORDER BY updated_at`)
        .all() as OperationRow[]
    ).map(fromRow);
  }

  /** One query for a page of orders (most have no facts: they were not placed through the graph). */
  orderFactsMany(orderIds: readonly string[]): Map<string, OrderFacts> {
    const rows = this.db
      .prepare(
        `SELECT f.order_id, f.reservation_id, f.pickup_store, f.collected_at, f.ordered_units, f.delivery_address, f.voided_at, f.priced,
                (SELECT COALESCE(SUM(units), 0) FROM order_returns r WHERE r.order_id = f.order_id) AS returned_units
         FROM order_facts f WHERE f.order_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(orderIds)) as {
      order_id: string;
      reservation_id: string | null;
      pickup_store: string | null;
      collected_at: string | null;
      ordered_units: number;
      returned_units: number;
      delivery_address: string | null;
      voided_at: string | null;
      priced: string | null;
    }[];
    return new Map(
      rows.map((r) => [
        r.order_id,
        {
          orderId: r.order_id,
          reservationId: r.reservation_id,
          pickupStore: r.pickup_store,
          collectedAt: r.collected_at,
          orderedUnits: r.ordered_units,
          returnedUnits: r.returned_units,
          deliveryAddress: r.delivery_address === null ? null : (JSON.parse(r.delivery_address) as Address),
          voidedAt: r.voided_at,
          priced: r.priced === null ? null : (JSON.parse(r.priced) as PricedSale),
        },
      ]),
    );
  }

  orderFacts(orderId: string): OrderFacts | null {
    return this.orderFactsMany([orderId]).get(orderId) ?? null;
  }

  recordOrder(facts: Pick<OrderFacts, 'orderId' | 'reservationId' | 'pickupStore' | 'orderedUnits' | 'deliveryAddress' | 'priced'>): void {
    this.db
      .prepare(
        `INSERT INTO order_facts (order_id, reservation_id, pickup_store, ordered_units, delivery_address, priced) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(order_id) DO UPDATE SET reservation_id = excluded.reservation_id, pickup_store = excluded.pickup_store,
           ordered_units = excluded.ordered_units, delivery_address = excluded.delivery_address, priced = excluded.priced`,
      )
      .run(
        facts.orderId,
        facts.reservationId,
        facts.pickupStore,
        facts.orderedUnits,
        facts.deliveryAddress && JSON.stringify(facts.deliveryAddress),
        facts.priced && JSON.stringify(facts.priced),
      );
  }

  /** A reservation the project did not make (held before go-live): known unless the order has facts of its own. */
  knowReservation(orderId: string, reservationId: string, storeId: string): void {
    this.db
      .prepare('INSERT INTO order_facts (order_id, reservation_id, pickup_store) VALUES (?, ?, ?) ON CONFLICT(order_id) DO NOTHING')
      .run(orderId, reservationId, storeId);
  }

  /** Also for a sale whose creating call's answer was lost, of which nothing was recorded. */
  markVoided(orderId: string): void {
    this.db
      .prepare(
        'INSERT INTO order_facts (order_id, voided_at) VALUES (?, ?) ON CONFLICT(order_id) DO UPDATE SET voided_at = COALESCE(voided_at, excluded.voided_at)',
      )
      .run(orderId, now());
  }

  /** When the project handed orders over or took them back: the silos keep no date for either. */
  afterSale(
    orderIds: readonly string[],
  ): { orderId: string; storeId: string | null; collectedAt: string | null; returns: { at: string; storeId: string }[] }[] {
    const ids = JSON.stringify(orderIds);
    const facts = this.db
      .prepare(
        'SELECT order_id, pickup_store, collected_at FROM order_facts WHERE collected_at IS NOT NULL AND order_id IN (SELECT value FROM json_each(?))',
      )
      .all(ids) as { order_id: string; pickup_store: string | null; collected_at: string }[];
    const returns = this.db
      .prepare(
        'SELECT order_id, store_id, returned_at FROM order_returns WHERE returned_at IS NOT NULL AND order_id IN (SELECT value FROM json_each(?))',
      )
      .all(ids) as { order_id: string; store_id: string; returned_at: string }[];
    const byOrder = new Map<
      string,
      { orderId: string; storeId: string | null; collectedAt: string | null; returns: { at: string; storeId: string }[] }
    >();
    const entry = (orderId: string) =>
      byOrder.get(orderId) ?? byOrder.set(orderId, { orderId, storeId: null, collectedAt: null, returns: [] }).get(orderId)!;
    for (const f of facts) Object.assign(entry(f.order_id), { storeId: f.pickup_store, collectedAt: f.collected_at });
    for (const r of returns) entry(r.order_id).returns.push({ at: r.returned_at, storeId: r.store_id });
    return [...byOrder.values()];
  }

  /** Also an order from before go-live, of which nothing was recorded. */
  markCollected(orderId: string): void {
    this.db
      .prepare(
        'INSERT INTO order_facts (order_id, collected_at) VALUES (?, ?) ON CONFLICT(order_id) DO UPDATE SET collected_at = COALESCE(collected_at, excluded.collected_at)',
      )
      .run(orderId, now());
  }

  /** A return under its idempotency key, with what it refunded; the order's ordered units are kept for PARTIALLY_RETURNED. */
  recordReturn(
    key: string,
    orderId: string,
    storeId: string,
    lines: { sku: string; quantity: number }[],
    orderedUnits: number,
    refundCents: number,
  ): void {
    const units = lines.reduce((n, l) => n + l.quantity, 0);
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO order_returns (key, order_id, store_id, units, returned_at, lines, refund_cents) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(key) DO NOTHING`,
        )
        .run(key, orderId, storeId, units, now(), JSON.stringify(lines.map(({ sku, quantity }) => ({ sku, quantity }))), refundCents);
      this.db
        .prepare(
          'INSERT INTO order_facts (order_id, ordered_units) VALUES (?, ?) ON CONFLICT(order_id) DO UPDATE SET ordered_units = excluded.ordered_units',
        )
        .run(orderId, orderedUnits);
    })();
  }

  /** The lines of every return of the order made through the graph, and what they refunded. */
  returnsOf(orderId: string): { lines: { sku: string; quantity: number }[]; refundCents: number } {
    const rows = this.db.prepare('SELECT lines, refund_cents FROM order_returns WHERE order_id = ? AND lines IS NOT NULL').all(orderId) as {
      lines: string;
      refund_cents: number | null;
    }[];
    return {
      lines: rows.flatMap(({ lines }) => JSON.parse(lines) as { sku: string; quantity: number }[]),
      refundCents: rows.reduce((sum, r) => sum + (r.refund_cents ?? 0), 0),
    };
  }
}

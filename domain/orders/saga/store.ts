// What the order sagas write down before and after each legacy step, so that a crash, a retry or
// a second request with the same idempotency key never does a step twice and never forgets one
// to undo. One row per operation (its idempotency key), one per step.
import { migrate, violates, type Db, type Migration, type Sql } from '../../../platform/db';
import { graphqlError, LockWaitExpiredError, stillRunning } from '../../../platform/errors';
import type { Address } from '../../types';
import type { AfterSale } from '../../journey/timeline';
import type { OrderOwner } from '../owner';

export type OperationStatus =
  | 'running' // steps in progress (or interrupted by a crash)
  | 'succeeded'
  | 'finishing' // past the point of no return: remaining steps are retried forward
  | 'compensating' // failed: done steps being undone (some undo may be waiting for a retry)
  | 'failed' // failed and fully undone (or nothing was done)
  | 'parked'; // a step (or its undo) refused for good too often, or in doubt and neither undone nor done again: left for an operator

export type StepStatus = 'started' | 'done' | 'compensated';

export interface Operation {
  key: string;
  kind: string;
  inputHash: string;
  status: OperationStatus;
  state: Record<string, unknown>;
  result: unknown;
  error: StoredError | null;
  /** the last refusal of a step or undo, or why a step in doubt was parked */
  refusal: StoredError | null;
  /** the step (or undo) that refusal was of */
  refusedStep: string | null;
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

// Applied in order, each once (platform/db migrate): append, never edit.
export const SAGA_MIGRATIONS: readonly Migration[] = [
  `CREATE TABLE operations (
     key TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     input_hash TEXT NOT NULL,
     status TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT '{}',
     result TEXT,
     error TEXT,
     attempts INTEGER NOT NULL DEFAULT 1,
     refusals INTEGER NOT NULL DEFAULT 0, -- times a retried step (or undo) was refused for good
     refused_step TEXT, -- which one
     refusal TEXT, -- JSON StoredError: the last refusal
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
     ordered_units INTEGER NOT NULL DEFAULT 0,
     delivery_address TEXT, -- JSON: a store sale shipped home (the POS keeps no address)
     voided_at TEXT, -- a store sale its own saga undid
     priced TEXT -- JSON: a store sale's list prices, discount and codes (the POS keeps the net prices only)
   );
   CREATE TABLE order_returns (
     key TEXT PRIMARY KEY, -- the return's idempotency key: recorded once however often it runs
     order_id TEXT NOT NULL,
     units INTEGER NOT NULL,
     store_id TEXT,
     returned_at TEXT,
     lines TEXT, -- JSON [{sku, quantity}]
     refund_cents INTEGER -- what the return refunded
   );
   CREATE INDEX order_returns_order ON order_returns(order_id);`,
  // the replica working on an operation, until when: a replica that dies stops renewing its lease
  `ALTER TABLE operations ADD COLUMN lease_owner TEXT, ADD COLUMN lease_until TIMESTAMPTZ`,
  // a return as Order.returns lists it: the legacy return's id and the points it took back
  `ALTER TABLE order_returns ADD COLUMN return_id TEXT, ADD COLUMN points_reversed INTEGER`,
  // the returns recorded before: their saga's answer holds both; one not finished yet has them in
  // its state, the points as returnOrder's pointsToReverse reckoned them then (frozen here)
  `UPDATE order_returns r
     SET return_id = COALESCE(o.result::jsonb, o.state::jsonb)->>'returnId',
         points_reversed = COALESCE(
           (o.result::jsonb->>'pointsReversed')::integer,
           CASE WHEN o.state::jsonb->>'card' IS NULL THEN 0
                ELSE LEAST((o.state::jsonb->>'earned')::integer, COALESCE((o.state::jsonb->>'refundCents')::integer, 0) / 100) END)
   FROM operations o
   WHERE r.return_id IS NULL AND o.kind IN ('returnWebOrder', 'returnStoreSale') AND o.state::jsonb->>'key' = r.key`,
  // the returns undoing a store sale sent to the POS, which keeps no key: sent again after a lost
  // answer, one would refund twice (apart from order_facts, whose rows say a sale is claimed)
  `CREATE TABLE sale_voids (order_id TEXT PRIMARY KEY, sent_at TEXT NOT NULL)`,
  // which placeOrder recorded an order: the undo of one whose step was not marked done (the database
  // failing between the two) finds its order among those alike, and takes no other operation's
  `ALTER TABLE order_facts ADD COLUMN placed_by TEXT`,
  // one legacy return, one request: two operators settling two requests with the same return id at
  // once would each find it unrecorded (settleParked)
  `CREATE UNIQUE INDEX order_returns_return_id ON order_returns(return_id)`,
  // which placeOrder's undo sent the return undoing a sale (its plan's ref): an operator's settlement
  // of that undo finds it. Before, the placeOrder that recorded the sale; or, for a sale its undo
  // found among the receipts (recorded by none), the one parked on it, whose refusal names it
  // (placeOrder.ts, voidInDoubt)
  // A return refused, or that never reached the POS, is kept as not sent (sent_at NULL): its sale is
  // still being undone, and an operator who finds it done by hand has it to mark voided.
  `ALTER TABLE sale_voids ADD COLUMN undoing TEXT, ALTER COLUMN sent_at DROP NOT NULL;
   UPDATE sale_voids v SET undoing = f.placed_by FROM order_facts f WHERE f.order_id = v.order_id;
   UPDATE sale_voids v SET undoing = o.state::jsonb->'plan'->>'ref' FROM operations o
   WHERE v.undoing IS NULL AND o.kind = 'placeOrder' AND o.status = 'parked'
     AND o.refusal::jsonb->>'message' LIKE 'The POS return undoing sale ' || v.order_id || ' %'`,
  // whose a store sale is when its receipt carries no card (the POS knows a receipt's customer by its
  // card only): the customer's e-shop account or CRM contact, as the placeOrder that made it recorded
  `ALTER TABLE order_facts ADD COLUMN owner_system TEXT, ADD COLUMN owner_id TEXT;
   CREATE INDEX order_facts_owner ON order_facts(owner_id, owner_system) WHERE owner_id IS NOT NULL`,
  // the points a placeOrder earns, which its returns take back while the loyalty ledger cannot be read
  `ALTER TABLE order_facts ADD COLUMN points_earned INTEGER`,
];

/** Who works on an operation (a replica's runner), and for how long without renewing. */
export interface Lease {
  owner: string;
  ms: number;
}

const UNFINISHED = `status IN ('running', 'compensating', 'finishing')`;
const LEASE_FREE = `(lease_until IS NULL OR lease_until < now())`;
const LEASE_UNTIL = `now() + @ms * interval '1 millisecond'`;
/** the lease of an operation waiting for a late write (awaitLateWrite): no replica's, so none renews it */
const LATE_WRITE = 'late write';

interface OperationRow {
  key: string;
  kind: string;
  input_hash: string;
  status: OperationStatus;
  state: string;
  result: string | null;
  error: string | null;
  refusal: string | null;
  refused_step: string | null;
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
  refusal: r.refusal === null ? null : JSON.parse(r.refusal),
  refusedStep: r.refused_step,
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
  /** the placeOrder that made it (its plan's ref): its own undo may look for it, no other; null for an order placed otherwise */
  placedBy: string | null;
  /** a store sale whose receipt carries no card: the record of the customer it was sold to (storeSaleOwner) */
  owner: OrderOwner | null;
  /** the points its placeOrder earns (0 without a card); null: placed otherwise, or before they were recorded */
  pointsEarned: number | null;
}

export interface PricedSale {
  /** at list prices */
  lines: { sku: string; quantity: number; unitCents: number }[];
  discountCents: number;
  promoCodes: string[];
}

/**
 * What an operator found in a silo, settling a parked operation (SagaStore.settleParked): a step
 * found made, recorded as the step would have, with what the operation answers from then on; or a
 * placeOrder's parked undo, found done there (taken as undone) or not (tried again).
 */
export type OperatorFinding =
  | {
      kind: 'return';
      result: unknown;
      /** the state the step would have left */
      state: Record<string, unknown>;
      /** the return's idempotency key, and the return as recordReturn takes it */
      key: string;
      taken: RecordedReturn;
      orderedUnits: number;
    }
  | { kind: 'handOver'; result: unknown; orderId: string }
  | {
      kind: 'undo';
      /** the step whose undo the operator checked: the settlement holds while it is still the one parked on */
      step: string;
      /** that undo found done: the step is taken as undone, and not run again */
      undone: boolean;
      /**
       * the returns undoing the sales of the placeOrder of this ref (sendingVoid): found made there
       * (their sales are voided) or not (they are sent again)
       */
      voids?: { undoing: string; made: boolean };
    };

/** A return made through the graph: what returnOrder answers, and Order.returns lists. */
export interface RecordedReturn {
  /** the e-shop's (R-...) for a web order, the POS's (RT-...) for a store sale */
  returnId: string;
  orderId: string;
  storeId: string;
  lines: { sku: string; quantity: number }[];
  refundCents: number;
  pointsReversed: number;
}

const now = () => new Date().toISOString();

/**
 * How long an operation on an order waits for the one before it on that order (its legacy calls
 * bounded by their deadlines) before it is told to retry: a retry of a lost answer, or a double
 * click, should wait for the first rather than fail; a queue of them should not hold the database.
 */
const ORDER_LOCK_WAIT_MS = 15_000;

export class SagaStore {
  private constructor(
    private readonly db: Db,
    private readonly orderLockWaitMs: number,
  ) {}

  static async open(db: Db, { orderLockWaitMs = ORDER_LOCK_WAIT_MS } = {}): Promise<SagaStore> {
    await migrate(db, 'sagas', SAGA_MIGRATIONS);
    return new SagaStore(db, orderLockWaitMs);
  }

  /**
   * Runs `work` as the one operation on the order, on every replica: a return, a cancel or a
   * hand-over checks the order's state (what is left to return, whether it is still held) before
   * it changes it, and two at once would both pass the check. Other orders run freely. One that
   * waits too long for the order is CONFLICT, with nothing done.
   */
  async oneAtATime<T>(orderId: string, work: () => Promise<T>): Promise<T> {
    try {
      return await this.aloneOnOrder(orderId, work, this.orderLockWaitMs);
    } catch (err) {
      if (!(err instanceof LockWaitExpiredError)) throw err;
      throw stillRunning(`Another operation on order ${orderId} is still running: retry later`);
    }
  }

  /** Runs `work` as the one operation on the order, waiting `waitMs` at most (then LockWaitExpiredError). */
  aloneOnOrder<T>(orderId: string, work: () => Promise<T>, waitMs = 1): Promise<T> {
    return this.db.exclusively(`order:${orderId}`, work, { waitMs });
  }

  async get(key: string): Promise<Operation | null> {
    const row = await this.db.row<OperationRow>('SELECT * FROM operations WHERE key = $1', [key]);
    return row ? fromRow(row) : null;
  }

  /**
   * Creates the operation, leased, unless the key exists: the unique insert claims the key, on
   * every replica. Answers the one stored either way.
   */
  async begin(
    key: string,
    kind: string,
    inputHash: string,
    state: Record<string, unknown>,
    lease: Lease,
  ): Promise<{ operation: Operation; created: boolean }> {
    const inserted = await this.db.run(
      `INSERT INTO operations (key, kind, input_hash, status, state, created_at, updated_at, lease_owner, lease_until)
       VALUES (@key, @kind, @hash, 'running', @state, @at, @at, @owner, ${LEASE_UNTIL}) ON CONFLICT (key) DO NOTHING`,
      { key, kind, hash: inputHash, state: JSON.stringify(state), at: now(), ...lease },
    );
    return { operation: (await this.get(key))!, created: inserted === 1 };
  }

  /** A new attempt of an operation that failed and left nothing behind; false when another request started it first. */
  restart(key: string, state: Record<string, unknown>, lease: Lease): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const restarted = await tx.run(
        `UPDATE operations SET status = 'running', state = @state, result = NULL, error = NULL, attempts = attempts + 1, updated_at = @at,
           refusals = 0, refused_step = NULL, refusal = NULL, lease_owner = @owner, lease_until = ${LEASE_UNTIL}
         WHERE key = @key AND status = 'failed'`,
        { state: JSON.stringify(state), at: now(), key, ...lease },
      );
      if (restarted) await tx.run('DELETE FROM operation_steps WHERE key = $1', [key]);
      return restarted === 1;
    });
  }

  /** Takes an unfinished operation whose lease ran out (its replica died, or it waits for a retry); null when another holds it. */
  async claim(key: string, lease: Lease): Promise<Operation | null> {
    return this.claimWhere('key = @key', { key, ...lease });
  }

  /** The oldest unfinished operation nobody holds, except the ones named. */
  async claimNext(except: readonly string[], lease: Lease): Promise<Operation | null> {
    return this.claimWhere('key <> ALL(@except) ORDER BY updated_at LIMIT 1', { except, ...lease });
  }

  // SKIP LOCKED: two replicas claiming at once never wait for each other, and one of them wins
  private async claimWhere(where: string, values: object): Promise<Operation | null> {
    const row = await this.db.row<OperationRow>(
      `UPDATE operations SET lease_owner = @owner, lease_until = ${LEASE_UNTIL}
       WHERE key = (SELECT key FROM operations WHERE ${UNFINISHED} AND ${LEASE_FREE} AND ${where} FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      values,
    );
    return row ? fromRow(row) : null;
  }

  /** Gives back an operation this replica claimed and will not work on now. */
  async unlease(key: string, lease: Lease): Promise<void> {
    await this.db.run(`UPDATE operations SET lease_owner = NULL, lease_until = NULL WHERE key = @key AND lease_owner = @owner`, {
      key,
      ...lease,
    });
  }

  /** Keeps the lease of an operation still being worked on. */
  async renew(key: string, lease: Lease): Promise<void> {
    await this.db.run(`UPDATE operations SET lease_until = ${LEASE_UNTIL} WHERE key = @key AND lease_owner = @owner`, { key, ...lease });
  }

  async steps(key: string): Promise<StepRecord[]> {
    const rows = await this.db.rows<{ seq: number; name: string; status: StepStatus; started_at: string }>(
      'SELECT seq, name, status, started_at FROM operation_steps WHERE key = $1 ORDER BY seq',
      [key],
    );
    return rows.map((r) => ({ seq: r.seq, name: r.name, status: r.status, startedAt: r.started_at }));
  }

  async stepStarted(key: string, seq: number, name: string): Promise<void> {
    await this.db.run(
      `INSERT INTO operation_steps (key, seq, name, status, started_at, updated_at) VALUES ($1, $2, $3, 'started', $4, $4)
       ON CONFLICT (key, seq) DO UPDATE SET status = 'started', started_at = excluded.started_at, updated_at = excluded.updated_at`,
      [key, seq, name, now()],
    );
  }

  /** The step's outcome and the state it produced, in one transaction. */
  stepEnded(key: string, seq: number, status: Exclude<StepStatus, 'started'>, state: Record<string, unknown>): Promise<void> {
    return this.db.transaction(async (tx) => {
      await tx.run('UPDATE operation_steps SET status = $1, updated_at = $2 WHERE key = $3 AND seq = $4', [status, now(), key, seq]);
      await tx.run('UPDATE operations SET state = $1, updated_at = $2 WHERE key = $3', [JSON.stringify(state), now(), key]);
    });
  }

  /** The operation's outcome; its lease ends (one left unfinished is recovery's to take). */
  async finish(key: string, status: OperationStatus, outcome: { result?: unknown; error?: StoredError }): Promise<void> {
    await this.db.run(
      'UPDATE operations SET status = $1, result = $2, error = $3, updated_at = $4, lease_owner = NULL, lease_until = NULL WHERE key = $5',
      [
        status,
        outcome.result === undefined ? null : JSON.stringify(outcome.result),
        outcome.error === undefined ? null : JSON.stringify(outcome.error),
        now(),
        key,
      ],
    );
  }

  /**
   * Leaves an operation unfinished and to nobody, as a crash would: a step of it in doubt is to
   * be run again, by its key's next request or the recovery pass.
   */
  release(key: string, error: StoredError): Promise<void> {
    return this.finish(key, 'running', { error });
  }

  /**
   * Leaves an operation to be undone once the call of its step in doubt, which got no answer, can
   * have been made by its system: no replica, this one included, claims it for `ms`.
   */
  async awaitLateWrite(key: string, error: StoredError, ms: number): Promise<void> {
    await this.db.run(
      `UPDATE operations SET status = 'compensating', error = @error, updated_at = @at, lease_owner = @owner,
         lease_until = ${LEASE_UNTIL} WHERE key = @key`,
      { error: JSON.stringify(error), at: now(), owner: LATE_WRITE, ms, key },
    );
  }

  /** One more refusal for good of a retried step (or undo), or why it was parked in doubt: answers how many the operation had. */
  async refused(key: string, step: string, error: StoredError): Promise<number> {
    const row = await this.db.row<{ refusals: number }>(
      'UPDATE operations SET refusals = refusals + 1, refused_step = $1, refusal = $2, updated_at = $3 WHERE key = $4 RETURNING refusals',
      [step, JSON.stringify(error), now(), key],
    );
    return row!.refusals;
  }

  /**
   * Settles a parked operation as an operator found it (operatorSettlement.ts): its step in doubt
   * or refused taken as done when it goes on ('finishing', 'succeeded'), its refusals forgotten;
   * false when it is no longer parked. A step found made in its silo is recorded with it, as the
   * step would have, and the operation's answer stored: its key answers it at once. A placeOrder's
   * undo goes back to the recovery pass ('compensating') with what the operator found of it.
   */
  settleParked(key: string, status: OperationStatus, found?: OperatorFinding): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const settled = await tx.run(
        `UPDATE operations SET status = $1, updated_at = $2, refusals = 0, refused_step = NULL, refusal = NULL,
           state = COALESCE($4, state), result = COALESCE($5, result)
         WHERE key = $3 AND status = 'parked' AND ($6::text IS NULL OR refused_step = $6)`,
        [
          status,
          now(),
          key,
          found?.kind === 'return' ? JSON.stringify(found.state) : null,
          found && found.kind !== 'undo' ? JSON.stringify(found.result) : null,
          found?.kind === 'undo' ? found.step : null,
        ],
      );
      if (settled === 0) return false;
      if (status === 'finishing' || status === 'succeeded') {
        await tx.run(`UPDATE operation_steps SET status = 'done', updated_at = $1 WHERE key = $2 AND status = 'started'`, [now(), key]);
      }
      if (found?.kind === 'undo') await settleUndoIn(tx, key, found);
      if (found?.kind === 'return') {
        const { returnId, refundCents } = found.taken;
        // its step recorded it before its process stopped: that record is what the silo answered
        const mine = await tx.row<{ return_id: string | null; refund_cents: number }>(
          'SELECT return_id, refund_cents FROM order_returns WHERE key = $1',
          [found.key],
        );
        if (mine?.return_id && (mine.return_id !== returnId || mine.refund_cents !== refundCents)) {
          throw graphqlError(
            'CONFLICT',
            `This return is recorded already, as ${mine.return_id} refunding ${mine.refund_cents} cents: settle it with those`,
          );
        }
        // one legacy return, one request (a unique index: also against a settlement committing meanwhile)
        await recordReturnIn(tx, found.key, found.taken, found.orderedUnits).catch((err: unknown) => {
          throw violates(err, 'order_returns_return_id')
            ? graphqlError('CONFLICT', `Return ${returnId} is recorded already, for another request`)
            : err;
        });
      }
      if (found?.kind === 'handOver') await markCollectedIn(tx, found.orderId);
      return true;
    });
  }

  /** Parked operations, oldest first. */
  async needingAttention(): Promise<ParkedOperation[]> {
    const rows = await this.db.rows<{
      key: string;
      kind: string;
      state: string;
      refused_step: string;
      refusal: string;
      refusals: number;
      updated_at: string;
    }>(
      `SELECT key, kind, state, refused_step, refusal, refusals, updated_at FROM operations WHERE status = 'parked' ORDER BY updated_at, key`,
    );
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

  /**
   * What holds the order back from another operation (awaitingOperator.ts): an operator, when an
   * operation on it is parked before its point of no return, or the return undoing it (a store
   * sale) was sent and not recorded or its placeOrder parked (that first); recovery, when one is
   * running or being undone (a step in doubt to run again, an undo under way, a sale's undoing return
   * to send again, a crash to settle; or, for a moment, a request).
   */
  async heldBy(orderId: string): Promise<'operator' | 'recovery' | null> {
    const row = await this.db.row<{ by: 'operator' | 'recovery' }>(
      `SELECT by FROM (
         SELECT 'operator' AS by FROM operations WHERE status = 'parked' AND result IS NULL AND state::jsonb->>'orderId' = $1
         UNION ALL
         SELECT CASE WHEN v.sent_at IS NOT NULL OR EXISTS (
             SELECT 1 FROM operations o WHERE o.status = 'parked' AND o.kind = 'placeOrder' AND o.state::jsonb->'plan'->>'ref' = v.undoing
           ) THEN 'operator' ELSE 'recovery' END
         FROM sale_voids v WHERE v.order_id = $1
           AND NOT EXISTS (SELECT 1 FROM order_facts f WHERE f.order_id = v.order_id AND f.voided_at IS NOT NULL)
         UNION ALL
         SELECT 'recovery' FROM operations WHERE status IN ('running', 'compensating') AND state::jsonb->>'orderId' = $1
       ) held ORDER BY by = 'operator' DESC LIMIT 1`,
      [orderId],
    );
    return row?.by ?? null;
  }

  async parkedCount(): Promise<number> {
    return (await this.db.row<{ n: number }>(`SELECT count(*)::int AS n FROM operations WHERE status = 'parked'`))!.n;
  }

  /**
   * Operations whose step is in doubt: a repeatable one (release()), run again until its system
   * answers, or one whose call got no answer, waiting to be looked for (awaitLateWrite()).
   */
  async inDoubtCount(): Promise<number> {
    const row = await this.db.row<{ n: number }>(
      `SELECT count(*)::int AS n FROM operations WHERE (status = 'running' AND error IS NOT NULL) OR lease_owner = '${LATE_WRITE}'`,
    );
    return row!.n;
  }

  /** Operations a recovery pass must look at: interrupted, being undone, or finishing. */
  async unfinished(): Promise<Operation[]> {
    const rows = await this.db.rows<OperationRow>(`SELECT * FROM operations WHERE ${UNFINISHED} ORDER BY updated_at`);
    return rows.map(fromRow);
  }

  /** One query for a page of orders (most have no facts: they were not placed through the graph). */
  async orderFactsMany(orderIds: readonly string[]): Promise<Map<string, OrderFacts>> {
    const rows = await this.db.rows<{
      order_id: string;
      reservation_id: string | null;
      pickup_store: string | null;
      collected_at: string | null;
      ordered_units: number;
      returned_units: number;
      delivery_address: string | null;
      voided_at: string | null;
      priced: string | null;
      placed_by: string | null;
      owner_system: OrderOwner['system'] | null;
      owner_id: string | null;
      points_earned: number | null;
    }>(
      `SELECT f.order_id, f.reservation_id, f.pickup_store, f.collected_at, f.ordered_units, f.delivery_address, f.voided_at, f.priced, f.placed_by,
              f.owner_system, f.owner_id, f.points_earned,
              (SELECT COALESCE(SUM(units), 0)::int FROM order_returns r WHERE r.order_id = f.order_id) AS returned_units
       FROM order_facts f WHERE f.order_id = ANY($1)`,
      [orderIds],
    );
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
          placedBy: r.placed_by,
          owner: r.owner_system && r.owner_id ? { system: r.owner_system, externalId: r.owner_id } : null,
          pointsEarned: r.points_earned,
        },
      ]),
    );
  }

  async orderFacts(orderId: string): Promise<OrderFacts | null> {
    return (await this.orderFactsMany([orderId])).get(orderId) ?? null;
  }

  /** The store sales recorded as owned by these records (OrderFacts.owner), each with its owner. */
  async salesOwnedBy(owners: readonly OrderOwner[]): Promise<{ orderId: string; owner: OrderOwner }[]> {
    const rows = await this.db.rows<{ order_id: string; owner_system: OrderOwner['system']; owner_id: string }>(
      `SELECT order_id, owner_system, owner_id FROM order_facts
       WHERE (owner_id, owner_system) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [owners.map((o) => o.externalId), owners.map((o) => o.system)],
    );
    return rows.map((r) => ({ orderId: r.order_id, owner: { system: r.owner_system, externalId: r.owner_id } }));
  }

  async recordOrder(
    facts: Pick<
      OrderFacts,
      'orderId' | 'reservationId' | 'pickupStore' | 'orderedUnits' | 'deliveryAddress' | 'priced' | 'placedBy' | 'owner' | 'pointsEarned'
    >,
  ): Promise<void> {
    await this.db.run(
      `INSERT INTO order_facts (order_id, reservation_id, pickup_store, ordered_units, delivery_address, priced, placed_by, owner_system, owner_id,
         points_earned)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (order_id) DO UPDATE SET reservation_id = excluded.reservation_id, pickup_store = excluded.pickup_store,
         ordered_units = excluded.ordered_units, delivery_address = excluded.delivery_address, priced = excluded.priced,
         placed_by = excluded.placed_by, owner_system = excluded.owner_system, owner_id = excluded.owner_id,
         points_earned = excluded.points_earned`,
      [
        facts.orderId,
        facts.reservationId,
        facts.pickupStore,
        facts.orderedUnits,
        facts.deliveryAddress && JSON.stringify(facts.deliveryAddress),
        facts.priced && JSON.stringify(facts.priced),
        facts.placedBy,
        facts.owner?.system ?? null,
        facts.owner?.externalId ?? null,
        facts.pointsEarned,
      ],
    );
  }

  /** A reservation the project did not make (held before go-live): known unless the order has facts of its own. */
  async knowReservation(orderId: string, reservationId: string, storeId: string): Promise<void> {
    await this.db.run(
      'INSERT INTO order_facts (order_id, reservation_id, pickup_store) VALUES ($1, $2, $3) ON CONFLICT (order_id) DO NOTHING',
      [orderId, reservationId, storeId],
    );
  }

  /**
   * Writes down that the return undoing a store sale, for the placeOrder of ref `undoing`, is being
   * sent to the POS; false when one was sent before and not recorded since (its answer lost, or its
   * process died): it may have been made.
   */
  async sendingVoid(orderId: string, undoing: string): Promise<boolean> {
    // a return written down before sale_voids named its placeOrder is named by the undo sending it again
    await this.db.run('UPDATE sale_voids SET undoing = $2 WHERE order_id = $1 AND undoing IS NULL', [orderId, undoing]);
    // one at a time: a second sender waits on the row, then finds it sent
    const written = await this.db.run(
      `INSERT INTO sale_voids (order_id, sent_at, undoing) VALUES ($1, $2, $3)
       ON CONFLICT (order_id) DO UPDATE SET sent_at = excluded.sent_at WHERE sale_voids.sent_at IS NULL`,
      [orderId, now(), undoing],
    );
    return written === 1;
  }

  /** For each of these sales whose undoing return was written down (sendingVoid), the placeOrder that sent it, by its ref (null: sent before they were named). */
  async saleVoidsOf(orderIds: readonly string[]): Promise<Map<string, string | null>> {
    const rows = await this.db.rows<{ order_id: string; undoing: string | null }>(
      'SELECT order_id, undoing FROM sale_voids WHERE order_id = ANY($1)',
      [orderIds],
    );
    return new Map(rows.map((r) => [r.order_id, r.undoing]));
  }

  /** The return undoing a store sale did not reach the POS, or was refused (sendingVoid): it may be sent again. */
  async voidNotSent(orderId: string): Promise<void> {
    await notSentIn(this.db, [orderId]);
  }

  /** Also for a sale whose creating call's answer was lost, of which nothing was recorded. */
  markVoided(orderId: string): Promise<void> {
    return markVoidedIn(this.db, [orderId]);
  }

  /** When the project handed orders over or took them back: the silos keep no date for either. */
  async afterSale(orderIds: readonly string[]): Promise<AfterSale[]> {
    const facts = await this.db.rows<{ order_id: string; pickup_store: string | null; collected_at: string }>(
      'SELECT order_id, pickup_store, collected_at FROM order_facts WHERE collected_at IS NOT NULL AND order_id = ANY($1)',
      [orderIds],
    );
    const returns = await this.db.rows<{ order_id: string; store_id: string; returned_at: string }>(
      'SELECT order_id, store_id, returned_at FROM order_returns WHERE returned_at IS NOT NULL AND order_id = ANY($1)',
      [orderIds],
    );
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
  markCollected(orderId: string): Promise<void> {
    return markCollectedIn(this.db, orderId);
  }

  /** A return under its idempotency key, with what it refunded; the order's ordered units are kept for PARTIALLY_RETURNED. */
  recordReturn(key: string, taken: RecordedReturn, orderedUnits: number): Promise<void> {
    return this.db.transaction((tx) => recordReturnIn(tx, key, taken, orderedUnits));
  }

  /**
   * The returns of these orders made through the graph, oldest first. One recorded before the
   * project kept its legacy id, whose saga had not saved that id either, is left out until its
   * saga records it again: it cannot be named.
   */
  async returnsOfMany(orderIds: readonly string[]): Promise<Map<string, RecordedReturn[]>> {
    const rows = await this.db.rows<{
      order_id: string;
      store_id: string;
      lines: string;
      refund_cents: number;
      return_id: string;
      points_reversed: number;
    }>(
      `SELECT order_id, store_id, lines, refund_cents, return_id, points_reversed FROM order_returns
       WHERE order_id = ANY($1) AND return_id IS NOT NULL ORDER BY returned_at, key`,
      [orderIds],
    );
    const returns = new Map<string, RecordedReturn[]>(orderIds.map((id) => [id, []]));
    for (const r of rows) {
      returns.get(r.order_id)?.push({
        returnId: r.return_id,
        orderId: r.order_id,
        storeId: r.store_id,
        lines: JSON.parse(r.lines) as RecordedReturn['lines'],
        refundCents: r.refund_cents,
        pointsReversed: r.points_reversed,
      });
    }
    return returns;
  }

  /** The lines of every return of the order made through the graph, what they refunded, and the points they took back (or owe still). */
  async returnsOf(orderId: string): Promise<{ lines: { sku: string; quantity: number }[]; refundCents: number; pointsReversed: number }> {
    const rows = await this.db.rows<{ lines: string; refund_cents: number | null; points_reversed: number | null }>(
      'SELECT lines, refund_cents, points_reversed FROM order_returns WHERE order_id = $1 AND lines IS NOT NULL ORDER BY returned_at, key',
      [orderId],
    );
    return {
      lines: rows.flatMap(({ lines }) => JSON.parse(lines) as { sku: string; quantity: number }[]),
      refundCents: rows.reduce((sum, r) => sum + (r.refund_cents ?? 0), 0),
      pointsReversed: rows.reduce((sum, r) => sum + (r.points_reversed ?? 0), 0),
    };
  }
}

async function recordReturnIn(tx: Sql, key: string, taken: RecordedReturn, orderedUnits: number): Promise<void> {
  const { orderId, storeId, lines, refundCents, returnId, pointsReversed } = taken;
  const units = lines.reduce((n, l) => n + l.quantity, 0);
  // recorded once: again, it only names a return recorded before the table kept the legacy id
  await tx.run(
    `INSERT INTO order_returns (key, order_id, store_id, units, returned_at, lines, refund_cents, return_id, points_reversed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (key) DO UPDATE SET return_id = excluded.return_id, points_reversed = excluded.points_reversed
     WHERE order_returns.return_id IS NULL`,
    [
      key,
      orderId,
      storeId,
      units,
      now(),
      JSON.stringify(lines.map(({ sku, quantity }) => ({ sku, quantity }))),
      refundCents,
      returnId,
      pointsReversed,
    ],
  );
  await tx.run(
    'INSERT INTO order_facts (order_id, ordered_units) VALUES ($1, $2) ON CONFLICT (order_id) DO UPDATE SET ordered_units = excluded.ordered_units',
    [orderId, orderedUnits],
  );
}

async function markVoidedIn(sql: Sql, orderIds: string[]): Promise<void> {
  await sql.run(
    `INSERT INTO order_facts (order_id, voided_at) SELECT id, $2 FROM unnest($1::text[]) AS id
     ON CONFLICT (order_id) DO UPDATE SET voided_at = COALESCE(order_facts.voided_at, excluded.voided_at)`,
    [orderIds, now()],
  );
}

/** A placeOrder's parked undo as the operator found it (OperatorFinding). */
async function settleUndoIn(tx: Sql, key: string, { step, undone, voids }: OperatorFinding & { kind: 'undo' }): Promise<void> {
  if (undone) {
    await tx.run(`UPDATE operation_steps SET status = 'compensated', updated_at = $1 WHERE key = $2 AND name = $3`, [now(), key, step]);
  }
  if (!voids) return;
  const pending = await tx.rows<{ order_id: string }>(
    `SELECT order_id FROM sale_voids v WHERE undoing = $1
       AND NOT EXISTS (SELECT 1 FROM order_facts f WHERE f.order_id = v.order_id AND f.voided_at IS NOT NULL)`,
    [voids.undoing],
  );
  const sales = pending.map((r) => r.order_id);
  if (voids.made) await markVoidedIn(tx, sales);
  else await notSentIn(tx, sales);
}

async function notSentIn(sql: Sql, orderIds: string[]): Promise<void> {
  await sql.run('UPDATE sale_voids SET sent_at = NULL WHERE order_id = ANY($1)', [orderIds]);
}

async function markCollectedIn(sql: Sql, orderId: string): Promise<void> {
  await sql.run(
    `INSERT INTO order_facts (order_id, collected_at) VALUES ($1, $2)
     ON CONFLICT (order_id) DO UPDATE SET collected_at = COALESCE(order_facts.collected_at, excluded.collected_at)`,
    [orderId, now()],
  );
}

// Runs a mutation as a saga: each legacy step is written down before it runs and after it ends,
// so that whatever fails — a legacy call, the process itself — the steps done are either undone
// (before the point of no return) or finished (after it), by this request or by a recovery pass.
// The idempotency key names the operation: the same key never runs a step twice.
import { createHash, randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import {
  graphqlError,
  InDoubtError,
  LegacyRejectedError,
  LockWaitExpiredError,
  MalformedAnswerError,
  mayHaveHappened,
  stillRunning,
  SubgraphCallError,
  toGraphQLError,
  wentUnanswered,
} from '../../../platform/errors';
import type { Logger } from '../../../platform/logging';
import { InFlight } from '../../in-flight';
import type { Lease, Operation, SagaStore, StepRecord, StoredError } from './store';

export type SagaState = Record<string, unknown>;

export interface CompensationContext {
  /** the step started but its end was never recorded: its legacy effect may or may not exist */
  inDoubt: boolean;
  startedAt: string;
}

export interface SagaStep<S extends SagaState> {
  name: string;
  /** Does the step; answers what it learned (legacy ids), merged into the saga's state. */
  run(state: S): Promise<Partial<S>>;
  /** Undoes the step (steps before the pivot). Must tolerate being called again. */
  compensate?(state: S, ctx: CompensationContext): Promise<void>;
  /**
   * Safe to run twice: a second run finds the first one's effect and takes it as done (the e-shop's
   * cancel of an order it cancelled already). One whose call was in doubt is run again, by its key's
   * next request or the recovery pass, instead of being undone or parked.
   */
  repeatable?: boolean;
  /**
   * Its undo in doubt looks for what the call made (an order, a sale, by account, time and content;
   * a voucher claim, by the order's ref). After a call that got no answer (a legacy system's or
   * another subgraph's), which may still be carried out late, the undo looks only
   * once that can have happened (RunnerOptions.lateWriteMs); the steps before it are undone at once.
   */
  findsLateWrites?: boolean;
}

export interface Saga<S extends SagaState> {
  kind: string;
  steps: SagaStep<S>[];
  /**
   * The index of the first step after the point of no return: a failure from there on is not
   * undone, the remaining steps are retried forward (so they must tolerate running twice).
   * steps.length when every step can be undone.
   */
  pivot: number;
  /** what the operation answers, stored for the same key's later requests */
  result(state: S): unknown;
}

/** Errors that say nothing about the request itself: a retry with the same key tries again. */
const TRANSIENT = new Set(['SYSTEM_UNAVAILABLE', 'INTERNAL']);

/** What names a request's input for its idempotency key: the same key with another one is a CONFLICT. */
export const inputHash = (kind: string, input: unknown) => hashInput({ kind, input });

function hashInput(input: unknown): string {
  const stable = JSON.stringify(input, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
  return createHash('sha256').update(stable).digest('hex');
}

function stored(err: unknown): StoredError {
  const e = toGraphQLError(err);
  return { code: String(e.extensions.code), message: e.message, extensions: e.extensions };
}

const conflict = () => graphqlError('CONFLICT', 'This idempotency key was already used for another request');
const firstStillRunning = () =>
  stillRunning('An earlier request with this idempotency key is still running, or waits to be undone: retry with the key later');

const rethrow = (e: StoredError) => new GraphQLError(e.message, { extensions: e.extensions });

/** What a parked operation answers before its point of no return: asking again changes nothing. */
const parkedAnswer = (why: string) =>
  graphqlError(
    'CONFLICT',
    `This operation stopped part-way and waits for an operator (sagasNeedingAttention): ${why}. Nothing more is done under this idempotency key until an operator settles it.`,
  );

/** The system (or the request's own rules) said no: nothing was done. */
const saidNo = (err: unknown) => err instanceof LegacyRejectedError || err instanceof GraphQLError;

/** Interrupted (a crash), waiting to be undone, or waiting for its last steps. */
const unfinished = (op: Operation) => op.status === 'running' || op.status === 'compensating' || op.status === 'finishing';

/**
 * A legacy system that is down may come back, and so may another subgraph of this deployment (an
 * INTERNAL to the client, it is mended by redeploying, not by the client); anything else refused
 * the step, and will again.
 */
const refusedForGood = (err: unknown, e: StoredError) => e.code !== 'SYSTEM_UNAVAILABLE' && !(err instanceof SubgraphCallError);

/** Enough to outlast an order's earlier steps still finishing (points not earned yet), not a refusal for good. */
const MAX_REFUSALS = 10;
/** How long an operation stays a replica's without it renewing the lease: then another may take it over. */
const LEASE_MS = 30_000;
/** How long a call that got no answer may still be made by its system (LEGACY_LATE_WRITE_S). */
const LATE_WRITE_MS = 30_000;

export interface RunnerOptions {
  maxRefusals: number;
  leaseMs: number;
  /** a step whose call got no answer is undone this long after, once what it asked can have been made */
  lateWriteMs: number;
  /**
   * Runs a recovery pass's work on an operation alone among the operations on its order, as
   * requests are run (SagaStore.oneAtATime), so that a step run again checks the order as it runs;
   * LockWaitExpiredError at once when a request holds the order: the pass leaves it for later.
   */
  aloneOnOrder<T>(state: SagaState, work: () => Promise<T>): Promise<T>;
}

export class SagaRunner {
  /** requests working on a key: a second request with the key and the same input shares the first one's answer */
  private readonly inFlight = new InFlight(conflict);
  /** recovery passes working on a key (they answer nobody) */
  private readonly settling = new Map<string, Promise<void>>();
  private readonly options: RunnerOptions;
  /** this runner's leases: the operations it works on are its own until it stops renewing them */
  private readonly lease: Lease;

  constructor(
    private readonly store: SagaStore,
    private readonly sagas: Record<string, Saga<SagaState>>,
    private readonly logger: Logger,
    options: Partial<RunnerOptions> = {},
  ) {
    this.options = {
      maxRefusals: MAX_REFUSALS,
      leaseMs: LEASE_MS,
      lateWriteMs: LATE_WRITE_MS,
      aloneOnOrder: (_, work) => work(),
      ...options,
    };
    this.lease = { owner: randomUUID(), ms: this.options.leaseMs };
  }

  /**
   * Runs the operation named by `key`, or answers what it already answered. `plan` checks and
   * prepares the request (reads only); it runs only when a new attempt starts. `earlierForms`: the
   * same input as earlier versions named it, whose replicas may have stored the key (a rolling deploy).
   */
  async execute<S extends SagaState>(
    saga: Saga<S>,
    key: string,
    input: unknown,
    plan: () => Promise<S>,
    earlierForms: readonly unknown[] = [],
  ): Promise<unknown> {
    const hash = inputHash(saga.kind, input);
    // the earlier forms hashed only for a key already stored under another hash: most keys are new
    const sameRequest = (stored: string) => stored === hash || earlierForms.some((form) => inputHash(saga.kind, form) === stored);
    const existing = await this.store.get(key);
    if (existing && (existing.kind !== saga.kind || !sameRequest(existing.inputHash))) throw conflict();
    // a request working on the key may not be in the store yet (still planning): the key is taken all the same
    const running = this.inFlight.joining(key, hash);
    if (running) return running;
    // a recovery pass settling this key: let it end, then answer from what it left
    await this.settling.get(key);
    return this.inFlight.joining(key, hash) ?? this.inFlight.track(key, hash, this.start(saga, key, hash, sameRequest, plan));
  }

  private async start<S extends SagaState>(
    saga: Saga<S>,
    key: string,
    hash: string,
    sameRequest: (stored: string) => boolean,
    plan: () => Promise<S>,
  ): Promise<unknown> {
    let op = await this.store.get(key);
    if (!op) {
      const { operation, created } = await this.store.begin(key, saga.kind, hash, await plan(), this.lease);
      if (created) return this.holding(key, () => this.drive(saga, operation, 0));
      // another replica claimed the key while this one planned
      if (operation.kind !== saga.kind || !sameRequest(operation.inputHash)) throw conflict();
      op = operation;
    }
    if (unfinished(op)) {
      // interrupted (a crash) or waiting for a retry: settle it before answering, unless a
      // replica still works on it (the key's first request, or its recovery)
      const claimed = await this.store.claim(key, this.lease);
      // past its point of no return it stands, whoever runs its last steps: its answer is stored
      if (!claimed && op.status === 'finishing' && op.result !== null) return op.result;
      if (!claimed) throw firstStillRunning();
      await this.holding(key, () => this.settle(claimed));
      op = (await this.store.get(key))!;
    }
    switch (op.status) {
      case 'succeeded':
      case 'finishing':
        return op.result;
      case 'parked':
        // past the point of no return the operation stands: its client was told so
        if (op.result !== null) return op.result;
        throw parkedAnswer(op.refusal?.message ?? 'it failed part-way and could not be undone');
      case 'failed': {
        if (!TRANSIENT.has(op.error!.code)) throw rethrow(op.error!);
        if (!(await this.store.restart(key, await plan(), this.lease))) throw firstStillRunning();
        return this.holding(key, async () => this.drive(saga, (await this.store.get(key))!, 0));
      }
      default:
        throw graphqlError(
          'SYSTEM_UNAVAILABLE',
          'An earlier attempt with this key is still being settled (undone, or a step in doubt run again); retry later',
          {
            system: op.error?.extensions.system ?? null,
          },
        );
    }
  }

  /** Renews the lease on the operation while `work` runs: a replica that dies stops renewing it. */
  private async holding<T>(key: string, work: () => Promise<T>): Promise<T> {
    const renew = () => void this.store.renew(key, this.lease).catch((err) => this.logger.warn({ key, err }, 'saga lease not renewed'));
    const timer = setInterval(renew, this.lease.ms / 3);
    timer.unref();
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  /**
   * Runs the steps from `from` on; undoes or finishes as the saga's pivot says when one fails.
   * `again`: step `from` is run again, its first call in doubt, which only a refusal now settles.
   */
  private async drive(saga: Saga<SagaState>, op: Operation, from: number, again = false): Promise<unknown> {
    let state = op.state;
    for (let seq = from; seq < saga.steps.length; seq++) {
      const step = saga.steps[seq];
      await this.store.stepStarted(op.key, seq, step.name);
      try {
        state = { ...state, ...(await step.run(state)) };
        await this.store.stepEnded(op.key, seq, 'done', state);
      } catch (err) {
        if (seq >= saga.pivot) {
          const parked = (await this.mustPark(op.key, step.name, err)) !== null;
          this.logger.warn(
            { key: op.key, step: step.name, err },
            parked ? 'saga parked' : 'saga step after the pivot failed: it will be retried',
          );
          const result = saga.result(state);
          await this.store.finish(op.key, parked ? 'parked' : 'finishing', { result });
          return result;
        }
        const error = stored(err);
        const inDoubt = mayHaveHappened(err) || (again && seq === from && !saidNo(err));
        if (inDoubt && step.repeatable) {
          await this.store.release(op.key, error);
          throw rethrow(error);
        }
        // No answer came: the system may still make what the step asked, after an undo looked for it
        // and found nothing. The steps before it are undone now; its own undo waits until what it
        // asked can have been made (a recovery pass, or the key's next request, then runs it).
        const late = wentUnanswered(err) && step.findsLateWrites ? this.options.lateWriteMs : undefined;
        if (late !== undefined)
          this.logger.warn({ key: op.key, step: step.name, waitMs: late }, 'no answer: its undo waits for a late write');
        // a refused step did nothing: there is nothing of it to undo, now or after a restart
        if (!inDoubt) await this.store.stepEnded(op.key, seq, 'compensated', state);
        const steps = await this.store.steps(op.key);
        const parked = await this.undo(saga, { ...op, state }, steps, inDoubt && late === undefined ? seq : seq - 1, error, late);
        throw parked === null ? rethrow(error) : parkedAnswer(parked);
      }
    }
    const result = saga.result(state);
    await this.store.finish(op.key, 'succeeded', { result });
    return result;
  }

  /**
   * Undoes the steps up to `last`, newest first; what cannot be undone now waits for recovery, and
   * so does the step after `last` for `lateWriteMs` when given (a call without an answer).
   * Answers why, when the operation had to be parked.
   */
  private async undo(
    saga: Saga<SagaState>,
    op: Operation,
    records: StepRecord[],
    last: number,
    error: StoredError,
    lateWriteMs?: number,
  ): Promise<string | null> {
    let complete = true;
    let parked: string | null = null;
    for (let seq = last; seq >= 0; seq--) {
      const record = records.find((r) => r.seq === seq);
      if (!record || record.status === 'compensated') continue;
      const step = saga.steps[seq];
      const inDoubt = record.status === 'started';
      if (inDoubt && !step.compensate) {
        // may have been done (a refund paid, goods handed over), and neither looked for nor undone
        // here: the legacy systems keep no key, so marked undone, its retry could do it twice. The
        // steps before it are left as they stand, for the operator who checks it.
        complete = false;
        parked = `its step ${step.name} may have been done in its legacy system, and can be neither undone nor done again: check it there`;
        await this.store.refused(op.key, step.name, { ...error, message: parked });
        this.logger.warn({ key: op.key, step: step.name }, 'saga parked: a step that may have been done and cannot be undone');
        break;
      }
      try {
        await step.compensate?.(op.state, { inDoubt, startedAt: record.startedAt });
        await this.store.stepEnded(op.key, seq, 'compensated', op.state);
      } catch (err) {
        complete = false;
        parked ??= await this.mustPark(op.key, step.name, err);
        this.logger.warn({ key: op.key, step: step.name, err }, parked ? 'saga parked' : 'compensation failed: it will be retried');
      }
    }
    if (lateWriteMs !== undefined && !parked) await this.store.awaitLateWrite(op.key, error, lateWriteMs);
    else await this.store.finish(op.key, complete ? 'failed' : parked ? 'parked' : 'compensating', { error });
    return parked;
  }

  /**
   * Why a retried step or undo must stop, or null: refused for good too many times, answered what
   * cannot be read (it was done: retried, it would be done twice), or found in doubt.
   */
  private async mustPark(key: string, step: string, err: unknown): Promise<string | null> {
    const e = stored(err);
    const why =
      err instanceof InDoubtError
        ? err.message
        : err instanceof MalformedAnswerError
          ? `The ${err.system} system answered what cannot be read: the step was done, check it there`
          : null;
    if (why !== null) {
      await this.store.refused(key, step, { ...e, message: why });
      return why;
    }
    return refusedForGood(err, e) && (await this.store.refused(key, step, e)) >= this.options.maxRefusals ? e.message : null;
  }

  /** Brings an unfinished operation to an end: forward past the pivot, undone before it. */
  private async settle(op: Operation): Promise<void> {
    const saga = this.sagas[op.kind];
    const records = await this.store.steps(op.key);
    const done = new Set(records.filter((r) => r.status === 'done').map((r) => r.seq));
    // The point of no return is passed once the step before the pivot is done: a crash while the
    // step after it ran (or between two steps after it) leaves that step to finish, not to undo.
    if (done.has(saga.pivot - 1) || op.status === 'finishing') {
      let next = saga.pivot;
      while (done.has(next)) next++;
      await this.drive(saga, op, next).catch((err) => this.logger.warn({ key: op.key, err }, 'finishing failed'));
      return;
    }
    const again = records.find((r) => r.status === 'started' && saga.steps[r.seq].repeatable);
    if (again) {
      await this.drive(saga, op, again.seq, true).catch((err) =>
        this.logger.warn({ key: op.key, err }, 'a step in doubt, run again, failed'),
      );
      return;
    }
    const error =
      op.status === 'compensating' && op.error
        ? op.error
        : stored(graphqlError('INTERNAL', 'The operation was interrupted and undone; retry with the same key'));
    const last = records.length ? Math.max(...records.map((r) => r.seq)) : -1;
    await this.undo(saga, op, records, last, error);
  }

  /**
   * One recovery pass over the unfinished operations no replica holds: each is claimed with a lease
   * (a request or another replica's pass working on it holds one), so it is settled once.
   */
  async recover(): Promise<number> {
    const tried: string[] = [];
    let settled = 0;
    for (;;) {
      const op = await this.store.claimNext(tried, this.lease);
      if (!op) return settled;
      tried.push(op.key);
      // a request on its order holds the order's lock and may wait for this pass (settling): the
      // pass never waits for it, and gives the operation back to that request
      try {
        await this.options.aloneOnOrder(op.state, async () => {
          const work = this.holding(op.key, () => this.settle(op));
          this.settling.set(op.key, work);
          await work.finally(() => this.settling.delete(op.key));
        });
        settled++;
      } catch (err) {
        if (err instanceof LockWaitExpiredError) await this.store.unlease(op.key, this.lease);
        else this.logger.error({ key: op.key, err }, 'recovery failed');
      }
    }
  }
}

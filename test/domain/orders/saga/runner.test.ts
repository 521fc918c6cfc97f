import { GraphQLError } from 'graphql';
import { freshDatabaseUrl } from '../../../databases';
import { openDatabase, type Db } from '../../../../platform/db';
import {
  DatabaseUnavailableError,
  InDoubtError,
  LegacyRejectedError,
  LegacyUnavailableError,
  MalformedAnswerError,
  NothingDoneError,
  UnansweredError,
} from '../../../../platform/errors';
import { createLogger } from '../../../../platform/logging';
import { inputHash, SagaRunner, type Saga } from '../../../../domain/orders/saga/runner';
import { SagaStore } from '../../../../domain/orders/saga/store';
import { settleParkedSaga } from '../../../../domain/orders/saga/operatorSettlement';

interface State extends Record<string, unknown> {
  n: number;
  a?: string;
  b?: string;
}

/** A fake legacy world: what each step did and undid, and which step fails next. */
function world() {
  const log: string[] = [];
  const failures = new Map<string, Error>();
  const saga: Saga<State> = {
    kind: 'test',
    pivot: 2,
    result: (s) => ({ a: s.a, b: s.b }),
    steps: ['a', 'b', 'c'].map((name) => ({
      name,
      run: async (s: State) => {
        const failure = failures.get(name);
        if (failure) {
          failures.delete(name);
          throw failure;
        }
        log.push(`do ${name}`);
        return name === 'c' ? {} : { [name]: `${name}-${s.n}` };
      },
      compensate: async (_s: State, { inDoubt }: { inDoubt: boolean }) => {
        log.push(`undo ${name}${inDoubt ? ' (in doubt)' : ''}`);
      },
    })),
  };
  return { log, failures, saga };
}

let store: SagaStore;
let url: string;
const logger = createLogger('silent');
beforeEach(async () => {
  url = await freshDatabaseUrl();
  store = await SagaStore.open(track(openDatabase(url)));
});

const opened: Db[] = [];
const track = (db: Db) => (opened.push(db), db);
afterAll(() => Promise.all(opened.map((db) => db.close())));
/** a second replica's pool on the test's database */
const secondReplica = () => SagaStore.open(track(openDatabase(url)));
const hashOf = (saga: Saga<State>, input: unknown) => inputHash(saga.kind, input);

const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as GraphQLError).extensions.code;
  }
  return 'no error';
};

describe('SagaRunner', () => {
  it('runs every step once and answers the stored result to the same key', async () => {
    const { log, saga } = world();
    const runner = new SagaRunner(store, { test: saga }, logger);
    const plan = jest.fn(async () => ({ n: 1 }));
    expect(await runner.execute(saga, 'k1', { x: 1 }, plan)).toEqual({ a: 'a-1', b: 'b-1' });
    expect(await runner.execute(saga, 'k1', { x: 1 }, plan)).toEqual({ a: 'a-1', b: 'b-1' });
    expect(log).toEqual(['do a', 'do b', 'do c']);
    expect(plan).toHaveBeenCalledTimes(1);
  });

  it('shares one run between two requests arriving at once', async () => {
    const { log, saga } = world();
    const runner = new SagaRunner(store, { test: saga }, logger);
    const [x, y] = await Promise.all([
      runner.execute(saga, 'k', {}, async () => ({ n: 1 })),
      runner.execute(saga, 'k', {}, async () => ({ n: 2 })),
    ]);
    expect(x).toEqual(y);
    expect(log).toEqual(['do a', 'do b', 'do c']);
  });

  it('refuses the same key with another input: CONFLICT', async () => {
    const { saga } = world();
    const runner = new SagaRunner(store, { test: saga }, logger);
    await runner.execute(saga, 'k', { x: 1 }, async () => ({ n: 1 }));
    expect(await code(runner.execute(saga, 'k', { x: 2 }, async () => ({ n: 1 })))).toBe('CONFLICT');
  });

  it("answers a key stored by an earlier version's replica under an earlier form of the same input (a rolling deploy), and nothing else", async () => {
    const { saga, log } = world();
    const before = new SagaRunner(store, { test: saga }, logger);
    const first = await before.execute(saga, 'k', { x: 1, codes: [] }, async () => ({ n: 1 }));
    const now = new SagaRunner(store, { test: saga }, logger);
    expect(await code(now.execute(saga, 'k', { x: 1 }, async () => ({ n: 2 })))).toBe('CONFLICT');
    expect(
      await now.execute(saga, 'k', { x: 1 }, async () => ({ n: 2 }), [
        { x: 1, codes: null },
        { x: 1, codes: [] },
      ]),
    ).toEqual(first);
    expect(await code(now.execute(saga, 'k', { x: 2 }, async () => ({ n: 2 }), [{ x: 2, codes: [] }]))).toBe('CONFLICT');
    expect(log).toEqual(['do a', 'do b', 'do c']);
  });

  it('refuses another input with the key of a request still running: CONFLICT, and the first runs alone', async () => {
    const { log, saga } = world();
    const runner = new SagaRunner(store, { test: saga }, logger);
    const first = runner.execute(saga, 'k', { customer: 'alice' }, async () => ({ n: 1 }));
    const second = runner.execute(saga, 'k', { customer: 'bob' }, async () => ({ n: 2 }));
    expect(await code(second)).toBe('CONFLICT');
    expect(await first).toEqual({ a: 'a-1', b: 'b-1' });
    expect(log).toEqual(['do a', 'do b', 'do c']);
  });

  it.each([
    ['refused', new LegacyRejectedError('pos', 'insufficient_stock', ''), 'INTERNAL'],
    ['a call that never reached its system', new NothingDoneError('pos', 'POST /pos/returns: ECONNREFUSED'), 'SYSTEM_UNAVAILABLE'],
  ])('undoes the steps done, newest first, when one fails before the pivot having done nothing (%s)', async (_, failure, answered) => {
    const { log, failures, saga } = world();
    const runner = new SagaRunner(store, { test: saga }, logger);
    failures.set('b', failure);
    expect(await code(runner.execute(saga, 'k', {}, async () => ({ n: 1 })))).toBe(answered);
    expect(log).toEqual(['do a', 'undo a']);
    expect((await store.get('k'))!.status).toBe('failed');
  });

  it.each([
    ['the database failing as it recorded its call', new DatabaseUnavailableError('connection reset'), 'SYSTEM_UNAVAILABLE'],
    ['a bug after its call', new TypeError("Cannot read properties of undefined (reading 'id')"), 'INTERNAL'],
  ])('treats a step that failed with %s as in doubt, and undoes it too', async (_, failure, answered) => {
    const { log, failures, saga } = world();
    const runner = new SagaRunner(store, { test: saga }, logger);
    failures.set('b', failure);
    expect(await code(runner.execute(saga, 'k', {}, async () => ({ n: 1 })))).toBe(answered);
    expect(log).toEqual(['do a', 'undo b (in doubt)', 'undo a']);
  });

  it('parks an operation whose step was done and cannot be undone (its record failed), and never runs it again', async () => {
    const { log, failures, saga } = world();
    const runner = new SagaRunner(store, { test: saga }, logger);
    delete saga.steps[1].compensate;
    failures.set('b', new DatabaseUnavailableError('connection reset'));
    expect(await code(runner.execute(saga, 'k', {}, async () => ({ n: 1 })))).toBe('CONFLICT');
    expect((await store.get('k'))!.status).toBe('parked');
    expect(await store.needingAttention()).toEqual([expect.objectContaining({ key: 'k', step: 'b' })]);
    // the same key again: told to wait for an operator, nothing sent again
    expect(await code(runner.execute(saga, 'k', {}, async () => ({ n: 1 })))).toBe('CONFLICT');
    expect(log).toEqual(['do a']);
  });

  describe('a step in doubt that nothing can undo (a return: the legacy systems keep no key)', () => {
    const lost = () => new LegacyUnavailableError('eshop', 'timeout of 4000ms exceeded');
    const answer = async (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: GraphQLError) => ({ code: e.extensions.code, retryable: e.extensions.retryable, message: e.message }),
      );

    it('parks its operation at once, told as such to its client, and is never done again under the key', async () => {
      const { log, failures, saga } = world();
      delete saga.steps[1].compensate;
      const runner = new SagaRunner(store, { test: saga }, logger);
      failures.set('b', lost());
      const first = await answer(runner.execute(saga, 'k', {}, async () => ({ n: 1 })));
      expect(first).toEqual({
        code: 'CONFLICT',
        retryable: undefined,
        message: expect.stringMatching(/operator.*step b may have been done/),
      });
      expect(await answer(runner.execute(saga, 'k', {}, async () => ({ n: 1 })))).toEqual(first);
      for (let pass = 0; pass < 3; pass++) await runner.recover();
      // the steps before it left as they stand, for the operator who checks it
      expect(log).toEqual(['do a']);
      expect(await store.needingAttention()).toEqual([
        expect.objectContaining({
          key: 'k',
          step: 'b',
          reason: expect.objectContaining({ message: expect.stringContaining('may have been done') }),
        }),
      ]);
    });

    it('an operator who found it not done closes it failed: the same key then runs anew', async () => {
      const { log, failures, saga } = world();
      delete saga.steps[1].compensate;
      const runner = new SagaRunner(store, { test: saga }, logger);
      failures.set('b', lost());
      await answer(runner.execute(saga, 'k', {}, async () => ({ n: 1 })));
      // README, "Parked sagas": what the operator runs
      await track(openDatabase(url)).run(`UPDATE operations SET status = 'failed' WHERE key = 'k'`);
      expect(await runner.execute(saga, 'k', {}, async () => ({ n: 2 }))).toEqual({ a: 'a-2', b: 'b-2' });
      expect(log).toEqual(['do a', 'do a', 'do b', 'do c']);
    });

    /** Step b repeatable, its first run's answer lost: what its first request was told, and the world after it. */
    async function repeatableLost() {
      const { log, failures, saga } = world();
      saga.steps[1] = { ...saga.steps[1], repeatable: true, compensate: undefined };
      const locked: unknown[] = [];
      const runner = new SagaRunner(store, { test: saga }, logger, { aloneOnOrder: (state, work) => (locked.push(state), work()) });
      failures.set('b', lost());
      const first = await answer(runner.execute(saga, 'k', {}, async () => ({ n: 1 })));
      return { log, failures, saga, runner, first, locked };
    }

    it("but a repeatable one (it finds itself done) is run again by the key's next request, and the saga goes on", async () => {
      const { log, saga, runner, first } = await repeatableLost();
      expect(first).toMatchObject({ code: 'SYSTEM_UNAVAILABLE' });
      expect((await store.get('k'))!.status).toBe('running');
      expect(await runner.execute(saga, 'k', {}, async () => ({ n: 2 }))).toEqual({ a: 'a-1', b: 'b-1' });
      expect(log).toEqual(['do a', 'do b', 'do c']);
      expect(await store.needingAttention()).toEqual([]);
    });

    it('or by the recovery pass, when its client never asks again, alone on its order', async () => {
      const { log, runner, locked } = await repeatableLost();
      expect(await runner.recover()).toBe(1);
      expect((await store.get('k'))!.status).toBe('succeeded');
      expect(log).toEqual(['do a', 'do b', 'do c']);
      expect(locked).toEqual([{ n: 1, a: 'a-1' }]);
    });

    it('leaves an operation whose order a request holds to that request: the pass neither waits for the order nor keeps its lease', async () => {
      const { log, failures, saga } = world();
      saga.steps[1] = { ...saga.steps[1], repeatable: true, compensate: undefined };
      const runner = new SagaRunner(store, { test: saga }, logger, {
        aloneOnOrder: (state, work) => store.aloneOnOrder(String(state.orderId), work),
      });
      failures.set('b', lost());
      await code(runner.execute(saga, 'k', {}, async () => ({ n: 1, orderId: 'W-1' })));
      await store.oneAtATime('W-1', async () => {
        expect(await runner.recover()).toBe(0);
        expect(await store.claim('k', { owner: 'the request', ms: 60_000 })).not.toBeNull();
        await store.unlease('k', { owner: 'the request', ms: 60_000 });
      });
      expect(await runner.recover()).toBe(1);
      expect(log).toEqual(['do a', 'do b', 'do c']);
    });

    it('run again and not sent (an open breaker): still in doubt, run again by the next pass', async () => {
      const { log, failures, runner } = await repeatableLost();
      failures.set('b', new NothingDoneError('eshop', 'circuit open'));
      await runner.recover();
      expect((await store.get('k'))!.status).toBe('running');
      await runner.recover();
      expect((await store.get('k'))!.status).toBe('succeeded');
      expect(log).toEqual(['do a', 'do b', 'do c']);
    });

    it('a repeatable step refused when run again: undone as any refusal', async () => {
      const { log, failures, saga, runner } = await repeatableLost();
      failures.set('b', new GraphQLError('shipped', { extensions: { code: 'CONFLICT' } }));
      expect(await code(runner.execute(saga, 'k', {}, async () => ({ n: 1 })))).toBe('CONFLICT');
      expect((await store.get('k'))!.status).toBe('failed');
      expect(log).toEqual(['do a', 'undo a']);
    });
  });

  describe('a step whose call got no answer: its system may still carry it out, late', () => {
    const unanswered = () => new UnansweredError('pos', 'POST /pos/sales: timeout of 3000ms exceeded');

    it('one whose undo looks for what it made: the steps before it undone at once, it once what it asked can have been made', async () => {
      const { log, failures, saga } = world();
      const looking = { ...saga, steps: saga.steps.map((s) => ({ ...s, findsLateWrites: s.name === 'b' })) };
      const runner = new SagaRunner(store, { test: looking }, logger, { lateWriteMs: 60_000 });
      failures.set('b', unanswered());
      expect(await code(runner.execute(looking, 'k', {}, async () => ({ n: 1 })))).toBe('SYSTEM_UNAVAILABLE');
      expect(await runner.recover()).toBe(0);
      expect(await code(runner.execute(looking, 'k', {}, async () => ({ n: 1 })))).toBe('CONFLICT'); // retry later
      expect(await store.inDoubtCount()).toBe(1);
      expect(log).toEqual(['do a', 'undo a']);
      // the time it may take gone by
      await track(openDatabase(url)).run(`UPDATE operations SET lease_until = now() - interval '1 second'`);
      expect(await runner.recover()).toBe(1);
      expect(log).toEqual(['do a', 'undo a', 'undo b (in doubt)']);
      expect((await store.get('k'))!.status).toBe('failed');
      expect(await store.inDoubtCount()).toBe(0);
    });

    it('any other: undone at once, in doubt (nothing to look for later)', async () => {
      const { log, failures, saga } = world();
      const runner = new SagaRunner(store, { test: saga }, logger, { lateWriteMs: 60_000 });
      failures.set('b', unanswered());
      expect(await code(runner.execute(saga, 'k', {}, async () => ({ n: 1 })))).toBe('SYSTEM_UNAVAILABLE');
      expect(log).toEqual(['do a', 'undo b (in doubt)', 'undo a']);
    });
  });

  it('treats a step its system answered with a failure (a 5xx) as in doubt, and undoes it at once: nothing of it can land later', async () => {
    const { log, failures, saga } = world();
    const runner = new SagaRunner(store, { test: saga }, logger);
    failures.set('b', new LegacyUnavailableError('eshop', 'POST /api/v2/orders: HTTP 503'));
    expect(await code(runner.execute(saga, 'k', {}, async () => ({ n: 1 })))).toBe('SYSTEM_UNAVAILABLE');
    expect(log).toEqual(['do a', 'undo b (in doubt)', 'undo a']);
  });

  it('tries again with the same key after a transient failure that left nothing behind', async () => {
    const { log, failures, saga } = world();
    const runner = new SagaRunner(store, { test: saga }, logger);
    failures.set('a', new LegacyUnavailableError('pos', 'down'));
    expect(await code(runner.execute(saga, 'k', {}, async () => ({ n: 1 })))).toBe('SYSTEM_UNAVAILABLE');
    expect(await runner.execute(saga, 'k', {}, async () => ({ n: 2 }))).toEqual({ a: 'a-2', b: 'b-2' });
    expect(log.filter((l) => l.startsWith('do'))).toEqual(['do a', 'do b', 'do c']);
  });

  it('answers a business failure again without retrying it', async () => {
    const { log, failures, saga } = world();
    const runner = new SagaRunner(store, { test: saga }, logger);
    failures.set('a', new GraphQLError('no stock', { extensions: { code: 'INSUFFICIENT_STOCK' } }));
    expect(await code(runner.execute(saga, 'k', {}, async () => ({ n: 1 })))).toBe('INSUFFICIENT_STOCK');
    expect(await code(runner.execute(saga, 'k', {}, async () => ({ n: 1 })))).toBe('INSUFFICIENT_STOCK');
    expect(log).toEqual([]);
  });

  it('finishes forward past the pivot: the answer is given, the step retried by recovery', async () => {
    const { log, failures, saga } = world();
    const runner = new SagaRunner(store, { test: saga }, logger);
    failures.set('c', new LegacyUnavailableError('loyalty', 'down'));
    expect(await runner.execute(saga, 'k', {}, async () => ({ n: 1 }))).toEqual({ a: 'a-1', b: 'b-1' });
    expect((await store.get('k'))!.status).toBe('finishing');
    expect(await runner.recover()).toBe(1);
    expect((await store.get('k'))!.status).toBe('succeeded');
    expect(log).toEqual(['do a', 'do b', 'do c']);
  });

  it('answers the key of an operation past its point of no return while another replica finishes it: it stands', async () => {
    const { log, failures, saga } = world();
    const runner = new SagaRunner(store, { test: saga }, logger);
    failures.set('c', new LegacyUnavailableError('loyalty', 'down'));
    const answer = await runner.execute(saga, 'k', {}, async () => ({ n: 1 }));
    expect(await store.claim('k', { owner: 'another replica', ms: 60_000 })).not.toBeNull(); // its recovery pass
    expect(await runner.execute(saga, 'k', {}, async () => ({ n: 1 }))).toEqual(answer);
    expect(log).toEqual(['do a', 'do b']);
  });

  /** A process that died during step b: step a done, step b started, then nothing (and its lease ran out). */
  const diedDuringB = async () => {
    await store.begin('k', 'test', inputHash('test', {}), { n: 1, a: 'a-1' }, { owner: 'dead', ms: 0 });
    await store.stepStarted('k', 0, 'a');
    await store.stepEnded('k', 0, 'done', { n: 1, a: 'a-1' });
    await store.stepStarted('k', 1, 'b');
  };

  it('after a crash between two steps, a new process undoes what the dead one did', async () => {
    const { log, saga } = world();
    await diedDuringB();
    const runner = new SagaRunner(store, { test: saga }, logger);
    expect(await runner.recover()).toBe(1);
    expect(log).toEqual(['undo b (in doubt)', 'undo a']);
    expect((await store.get('k'))!.status).toBe('failed');
    expect(await runner.recover()).toBe(0);
  });

  it('after a crash during a step that nothing can undo, parks the operation rather than take it for undone', async () => {
    const { log, saga } = world();
    delete saga.steps[1].compensate;
    await diedDuringB();
    const runner = new SagaRunner(store, { test: saga }, logger);
    expect(await runner.recover()).toBe(1);
    expect((await store.get('k'))!.status).toBe('parked');
    expect(await store.needingAttention()).toEqual([expect.objectContaining({ key: 'k', step: 'b' })]);
    expect(log).toEqual([]);
    // its key says why, and nothing about retrying
    const told = await runner.execute(saga, 'k', {}, async () => ({ n: 1 })).catch((e: GraphQLError) => e);
    expect(told).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('step b may have been done') });
    expect((told as GraphQLError).message).not.toMatch(/retry/);
  });

  it('after a crash during a repeatable step, runs it again and goes on', async () => {
    const { log, saga } = world();
    saga.steps[1] = { ...saga.steps[1], repeatable: true, compensate: undefined };
    await diedDuringB();
    const runner = new SagaRunner(store, { test: saga }, logger);
    expect(await runner.recover()).toBe(1);
    expect((await store.get('k'))!.status).toBe('succeeded');
    expect(log).toEqual(['do b', 'do c']);
  });

  it('leaves an operation whose lease still runs to its replica: recovery does not take it, a request with its key is told it runs', async () => {
    const { log, saga } = world();
    await store.begin('k', 'test', hashOf(saga, {}), { n: 1 }, { owner: 'alive', ms: 60_000 });
    await store.stepStarted('k', 0, 'a');
    const runner = new SagaRunner(store, { test: saga }, logger);
    expect(await runner.recover()).toBe(0);
    const refused = runner.execute(saga, 'k', {}, async () => ({ n: 1 }));
    await expect(refused).rejects.toThrow(/still running/);
    await expect(refused).rejects.toMatchObject({ extensions: { code: 'CONFLICT', retryable: true } });
    expect(log).toEqual([]);
  });

  describe('two replicas on one database', () => {
    it('the same key sent to both at once: one run, the other told it runs or given its answer', async () => {
      const { log, saga } = world();
      const other = await secondReplica();
      const [a, b] = [new SagaRunner(store, { test: saga }, logger), new SagaRunner(other, { test: saga }, logger)];
      for (let i = 0; i < 20; i++) {
        const key = `k${i}`;
        const answers = await Promise.allSettled([a, b].map((r) => r.execute(saga, key, {}, async () => ({ n: i }))));
        const told = answers.map((x) => (x.status === 'fulfilled' ? 'answer' : (x.reason as GraphQLError).extensions.code));
        expect(told.filter((t) => t === 'answer').length).toBeGreaterThan(0);
        expect(told.every((t) => t === 'answer' || t === 'CONFLICT')).toBe(true);
        expect(await b.execute(saga, key, {}, async () => ({ n: -1 }))).toEqual({ a: `a-${i}`, b: `b-${i}` });
      }
      expect(log.filter((l) => l === 'do a')).toHaveLength(20);
    });

    it('an interrupted operation is settled once, by whichever replica claims it', async () => {
      const { log, saga } = world();
      for (const key of ['x', 'y', 'z']) {
        await store.begin(key, 'test', 'h', { n: 1, a: 'a-1' }, { owner: 'dead', ms: 0 });
        await store.stepStarted(key, 0, 'a');
        await store.stepEnded(key, 0, 'done', { n: 1, a: 'a-1' });
      }
      const other = await secondReplica();
      const [a, b] = [new SagaRunner(store, { test: saga }, logger), new SagaRunner(other, { test: saga }, logger)];
      const settled = await Promise.all([a.recover(), b.recover()]);
      expect(settled[0] + settled[1]).toBe(3);
      expect(log).toEqual(['undo a', 'undo a', 'undo a']);
    });
  });

  it('keeps a compensation that fails for later, and tries anew once everything is undone', async () => {
    const { log, failures, saga } = world();
    const flaky = { ...saga, steps: saga.steps.map((s) => ({ ...s })) };
    let undoFails = 1;
    flaky.steps[0].compensate = async () => {
      if (undoFails-- > 0) throw new LegacyUnavailableError('pos', 'down');
      log.push('undo a');
    };
    const runner = new SagaRunner(store, { test: flaky }, logger);
    failures.set('b', new LegacyRejectedError('eshop', 'bad_request', ''));
    await code(runner.execute(flaky, 'k', {}, async () => ({ n: 1 })));
    expect((await store.get('k'))!.status).toBe('compensating');
    // the same key again: the pending undo runs first, then a new attempt
    expect(await runner.execute(flaky, 'k', {}, async () => ({ n: 2 }))).toEqual({ a: 'a-2', b: 'b-2' });
    expect(log).toEqual(['do a', 'undo a', 'do a', 'do b', 'do c']);
    expect((await store.get('k'))!.status).toBe('succeeded');
  });

  describe('a step refused for good is parked after a few attempts, not retried for ever', () => {
    const refusal = () => new LegacyRejectedError('eshop', 'invalid_state', '');

    it('past the pivot: parked with its reason, left alone by recovery', async () => {
      const { log, saga } = world();
      const stuck = { ...saga, steps: saga.steps.map((s) => ({ ...s })) };
      let calls = 0;
      stuck.steps[2].run = async () => {
        calls++;
        throw refusal();
      };
      const runner = new SagaRunner(store, { test: stuck }, logger, { maxRefusals: 3 });
      expect(await runner.execute(stuck, 'k', {}, async () => ({ n: 1 }))).toEqual({ a: 'a-1', b: 'b-1' });
      for (let pass = 0; pass < 6; pass++) await runner.recover();
      expect(calls).toBe(3);
      expect((await store.get('k'))!.status).toBe('parked');
      expect(await store.needingAttention()).toEqual([
        expect.objectContaining({ key: 'k', kind: 'test', step: 'c', refusals: 3, reason: expect.objectContaining({ code: 'INTERNAL' }) }),
      ]);
      // the same key still answers what the client was told
      expect(await runner.execute(stuck, 'k', {}, async () => ({ n: 1 }))).toEqual({ a: 'a-1', b: 'b-1' });
      expect(log).toEqual(['do a', 'do b']);
    });

    it('an undo refused for good: parked, never shown failed as if undone', async () => {
      const { log, failures, saga } = world();
      const stuck = { ...saga, steps: saga.steps.map((s) => ({ ...s })) };
      stuck.steps[0].compensate = async () => {
        throw refusal();
      };
      const runner = new SagaRunner(store, { test: stuck }, logger, { maxRefusals: 2 });
      failures.set('b', new LegacyRejectedError('pos', 'insufficient_stock', ''));
      await code(runner.execute(stuck, 'k', {}, async () => ({ n: 1 })));
      for (let pass = 0; pass < 6; pass++) await runner.recover();
      expect((await store.get('k'))!.status).toBe('parked');
      expect(await store.needingAttention()).toEqual([expect.objectContaining({ key: 'k', step: 'a', refusals: 2 })]);
      expect(await code(runner.execute(stuck, 'k', {}, async () => ({ n: 2 })))).toBe('CONFLICT');
      expect(log).toEqual(['do a']);
    });

    it('an undo found in doubt (sent before, its answer lost): parked at once, not tried again', async () => {
      const { log, failures, saga } = world();
      const doubtful = { ...saga, steps: saga.steps.map((s) => ({ ...s })) };
      let undos = 0;
      doubtful.steps[0].compensate = async () => {
        undos++;
        throw new InDoubtError('The POS return undoing sale S may have been made: check it at the till');
      };
      const runner = new SagaRunner(store, { test: doubtful }, logger);
      failures.set('b', new LegacyRejectedError('pos', 'insufficient_stock', ''));
      expect(await code(runner.execute(doubtful, 'k', {}, async () => ({ n: 1 })))).toBe('CONFLICT');
      for (let pass = 0; pass < 3; pass++) await runner.recover();
      expect(undos).toBe(1);
      expect(await store.needingAttention()).toEqual([
        expect.objectContaining({
          key: 'k',
          step: 'a',
          refusals: 1,
          reason: expect.objectContaining({ message: expect.stringMatching(/till/) }),
        }),
      ]);
      expect(log).toEqual(['do a']);
    });

    describe("a placeOrder's undo parked in doubt, settled by an operator who checked it in its silo", () => {
      async function parkedUndo() {
        const { log, failures, saga } = world();
        const order = { ...saga, kind: 'placeOrder', steps: saga.steps.map((s) => ({ ...s })) };
        let undos = 0;
        order.steps[0].compensate = async () => {
          if (++undos === 1) throw new InDoubtError('The POS return undoing sale S may have been made: check it at the till');
          log.push('undo a');
        };
        const runner = new SagaRunner(store, { placeOrder: order }, logger);
        failures.set('b', new LegacyRejectedError('pos', 'insufficient_stock', ''));
        const start = async () => ({ n: 1, plan: { ref: 'OG-1' } }) as State;
        expect(await code(runner.execute(order, 'k', {}, start))).toBe('CONFLICT');
        expect((await store.get('k'))!.status).toBe('parked');
        return { log, runner, order, start, undos: () => undos };
      }

      it('found done there: taken as undone, the operation closed failed by the recovery pass, its key free to run anew', async () => {
        const { log, runner, order, start, undos } = await parkedUndo();
        await settleParkedSaga(store, 'k', 'DONE');
        expect(await runner.recover()).toBe(1);
        expect((await store.get('k'))!.status).toBe('failed');
        expect(undos()).toBe(1);
        expect(await runner.execute(order, 'k', {}, start)).toEqual({ a: 'a-1', b: 'b-1' });
        expect(log).toEqual(['do a', 'do a', 'do b', 'do c']);
      });

      it('found not done: undone again by the recovery pass', async () => {
        const { log, runner, undos } = await parkedUndo();
        await settleParkedSaga(store, 'k', 'NOT_DONE');
        expect(await runner.recover()).toBe(1);
        expect((await store.get('k'))!.status).toBe('failed');
        expect(undos()).toBe(2);
        expect(log).toEqual(['do a', 'undo a']);
      });
    });

    it('past the pivot, settled DONE by an operator who did its step by hand: the steps after it run, and it stands', async () => {
      const { log, saga } = world();
      const stuck = { ...saga, pivot: 1, steps: saga.steps.map((s) => ({ ...s })) };
      stuck.steps[1].run = async () => {
        throw refusal();
      };
      const runner = new SagaRunner(store, { test: stuck }, logger, { maxRefusals: 1 });
      expect(await runner.execute(stuck, 'k', {}, async () => ({ n: 1 }))).toEqual({ a: 'a-1', b: undefined });
      expect((await store.get('k'))!.status).toBe('parked');
      await settleParkedSaga(store, 'k', 'DONE');
      expect(await runner.recover()).toBe(1);
      expect((await store.get('k'))!.status).toBe('succeeded');
      expect(log).toEqual(['do a', 'do c']);
      expect(await runner.execute(stuck, 'k', {}, async () => ({ n: 1 }))).toEqual({ a: 'a-1', b: undefined });
    });

    it('a system that is down is not a refusal: still retried', async () => {
      const { saga } = world();
      const down = { ...saga, steps: saga.steps.map((s) => ({ ...s })) };
      down.steps[2].run = async () => {
        throw new LegacyUnavailableError('loyalty', 'down');
      };
      const runner = new SagaRunner(store, { test: down }, logger, { maxRefusals: 2 });
      await runner.execute(down, 'k', {}, async () => ({ n: 1 }));
      for (let i = 0; i < 5; i++) expect(await runner.recover()).toBe(1);
      expect((await store.get('k'))!.status).toBe('finishing');
      expect(await store.needingAttention()).toEqual([]);
    });
  });

  describe('an answer that came but cannot be read is not a lost answer', () => {
    const unreadable = () => new MalformedAnswerError('pos', 'POST /pos/returns', 'unparseable XML');

    it('past the pivot: the step was done, and is never done again; parked for an operator', async () => {
      const { saga } = world();
      const posReturn = { ...saga, steps: saga.steps.map((s) => ({ ...s })) };
      let calls = 0;
      posReturn.steps[2].run = async () => {
        calls++;
        throw unreadable();
      };
      const runner = new SagaRunner(store, { test: posReturn }, logger);
      expect(await runner.execute(posReturn, 'k', {}, async () => ({ n: 1 }))).toEqual({ a: 'a-1', b: 'b-1' });
      for (let pass = 0; pass < 3; pass++) await runner.recover();
      expect(calls).toBe(1);
      expect((await store.get('k'))!.status).toBe('parked');
      expect(await store.needingAttention()).toEqual([
        expect.objectContaining({ step: 'c', reason: expect.objectContaining({ code: 'SYSTEM_UNAVAILABLE' }) }),
      ]);
    });

    it('before the pivot: its effect exists, so it is undone as one in doubt', async () => {
      const { log, failures, saga } = world();
      const runner = new SagaRunner(store, { test: saga }, logger);
      failures.set('b', unreadable());
      await code(runner.execute(saga, 'k', {}, async () => ({ n: 1 })));
      expect(log).toEqual(['do a', 'undo b (in doubt)', 'undo a']);
    });
  });
});

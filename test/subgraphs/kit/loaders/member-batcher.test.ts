// The loyalty platform's members, looked up through one batcher for the process: look-ups arriving
// close together share a members:batchGet (the platform allows 20 requests a second), but a lone
// look-up does not wait for company: it is a customer page's last legacy call to answer otherwise.
import type { LoyaltyClient } from '../../../../adapters/loyalty/client';
import type { LoyaltyMember } from '../../../../adapters/loyalty/wire';
import { memberBatcher, membersOf } from '../../../../subgraphs/kit/loaders/loyalty';
import { LegacyUnavailableError } from '../../../../platform/errors';

const WINDOW_MS = 5;

/** The platform, answering after `answerMs` of the fake clock (at once: 0). */
function fakeLoyalty(answerMs = 0) {
  const calls: string[][] = [];
  let balance = 100;
  let failure: Error | null = null;
  /** how long the platform's rate would hold a call back now */
  const rate = { delayMs: 0 };
  const loyalty = {
    batchGetMembers: async (cards: readonly string[]) => {
      calls.push([...cards]);
      const failed = failure;
      failure = null;
      if (answerMs > 0) await new Promise((resolve) => setTimeout(resolve, answerMs));
      if (failed) throw failed;
      return cards.filter((card) => card !== 'UNKNOWN').map((card) => ({ card_number: card, points_balance: balance }) as LoyaltyMember);
    },
    delayMs: () => rate.delayMs,
  } as unknown as LoyaltyClient;
  return {
    loyalty,
    calls,
    rate,
    setBalance: (points: number) => void (balance = points),
    failNext: (err: Error) => void (failure = err),
  };
}

/** Lets what is due now run (promise jobs, ticks, immediates), the fake clock standing still. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('memberBatcher', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('sends a lone look-up at once, with the look-ups of the same tick, without waiting for the window', async () => {
    const { loyalty, calls } = fakeLoyalty();
    const members = memberBatcher(loyalty, { windowMs: WINDOW_MS });
    const found = Promise.all([members.load('A'), members.load('B')]);
    await settle();
    expect(calls).toEqual([['A', 'B']]);
    expect((await found).map((m) => m?.card_number)).toEqual(['A', 'B']);
  });

  it('gathers the look-ups arriving within the window after a call into one call, sent when the window ends', async () => {
    const { loyalty, calls } = fakeLoyalty();
    const members = memberBatcher(loyalty, { windowMs: WINDOW_MS });
    void members.load('A');
    await settle();
    await jest.advanceTimersByTimeAsync(1);
    void members.load('B');
    await jest.advanceTimersByTimeAsync(2);
    void members.load('C');
    await settle();
    expect(calls).toEqual([['A']]);
    await jest.advanceTimersByTimeAsync(WINDOW_MS);
    await settle();
    expect(calls).toEqual([['A'], ['B', 'C']]);
  });

  it('sends at once again once the window after the last call has passed', async () => {
    const { loyalty, calls } = fakeLoyalty();
    const members = memberBatcher(loyalty, { windowMs: WINDOW_MS });
    void members.load('A');
    await settle();
    await jest.advanceTimersByTimeAsync(WINDOW_MS);
    void members.load('B');
    await settle();
    expect(calls).toEqual([['A'], ['B']]);
  });

  it("holds the look-ups while the platform's rate would hold a call back, then sends them in one call", async () => {
    const { loyalty, calls, rate } = fakeLoyalty();
    const members = memberBatcher(loyalty, { windowMs: WINDOW_MS });
    rate.delayMs = 200;
    // look-ups at 0, 30 and 60 ms, still held at 150 ms
    const a = members.load('A');
    await jest.advanceTimersByTimeAsync(30);
    const b = members.load('B');
    await jest.advanceTimersByTimeAsync(30);
    const c = members.load('C');
    await jest.advanceTimersByTimeAsync(90);
    await settle();
    const found = Promise.all([a, b, c]);
    expect(calls).toEqual([]);
    rate.delayMs = 0;
    await jest.advanceTimersByTimeAsync(200);
    await settle();
    expect(calls).toEqual([['A', 'B', 'C']]);
    expect((await found).map((m) => m?.card_number)).toEqual(['A', 'B', 'C']);
  });

  it('holds them a second at most, however long the rate keeps the platform busy, then sends them', async () => {
    const { loyalty, calls, rate } = fakeLoyalty();
    const members = memberBatcher(loyalty, { windowMs: WINDOW_MS });
    rate.delayMs = 200; // other calls keep the window full for good
    void members.load('A');
    await jest.advanceTimersByTimeAsync(900);
    await settle();
    expect(calls).toEqual([]);
    await jest.advanceTimersByTimeAsync(200);
    await settle();
    expect(calls).toEqual([['A']]);
  });

  describe('reusing a recent read while the rate would hold a look-up back', () => {
    const REUSE_MS = 1000;
    /** how long the fake platform takes to answer a call */
    const ANSWER_MS = 300;

    /** What a look-up has given once the look-ups due now have run, the fake clock standing still: undefined while held. */
    async function settled(found: Promise<LoyaltyMember | null>) {
      let value: LoyaltyMember | null | undefined;
      void found.then((v) => (value = v));
      await settle();
      return value;
    }

    /** A member read by a call sent at 0 ms and answered at ANSWER_MS, its balance 100 on the platform; 150 from then on. */
    async function readOnce() {
      const fake = fakeLoyalty(ANSWER_MS);
      const members = memberBatcher(fake.loyalty, { windowMs: WINDOW_MS, reuseMs: REUSE_MS });
      const first = members.load('A');
      await settle();
      await jest.advanceTimersByTimeAsync(ANSWER_MS);
      expect((await first)?.points_balance).toBe(100);
      fake.setBalance(150);
      return { ...fake, members };
    }

    it('serves the read at once, without a call, until reuseMs after its call was sent', async () => {
      const { members, calls, rate } = await readOnce();
      rate.delayMs = 200;
      await jest.advanceTimersByTimeAsync(REUSE_MS - ANSWER_MS);
      expect((await settled(members.load('A')))?.points_balance).toBe(100);
      expect(calls).toEqual([['A']]);
    });

    it('holds the look-up as before once the read is older than reuseMs, counted from when its call was sent', async () => {
      const { members, calls, rate } = await readOnce();
      rate.delayMs = 200;
      await jest.advanceTimersByTimeAsync(REUSE_MS - ANSWER_MS + 1);
      const later = members.load('A');
      expect(await settled(later)).toBeUndefined();
      expect(calls).toEqual([['A']]);
      rate.delayMs = 0;
      await jest.advanceTimersByTimeAsync(200 + ANSWER_MS);
      expect((await later)?.points_balance).toBe(150);
      expect(calls).toEqual([['A'], ['A']]);
    });

    it('asks the platform whenever the rate would not hold the look-up back, however recent the read', async () => {
      const { members, calls } = await readOnce();
      const again = members.load('A');
      await settle();
      expect(calls).toEqual([['A'], ['A']]);
      await jest.advanceTimersByTimeAsync(ANSWER_MS);
      expect((await again)?.points_balance).toBe(150);
    });

    it('reuses an unknown card as unknown, and holds the look-up of a card not read', async () => {
      const { members, calls, rate } = await readOnce();
      const unknown = members.load('UNKNOWN');
      await settle();
      await jest.advanceTimersByTimeAsync(ANSWER_MS);
      expect(await unknown).toBeNull();
      rate.delayMs = 200;
      expect(await settled(members.load('UNKNOWN'))).toBeNull();
      expect(await settled(members.load('B'))).toBeUndefined();
      expect(calls).toEqual([['A'], ['UNKNOWN']]);
    });

    it('keeps nothing of a call that failed: the next look-up is held and asked again', async () => {
      const { loyalty, calls, rate, failNext } = fakeLoyalty();
      const members = memberBatcher(loyalty, { windowMs: WINDOW_MS, reuseMs: REUSE_MS });
      failNext(new LegacyUnavailableError('loyalty', 'HTTP 503'));
      await expect(membersOf(members, ['A'])).rejects.toBeInstanceOf(LegacyUnavailableError);
      rate.delayMs = 200;
      const again = members.load('A');
      expect(await settled(again)).toBeUndefined();
      rate.delayMs = 0;
      await jest.advanceTimersByTimeAsync(200);
      expect((await again)?.card_number).toBe('A');
      expect(calls).toEqual([['A'], ['A']]);
    });

    it('reuses nothing when reuseMs is 0', async () => {
      const { loyalty, calls, rate } = fakeLoyalty();
      const members = memberBatcher(loyalty, { windowMs: WINDOW_MS });
      await Promise.all([members.load('A'), settle()]);
      rate.delayMs = 200;
      expect(await settled(members.load('A'))).toBeUndefined();
      expect(calls).toEqual([['A']]);
    });
  });
});

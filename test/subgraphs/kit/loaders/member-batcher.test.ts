// The loyalty platform's members, looked up through one batcher for the process: look-ups arriving
// close together share a members:batchGet (the platform allows 20 requests a second), but a lone
// look-up does not wait for company: it is a customer page's last legacy call to answer otherwise.
import type { LoyaltyClient } from '../../../../adapters/loyalty/client';
import type { LoyaltyMember } from '../../../../adapters/loyalty/wire';
import { memberBatcher } from '../../../../subgraphs/kit/loaders/loyalty';

const WINDOW_MS = 5;

function fakeLoyalty() {
  const calls: string[][] = [];
  let balance = 100;
  /** how long the platform's rate would hold a call back now */
  const rate = { delayMs: 0 };
  const loyalty = {
    batchGetMembers: async (cards: readonly string[]) => {
      calls.push([...cards]);
      return cards.filter((card) => card !== 'UNKNOWN').map((card) => ({ card_number: card, points_balance: balance }) as LoyaltyMember);
    },
    delayMs: () => rate.delayMs,
  } as unknown as LoyaltyClient;
  return { loyalty, calls, rate, setBalance: (points: number) => void (balance = points) };
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

    /** A member read at 0 ms (its call sent then), its balance 100 on the platform; 150 from then on. */
    async function readOnce() {
      const fake = fakeLoyalty();
      const members = memberBatcher(fake.loyalty, { windowMs: WINDOW_MS, reuseMs: REUSE_MS });
      const first = members.load('A');
      await settle();
      expect((await first)?.points_balance).toBe(100);
      fake.setBalance(150);
      return { ...fake, members };
    }

    it('serves the read at once, without a call, while it is younger than reuseMs', async () => {
      const { members, calls, rate } = await readOnce();
      rate.delayMs = 200;
      await jest.advanceTimersByTimeAsync(REUSE_MS - 1);
      expect((await members.load('A'))?.points_balance).toBe(100);
      expect(calls).toEqual([['A']]);
    });

    it('holds the look-up as before once the read is reuseMs old', async () => {
      const { members, calls, rate } = await readOnce();
      rate.delayMs = 200;
      await jest.advanceTimersByTimeAsync(REUSE_MS);
      const later = members.load('A');
      await settle();
      expect(calls).toEqual([['A']]);
      rate.delayMs = 0;
      await jest.advanceTimersByTimeAsync(200);
      expect((await later)?.points_balance).toBe(150);
      expect(calls).toEqual([['A'], ['A']]);
    });

    it('asks the platform whenever the rate would not hold the look-up back, however recent the read', async () => {
      const { members, calls } = await readOnce();
      await jest.advanceTimersByTimeAsync(WINDOW_MS);
      const again = members.load('A');
      await settle();
      expect((await again)?.points_balance).toBe(150);
      expect(calls).toEqual([['A'], ['A']]);
    });

    it('reuses an unknown card as unknown, and holds the look-up of a card not read', async () => {
      const { members, calls, rate } = await readOnce();
      const unknown = members.load('UNKNOWN');
      await jest.advanceTimersByTimeAsync(WINDOW_MS);
      expect(await unknown).toBeNull();
      rate.delayMs = 200;
      expect(await members.load('UNKNOWN')).toBeNull();
      const other = members.load('B');
      await settle();
      expect(calls).toEqual([['A'], ['UNKNOWN']]);
      rate.delayMs = 0;
      await jest.advanceTimersByTimeAsync(200);
      expect((await other)?.card_number).toBe('B');
    });

    it('reuses nothing when reuseMs is 0', async () => {
      const { loyalty, calls, rate } = fakeLoyalty();
      const members = memberBatcher(loyalty, { windowMs: WINDOW_MS });
      await Promise.all([members.load('A'), settle()]);
      rate.delayMs = 200;
      const again = members.load('A');
      await settle();
      expect(calls).toEqual([['A']]);
      rate.delayMs = 0;
      await jest.advanceTimersByTimeAsync(200);
      await again;
      expect(calls).toEqual([['A'], ['A']]);
    });
  });
});

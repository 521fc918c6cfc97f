import { cachedValue } from '../../../platform/cache/cachedValue';
import { LegacyUnavailableError } from '../../../platform/errors';

describe('cachedValue', () => {
  it('loads once for readers that ask at the same time', async () => {
    let loads = 0;
    const value = cachedValue(async () => ({ n: ++loads }), 60_000);
    expect(await Promise.all([value.get(), value.get(), value.get()])).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    expect(loads).toBe(1);
  });

  it("fails every reader with the load's own error when nothing was loaded yet, so a legacy failure keeps its system", async () => {
    const value = cachedValue<{ n: number }>(async () => {
      throw new LegacyUnavailableError('pos', 'connection refused');
    }, 60_000);
    for (const outcome of await Promise.allSettled([value.get(), value.get(), value.get()])) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { constructor: LegacyUnavailableError, system: 'pos' } });
    }
  });

  it('serves what it last loaded while a refresh fails, and the new value once one succeeds', async () => {
    const expire = () => new Promise((resolve) => setTimeout(resolve, 5));
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    const system = systemWithOutages(1);
    const { value } = system;
    expect(await value.get()).toEqual({ n: 1 });
    await expire();
    system.down = true;
    expect(await value.get()).toEqual({ n: 1 }); // and a refresh that fails
    await settle();
    expect(system.loads).toBe(2);
    expect(await value.get()).toEqual({ n: 1 });
    system.down = false;
    await expire();
    await value.get(); // starts the refresh
    await settle();
    // a load after the failed one (the TTL is short enough that another may have started)
    expect((await value.get()).n).toBeGreaterThanOrEqual(3);
  });

  it('serves what it last loaded when the load after invalidate() fails, and tries again for the next reader', async () => {
    const system = systemWithOutages(60_000);
    const { value } = system;
    expect(await value.get()).toEqual({ n: 1 });
    system.down = true;
    value.invalidate();
    expect(await value.get()).toEqual({ n: 1 });
    expect(system.loads).toBe(2);
    system.down = false;
    expect(await value.get()).toEqual({ n: 3 });
  });

  it('answers a reader whose load invalidate() called off with a load made after it, not an error', async () => {
    const pending: ((v: { n: number }) => void)[] = [];
    const value = cachedValue(() => new Promise<{ n: number }>((resolve) => pending.push(resolve)), 60_000);
    const reader = value.get();
    await afterTurns(() => pending.length === 1);
    value.invalidate();
    pending[0]({ n: 1 }); // the load from before the refresh: not kept, not what the reader gets
    await afterTurns(() => pending.length === 2);
    pending[1]({ n: 2 });
    expect(await reader).toEqual({ n: 2 });
    expect(await value.get()).toEqual({ n: 2 });
  });

  it("fails a reader with its own load's error, not with that of a load that failed before a success", async () => {
    let outcome: 'fail' | 'ok' | 'hold' = 'fail';
    let release = () => undefined as void;
    const value = cachedValue(async () => {
      if (outcome === 'fail') throw new LegacyUnavailableError('pos', 'down');
      if (outcome === 'hold') await new Promise<void>((resolve) => (release = resolve));
      return { n: 1 };
    }, 60_000);
    await expect(value.get()).rejects.toBeInstanceOf(LegacyUnavailableError);
    outcome = 'ok';
    expect(await value.get()).toEqual({ n: 1 });
    outcome = 'hold';
    value.invalidate();
    const reader = value.get();
    value.invalidate(); // the held load called off: the reader is served by the next one
    outcome = 'ok';
    release();
    expect(await reader).toEqual({ n: 1 });
  });
});

/** Lets promise jobs run until the condition holds, a handful of turns of the event loop at most. */
async function afterTurns(condition: () => boolean) {
  for (let i = 0; i < 20 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}

/** A value read from a system that is down while `down` is set: each load counted, numbered by its count. */
function systemWithOutages(ttlMs: number) {
  const system = { down: false, loads: 0 };
  const value = cachedValue(async () => {
    system.loads += 1;
    if (system.down) throw new LegacyUnavailableError('pos', 'down');
    return { n: system.loads };
  }, ttlMs);
  return Object.assign(system, { value });
}

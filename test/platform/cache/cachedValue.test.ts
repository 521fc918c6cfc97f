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
    let fail = false;
    let loads = 0;
    const value = cachedValue(async () => {
      loads += 1;
      if (fail) throw new LegacyUnavailableError('pos', 'down');
      return { n: loads };
    }, 1);
    expect(await value.get()).toEqual({ n: 1 });
    await expire();
    fail = true;
    expect(await value.get()).toEqual({ n: 1 }); // and a refresh that fails
    await settle();
    expect(loads).toBe(2);
    expect(await value.get()).toEqual({ n: 1 });
    fail = false;
    await expire();
    await value.get(); // starts the refresh
    await settle();
    // a load after the failed one (the TTL is short enough that another may have started)
    expect((await value.get()).n).toBeGreaterThanOrEqual(3);
  });
});

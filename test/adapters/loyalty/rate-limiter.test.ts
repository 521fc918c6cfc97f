import { RateLimiter } from '../../../adapters/loyalty/rate-limiter';
import { FakeClock } from '../fake-clock';

describe('RateLimiter', () => {
  it('lets a burst through up to the limit, then waits for the window to slide', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(3, 1000, clock);
    const grantedAt: number[] = [];
    await Promise.all(Array.from({ length: 7 }, () => limiter.acquire().then(() => grantedAt.push(clock.now()))));
    expect(grantedAt).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it('never grants more than the limit within any window', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(20, 1000, clock);
    const grantedAt: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      clock.time += i % 7 === 0 ? 130 : 0; // requests arriving irregularly
      await limiter.acquire();
      grantedAt.push(clock.now());
    }
    for (const start of grantedAt) {
      expect(grantedAt.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(20);
    }
  });

  it('does not wait while under the limit', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(20, 1000, clock);
    await Promise.all(Array.from({ length: 20 }, () => limiter.acquire()));
    expect(clock.sleeps).toEqual([]);
  });
});

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

  it('tells a request that can wait: not at all while the window has room, else until it has', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(3, 1000, clock);
    expect(limiter.delayMs()).toBe(0);
    await limiter.acquire();
    clock.time = 400;
    await Promise.all([limiter.acquire(), limiter.acquire()]);
    expect(limiter.delayMs()).toBe(600); // until the first grant leaves the window
    clock.time = 1000;
    expect(limiter.delayMs()).toBe(0);
  });

  it('counts the requests already waiting for their turn', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(3, 1000, clock);
    // asked, none granted yet: the window will be full by the time another one's turn comes
    for (let i = 0; i < 3; i++) void limiter.acquire();
    expect(limiter.delayMs()).toBe(1000); // no grant in the window yet to leave it: a whole window
  });

  it('tells a request that can wait to keep an even pace once half the allowance is used', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(20, 1000, clock);
    await Promise.all(Array.from({ length: 9 }, () => limiter.acquire()));
    expect(limiter.delayMs()).toBe(0);
    await limiter.acquire();
    expect(limiter.delayMs()).toBe(50); // a twentieth of the window after the last grant
    clock.time = 50;
    expect(limiter.delayMs()).toBe(0);
  });
});

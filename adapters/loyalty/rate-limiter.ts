// Keeps a client under a vendor's request rate instead of finding the limit through 429s.
// A sliding-window log: at most `limit` grants in any `windowMs`, so a burst may use the whole
// allowance at once (bottleneck would do it too, but is not installed and this is all we need).
import { systemClock, type Clock } from '../transport/clock';

export class RateLimiter {
  private readonly granted: number[] = []; // times of the last `limit` grants, oldest first
  private queue: Promise<void> = Promise.resolve();
  private waiting = 0; // callers of acquire() not granted yet

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Resolves when one more request fits in the window; callers are served in arrival order. */
  acquire(): Promise<void> {
    this.waiting++;
    const turn = this.queue.then(() => this.waitForRoom()).finally(() => this.waiting--);
    this.queue = turn;
    return turn;
  }

  /**
   * How long a request that can wait (a batch gathering look-ups) should: 0 while more than half
   * the window's allowance is left; past half, what keeps an even pace (a limit-th of the window
   * after the last grant), rather than the rest of the allowance spent in one burst and then nothing
   * until the window slides; with the window full, until it has room again.
   */
  delayMs(): number {
    const now = this.clock.now();
    const inWindow = this.granted.filter((t) => t + this.windowMs > now);
    const used = inWindow.length + this.waiting;
    if (used >= this.limit) return inWindow.length === 0 ? this.windowMs : inWindow[0] + this.windowMs - now;
    if (used * 2 < this.limit) return 0;
    const last = inWindow.at(-1);
    return last === undefined ? 0 : Math.max(0, last + this.windowMs / this.limit - now);
  }

  private async waitForRoom(): Promise<void> {
    if (this.granted.length >= this.limit) {
      const oldest = this.granted.shift() as number;
      const wait = oldest + this.windowMs - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
    }
    this.granted.push(this.clock.now());
  }
}
